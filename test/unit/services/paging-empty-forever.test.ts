import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { ADA_ID } from '../auth/support';
import { emu, withSignedInAda } from './world';

/**
 * The worst paging X can do: every page empty (no `data`) and a new `next_token` each time, for ever. Each walk stops
 * at its own page cap (lib/services/sync-walk.ts MAX_PAGES: bookmarks 8, any other answer 100), says so, and keeps
 * what was stored: an empty page is not X saying the rest is gone.
 */

let now: number;
withSignedInAda();
beforeEach(() => {
  now = emu.state.now();
});

/** An X answering every list read with no items and a fresh 16-character token; it stops the test past 1,000 reads. */
function emptyForever() {
  const asked: string[] = [];
  const client = {
    request: async (req: { path: string; schema: { parse(v: unknown): unknown } }) => {
      asked.push(req.path);
      if (asked.length > 1000) throw new Error('more than 1,000 requests: the walk does not stop');
      const body = req.path.endsWith('/pinned_lists')
        ? { meta: { result_count: 0 } }
        : { meta: { result_count: 0, next_token: `T${asked.length}`.padStart(16, '0') } };
      return { body: req.schema.parse(body), status: 200, rateLimit: undefined };
    },
  } as unknown as XClient;
  return { client, asked };
}

const sync = (client: XClient, collection: 'muted' | 'blocked' | 'bookmarks' | 'lists') =>
  new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => now }).sync(ADA_ID, collection, { force: true });

describe('an X that sends empty pages with a new next_token for ever', () => {
  it.each([
    ['muted', 100],
    ['blocked', 100],
  ] as const)('stops the %s walk at %i pages, says so, and keeps the accounts stored', async (collection, cap) => {
    await db()[collection].put({ accountId: ADA_ID, userId: '999', position: 1 });
    const x = emptyForever();
    const result = await sync(x.client, collection);
    expect(x.asked).toHaveLength(cap);
    expect(result).toMatchObject({ ran: true, notice: { kind: 'cap', pages: cap } });
    expect((await db()[collection].where('accountId').equals(ADA_ID).toArray()).map((r) => r.userId)).toEqual(['999']);
  });

  it('stops the bookmarks walk at 8 pages', async () => {
    const x = emptyForever();
    const result = await sync(x.client, 'bookmarks');
    expect(x.asked).toHaveLength(8);
    expect(result).toMatchObject({ ran: true, notice: { kind: 'cap' } });
  });

  it('stops each of the three paged Lists answers at 100 pages', async () => {
    const x = emptyForever();
    const result = await sync(x.client, 'lists');
    // Owned, followed and member-of page; pinned Lists come in one answer (X does not page them).
    const count = (end: string) => x.asked.filter((p) => p.endsWith(end)).length;
    expect(['/owned_lists', '/followed_lists', '/list_memberships', '/pinned_lists'].map(count)).toEqual([100, 100, 100, 1]);
    expect(result).toMatchObject({ ran: true, notice: { kind: 'cap' } });
  });
});
