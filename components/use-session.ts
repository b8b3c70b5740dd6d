import { useEffect, useState } from 'react';
import { readSessionView, sessionView, sessionViewSchema, EMPTY_SESSION, type SessionView } from '@/lib/storage';

/** The public session (accounts, active account, sign-out notice), live as the background changes it. */
export function useSession(): SessionView | undefined {
  const [view, setView] = useState<SessionView>();
  useEffect(() => {
    let live = true;
    void readSessionView().then((v) => live && setView(v));
    const unwatch = sessionView.watch((next) => {
      const parsed = sessionViewSchema.safeParse(next);
      setView(parsed.success ? parsed.data : EMPTY_SESSION);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return view;
}
