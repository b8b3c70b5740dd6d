import type { RateLimitInfo } from '../x/errors';
import type { RateLimitStore } from '../x/limiter';
import { db } from '../db';

/** The limiter's memory for one account, in the store so a restarted worker still knows X's last word. */
export function rateLimitStore(accountId: string): RateLimitStore {
  return {
    async get(endpoint: string): Promise<RateLimitInfo | undefined> {
      const row = await db().rateLimits.get([accountId, endpoint]);
      if (!row) return undefined;
      return {
        limit: row.limit,
        remaining: row.remaining,
        reset: row.reset,
        ...(row.userDay ? { userDay: row.userDay } : {}),
        ...(row.appDay ? { appDay: row.appDay } : {}),
        ...(row.own ? { own: true as const } : {}),
      };
    },
    async put(endpoint: string, info: RateLimitInfo): Promise<void> {
      await db().rateLimits.put({ accountId, endpoint, ...info });
    },
  };
}
