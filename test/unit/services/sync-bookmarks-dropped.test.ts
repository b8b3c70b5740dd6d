import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { validateResponse } from '../../openapi/contract';
import { bookmarksSyncLine } from './bookmarks-sync-line';
import { freshDb, seedBookmarks } from './support';

/**
 * A page of GET /2/users/:id/bookmarks (getUsersBookmarks) holding a post X sent without `text` (or `id`). X's
 * description requires nothing of a Tweet (components.schemas.Tweet has no `required`), so such a page is X's; Perch
 * cannot show that post, but the other bookmarks of the page are still the person's. That one is left out alone, as a
 * folder without its name is (lib/x/bookmarks.ts), and the walk is not whole: the stored bookmark it could not read is
 * kept, the sync is not the day's full read, and the Bookmarks tab says bookmarks were kept.
 */

const ADA = '2244994945';
const READABLE = ['1900000000000000003', '1900000000000000001'];
const TEXTLESS = '1900000000000000002';
const OLDER = '1800000000000000001';

beforeEach(async () => {
  await freshDb();
  await seedBookmarks(ADA, [TEXTLESS, OLDER]);
});

/** X answering the bookmarks path with one page: READABLE with TEXTLESS between them, `bad` in its place. */
function syncAnswering(bad: Record<string, unknown>, meta?: Record<string, unknown>, contract = true) {
  const post = (id: string) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] });
  return syncWith([{ data: [post(READABLE[0]!), bad, post(READABLE[1]!)], ...(meta ? { meta } : {}) }], contract).service;
}

