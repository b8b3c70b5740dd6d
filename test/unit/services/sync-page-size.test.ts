import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

/**
 * A page holding more than the `max_results` it was asked with ("Results per page": x-api--fundamentals--pagination):
 * 101 bookmarks for 100, 1,001 muted accounts for 1,000. Read as such, 8 or 100 pages of them would store without
 * bound (10⁶ items a page, 10⁸ a walk). The sync says X's answer could not be read, and nothing stored changes.
 */

const ADA = '2244994945';
beforeEach(freshDb);

function x(body: unknown) {
  const fetch = vi.fn(() =>
    Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })),
  );
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
}

const id = (n: number) => String(1_000_000_000n + BigInt(n));

describe('a page with more items than asked for', () => {
  it('refuses 101 bookmarks on a page of 100, and keeps the stored ones and their posts', async () => {
    const kept = '1800000000000000001';
    await db().posts.put({ accountId: ADA, id: kept, text: 'Kept', urls: [], mediaCount: 0, seenAt: '2030-01-14T09:00:00.000Z' });
    await db().bookmarks.put({ accountId: ADA, postId: kept, position: 1, folderIds: [], searchText: '' });
    const data = Array.from({ length: 101 }, (_, n) => ({ id: id(n), text: `Post ${n}`, edit_history_tweet_ids: [id(n)] }));
    const result = await x({ data, meta: { result_count: 101 } }).sync(ADA, 'bookmarks');
    expect(result.error).toMatchObject({ kind: 'malformed' });
    expect((await db().bookmarks.toArray()).map((b) => b.postId)).toEqual([kept]);
    expect((await db().posts.toArray()).map((p) => p.id)).toEqual([kept]);
  });

  it('refuses 1,001 muted accounts on a page of 1,000, storing none of them', async () => {
    await db().muted.put({ accountId: ADA, userId: '42', position: 1 });
    const data = Array.from({ length: 1001 }, (_, n) => ({ id: id(n), name: `User ${n}`, username: `u${n}` }));
    const result = await x({ data, meta: { result_count: 1001 } }).sync(ADA, 'muted');
    expect(result.error).toMatchObject({ kind: 'malformed' });
    expect((await db().muted.toArray()).map((m) => m.userId)).toEqual(['42']);
    expect(await db().users.count()).toBe(0);
  });

  it('still reads a full page of exactly 100 bookmarks', async () => {
    const data = Array.from({ length: 100 }, (_, n) => ({ id: id(n), text: `Post ${n}`, edit_history_tweet_ids: [id(n)] }));
    const result = await x({ data, meta: { result_count: 100 } }).sync(ADA, 'bookmarks');
    expect(result).toMatchObject({ ran: true, items: 100 });
    expect(await db().bookmarks.count()).toBe(100);
  });
});
