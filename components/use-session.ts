import { useEffect, useState } from 'react';
import { EMPTY_SESSION, isSessionView, readSessionView, sessionView, type SessionView } from '@/lib/storage';

/** The public session (accounts, active account, sign-out notice), live as the background changes it. */
export function useSession(): SessionView | undefined {
  const [view, setView] = useState<SessionView>();
  useEffect(() => {
    let live = true;
    void readSessionView().then((v) => live && setView(v));
    const unwatch = sessionView.watch((next) => {
      setView(isSessionView(next) ? next : EMPTY_SESSION);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return view;
}
