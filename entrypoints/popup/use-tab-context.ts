import { useCallback, useEffect, useState } from 'react';
import { benchMark } from '@/lib/bench-mark';
import { readReply, sendMessage, type PostContext, type ProfileContext } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { prefetchKey, tabRequest, takeTabPrefetch, type TabTarget } from './prefetch';

/**
 * What the background knows of the post or profile in the tab, refreshed after each action and, while an
 * action is queued or sending, every second until it settles.
 */
export function useTabContext<T extends PostContext | ProfileContext>(accountId: string, target: TabTarget) {
  const [context, setContext] = useState<T>();
  const [error, setError] = useState<string>();
  const key = prefetchKey(target);

  const refresh = useCallback(async () => {
    try {
      // The first answer may already be on its way: popup.html's head asked for it before this code loaded.
      const early = await takeTabPrefetch(accountId, key);
      const next = await (early ? readReply<'tab.post' | 'tab.profile'>(early.reply) : sendMessage(tabRequest(accountId, target)));
      setContext(next as T);
      setError(undefined);
      // A User Timing mark for the benchmarks: the tab's actions are ready to use.
      benchMark('perch-tab-actions');
    } catch (e) {
      setError(thrownText(e));
    }
  }, [accountId, key]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const unsettled = context?.actions.some((a) => a.state === 'queued' || a.state === 'sending') ?? false;
  useEffect(() => {
    if (!unsettled) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [unsettled, refresh]);

  return { context, error, refresh };
}
