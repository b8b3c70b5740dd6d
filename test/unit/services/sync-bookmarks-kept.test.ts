import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { xProblem } from '../x/problems';
import { freshDb, seedBookmarks } from './support';

/**
 * The day's full bookmark walk, which removes what X no longer lists, when X's 200 answers do not list everything: a
 * page of `errors` alone (X's refusal: GetUsersBookmarksResponse makes `data`, `meta` and `errors` all optional), and
 * pages shorter than `max_results` that go on past Perch's page cap ("If you get fewer results than max_results, more
 * may still exist": x-api--fundamentals--pagination). A bookmark X did not list there is not known gone.
 */

const ADA = '2244994945';
const NOT_AUTHORIZED = xProblem('not-authorized-for-resource', 'Sorry, you are not authorized to see bookmarks of [2244994945].');
const KEPT = ['1800000000000000001', '1800000000000000002', '1800000000000000003'];
beforeEach(async () => {
  await freshDb();
  await seedBookmarks(ADA, KEPT);
});

/** X answering the bookmarks path with `answer(n)` for its n-th request (1-based). */
function x(answer: (n: number) => unknown) {
  let n = 0;
  const fetch = vi.fn((): Promise<Response> => {
    const body = JSON.stringify(answer(++n));
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
  return { sync, fetch };
}

const post = (id: string) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] });
const stored = async () => (await db().bookmarks.where('accountId').equals(ADA).sortBy('position')).map((b) => b.postId).reverse();

describe('the full bookmark walk, whatever X answers', () => {
  it('keeps every stored bookmark and its post, and shows X’s words, when X answers with only errors', async () => {
    const { sync } = x(() => ({ errors: [NOT_AUTHORIZED] }));
    const result = await sync.sync(ADA, 'bookmarks');
    expect(result.error).toEqual({ kind: 'forbidden', said: NOT_AUTHORIZED.detail });
    expect(await stored()).toEqual(KEPT);
    expect((await db().posts.get([ADA, KEPT[0]!]))?.text).toBe(`Kept ${KEPT[0]}`);
    expect((await db().syncState.get([ADA, 'bookmarks']))?.lastFullDay).toBeUndefined();
  });

  it('shows X’s words, not “synced”, when X answers a later sync that day with only errors', async () => {
    await db().syncState.put({ accountId: ADA, collection: 'bookmarks', lastFullDay: '2030-01-15' });
    const { sync } = x(() => ({ errors: [NOT_AUTHORIZED] }));
    const result = await sync.sync(ADA, 'bookmarks', { force: true });
    expect(result.error).toEqual({ kind: 'forbidden', said: NOT_AUTHORIZED.detail });
    expect(await stored()).toEqual(KEPT);
  });

  it('keeps the bookmarks it did not reach when X’s short pages run past the page cap, and says so', async () => {
    // Ten bookmarks a page and a next page every time: 8 pages read 80 of them, not the 800 X gives at most.
    const { sync, fetch } = x((n) => {
      const data = Array.from({ length: 10 }, (_, i) => post(String(1900000000000000000n - BigInt(n * 10 + i))));
      return { data, meta: { result_count: 10, next_token: `page${n + 1}` } };
    });
    const result = await sync.sync(ADA, 'bookmarks');
    expect(fetch).toHaveBeenCalledTimes(8);
    expect(result.notice).toMatchObject({ kind: 'cap', pages: 8 });
    const ids = await stored();
    expect(ids).toHaveLength(83);
    expect(ids.slice(80)).toEqual(KEPT);
    expect((await db().posts.get([ADA, KEPT[2]!]))?.text).toBe(`Kept ${KEPT[2]}`);
  });

  it('keeps the bookmarks it did not reach when X repeats the same bookmarks under new next_tokens', async () => {
    const { sync } = x((n) => ({ data: [post('1800000000000000009')], meta: { result_count: 1, next_token: `page${n + 1}` } }));
    await sync.sync(ADA, 'bookmarks');
    expect(await stored()).toEqual(['1800000000000000009', ...KEPT]);
  });

  it('still drops every bookmark when X answers that there are none', async () => {
    const { sync } = x(() => ({ meta: { result_count: 0 } }));
    await sync.sync(ADA, 'bookmarks');
    expect(await stored()).toEqual([]);
  });
});
