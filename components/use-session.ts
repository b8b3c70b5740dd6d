import { useEffect, useState } from 'react';
import { isSessionView, readSessionView, sessionView, sessionViewOf, type SessionView } from '@/lib/storage';

declare global {
  interface Window {
    /**
     * The stored session view as a page read it before React loaded (the popup's head script,
     * entrypoints/popup/prefetch.ts): public profile fields only, unchecked until `useSession` validates it.
     */
    perchSessionView?: unknown;
  }
}

/** The public session (accounts, active account, sign-out notice), live as the background changes it. */
export function useSession(): SessionView | undefined {
  // The popup reads the session before React loads (entrypoints/popup/prefetch.ts): start from it when it is sound.
  const [view, setView] = useState<SessionView | undefined>(() => {
    const early: unknown = typeof window === 'undefined' ? undefined : window.perchSessionView;
    return isSessionView(early) ? early : undefined;
  });
  useEffect(() => {
    let live = true;
    void readSessionView().then((v) => live && setView(v));
    // A live change is read as leniently as the opening read: a malformed notice alone drops the notice, not the accounts.
    const unwatch = sessionView.watch((next) => setView(sessionViewOf(next)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return view;
}