/** X answering the bookmarks path with `bodies`, one a request in turn (X's own, unless `contract` is false). */
function syncWith(bodies: Record<string, unknown>[], contract = true) {
  if (contract) for (const body of bodies) expect(validateResponse({ operationId: 'getUsersBookmarks', status: 200, body })).toEqual([]);
  let n = 0;
  const fetch = vi.fn(() => {
    const json = JSON.stringify(bodies[Math.min(n++, bodies.length - 1)]);
    return Promise.resolve(new Response(json, { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  const service = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
  return { service, fetch };
}

const stored = async () => (await db().bookmarks.where('accountId').equals(ADA).sortBy('position')).map((b) => b.postId).reverse();

describe('the full bookmark walk when X sends one post it cannot read', () => {
  it.each([
    ['without text, counted by X', { id: TEXTLESS, edit_history_tweet_ids: [TEXTLESS] }, { result_count: 3 }, true],
    ['without text, and no meta', { id: TEXTLESS, edit_history_tweet_ids: [TEXTLESS] }, undefined, true],
    ['with text null', { id: TEXTLESS, text: null }, { result_count: 3 }, false],
    ['with a numeric text', { id: TEXTLESS, text: 5 }, { result_count: 3 }, false],
  ])('counts it seen, keeps its stored bookmark as it was, and is the day’s full read: a post %s', async (_, bad, meta, ok) => {
    const result = await syncAnswering(bad, meta, ok).sync(ADA, 'bookmarks');

    expect(result.error).toBeUndefined();
    expect(result.ran).toBe(true);
    // X listed it between the readable two: kept there, its post as stored; the older one X no longer lists is gone.
    expect(await stored()).toEqual([READABLE[0], TEXTLESS, READABLE[1]]);
    expect((await db().posts.get([ADA, READABLE[1]!]))?.text).toBe(`Post ${READABLE[1]}`);
    expect((await db().posts.get([ADA, TEXTLESS]))?.text).toBe(`Kept ${TEXTLESS}`);
    expect(await db().posts.get([ADA, OLDER])).toBeUndefined();
    const state = await db().syncState.get([ADA, 'bookmarks']);
    expect(state?.lastFullDay).toBe('2030-01-15');
    expect(state?.kept).toBeUndefined();
  });

  it('is not read again at the next hourly sync of the day when X keeps sending that post without its text', async () => {
    const { service, fetch } = syncWith([{ data: [{ id: TEXTLESS, edit_history_tweet_ids: [TEXTLESS] }], meta: { result_count: 1 } }]);
    expect((await service.sync(ADA, 'bookmarks')).ran).toBe(true);
    expect((await service.sync(ADA, 'bookmarks')).ran).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual([TEXTLESS]);
  });

  it('says on the Bookmarks tab how many posts X sent that Perch could not read, until a sync reads them all', async () => {
    const post = (id: string) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] });
    const { service } = syncWith([
      { data: [post(READABLE[0]!), { id: TEXTLESS, edit_history_tweet_ids: [TEXTLESS] }, { edit_history_tweet_ids: [OLDER] }] },
      { data: [post(READABLE[0]!), post(TEXTLESS)] },
    ]);
    await service.sync(ADA, 'bookmarks');
    expect(await bookmarksSyncLine(ADA)).toContain('X sent 2 bookmarked posts that Perch could not read.');

    await service.sync(ADA, 'bookmarks', { force: true, full: true });
    expect(await bookmarksSyncLine(ADA)).not.toContain('could not read');
  });

  it('makes no bookmark of nothing for a new one X sent unreadable', async () => {
    const NEW = '1900000000000000009';
    await syncAnswering({ id: NEW, edit_history_tweet_ids: [NEW] }, { result_count: 3 }).sync(ADA, 'bookmarks');
    expect(await stored()).toEqual([...READABLE]);
    expect((await db().syncState.get([ADA, 'bookmarks']))?.lastFullDay).toBe('2030-01-15');
  });

  it.each([
    ['without id or text', { edit_history_tweet_ids: [TEXTLESS] }, true],
    ['with a numeric id', { id: 1900000000000000002, text: 'Rounded' }, false],
  ])('keeps every stored bookmark and reads again for a post %s: which one it is is not known', async (_, bad, ok) => {
    const result = await syncAnswering(bad, { result_count: 3 }, ok).sync(ADA, 'bookmarks');

    expect(result.error).toBeUndefined();
    expect(await stored()).toEqual([...READABLE, TEXTLESS, OLDER]);
    expect((await db().posts.get([ADA, TEXTLESS]))?.text).toBe(`Kept ${TEXTLESS}`);
    const state = await db().syncState.get([ADA, 'bookmarks']);
    // Not the day's full read: the next sync reads again, and the tab says what was kept.
    expect(state?.lastFullDay).toBeUndefined();
    expect(state?.kept).toBe(2);
    expect(await bookmarksSyncLine(ADA)).toContain('2 bookmarks it did not list are kept as they were.');
  });
});

describe('the new-bookmarks walk when X sends one post it cannot read', () => {
  const NEW = '1900000000000000004';
  const post = (id: string) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] });
  beforeEach(async () => {
    await db().syncState.put({ accountId: ADA, collection: 'bookmarks', lastFullDay: '2030-01-15' });
  });

  it('stops at a stored bookmark X sent unreadable, and keeps the day’s full read done', async () => {
    // X's next page starts at OLDER, which the walk need not ask for: TEXTLESS, stored, ends the new ones.
    const { service, fetch } = syncWith([
      { data: [post(NEW), { id: TEXTLESS, edit_history_tweet_ids: [TEXTLESS] }], meta: { result_count: 2, next_token: 'p2' } },
      { data: [post(OLDER)], meta: { result_count: 1 } },
    ]);
    const result = await service.sync(ADA, 'bookmarks', { force: true });

    expect(result.error).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual([NEW, TEXTLESS, OLDER]);
    expect((await db().posts.get([ADA, TEXTLESS]))?.text).toBe(`Kept ${TEXTLESS}`);
    expect((await db().syncState.get([ADA, 'bookmarks']))?.lastFullDay).toBe('2030-01-15');
  });

  it('stores the readable new ones and makes no bookmark of nothing for a new one X sent unreadable', async () => {
    const result = await syncAnswering({ id: NEW, edit_history_tweet_ids: [NEW] }).sync(ADA, 'bookmarks', { force: true });

    expect(result.error).toBeUndefined();
    expect(await stored()).toEqual([...READABLE, TEXTLESS, OLDER]);
    expect((await db().syncState.get([ADA, 'bookmarks']))?.lastFullDay).toBe('2030-01-15');
  });

  it('leaves the day’s full read to do again for one without an id, so the next sync meets that post again', async () => {
    const result = await syncAnswering({ edit_history_tweet_ids: [NEW] }).sync(ADA, 'bookmarks', { force: true });

    expect(result.error).toBeUndefined();
    expect(await stored()).toEqual([...READABLE, TEXTLESS, OLDER]);
    expect((await db().syncState.get([ADA, 'bookmarks']))?.lastFullDay).toBeUndefined();
  });
});
