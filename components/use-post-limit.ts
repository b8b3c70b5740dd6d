import { useEffect, useState } from 'react';
import { POST_MAX_WEIGHT } from '@/lib/limits';
import { postLimitFor } from '@/lib/text/post-limit';
import { readSessionView, sessionView, sessionViewOf } from '@/lib/storage';

/**
 * The most one post of this account may weigh, live as the session view changes: X's long-post limit when the
 * account's `subscription_type` (read from GET /2/users/me at sign-in and each account check) allows long posts,
 * else 280 — also while it is still being read, so nothing is ever offered that X would refuse.
 */
export function usePostLimit(accountId: string): number {
  const [limit, setLimit] = useState(POST_MAX_WEIGHT);
  useEffect(() => {
    let live = true;
    const limitOf = (accounts: { id: string; subscriptionType?: string }[]) =>
      postLimitFor(accounts.find((a) => a.id === accountId)?.subscriptionType);
    void readSessionView().then((v) => live && setLimit(limitOf(v.accounts)));
    const unwatch = sessionView.watch((next) => setLimit(limitOf(sessionViewOf(next).accounts)));
    return () => {
      live = false;
      unwatch();
    };
  }, [accountId]);
  return limit;
}
