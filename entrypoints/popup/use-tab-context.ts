import { useCallback, useEffect, useState } from 'react';
import { benchMark } from '@/lib/bench-mark';
import { readReply, sendMessage, type PostContext, type ProfileContext } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { watchOutbox } from '@/lib/services/outbox-feed';
import { prefetchKey, tabRequest, takeTabPrefetch, type TabTarget } from './prefetch';
import { TabFollower } from './tab-follower';

/**
 * What the background knows of the post or profile in the tab: read once, then kept current by the outbox's
 * published changes (tab-follower.ts) — no timer. `track` shows an action just sent on its button.
 */
export function useTabContext<T extends PostContext | ProfileContext>(accountId: string, target: TabTarget) {
  const [context, setContext] = useState<T>();
  const [error, setError] = useState<string>();
  const key = prefetchKey(target);
  const [follower] = useState(
    () =>
      new TabFollower<T>({
        read: async () => {
          // The first answer may already be on its way: popup.html's head asked for it before this code loaded.
          const early = await takeTabPrefetch(accountId, key);
          const next = await (early ? readReply<'tab.post' | 'tab.profile'>(early.reply) : sendMessage(tabRequest(accountId, target)));
          // A User Timing mark for the benchmarks: the tab's actions are ready to use.
          benchMark('perch-tab-actions');
          return next as T;
        },
        watch: (onChange) => watchOutbox(accountId, onChange),
        show: (next, read) => {
          setContext(next);
          // A failed read stays said until a read works: a click moves the buttons along, not the read.
          if (read) setError(undefined);
        },
        fail: (e) => setError(thrownText(e)),
      }),
  );

  // The panel is keyed by account and target (App.tsx), so one follower serves its whole life.
  useEffect(() => follower.start(), [follower]);

  const refresh = useCallback(() => follower.refresh(), [follower]);
  const track = useCallback((seq: number, type: string, early?: boolean) => follower.track(seq, type, early), [follower]);
  return { context, error, refresh, track };
}
