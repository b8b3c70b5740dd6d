import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { xProblem } from '../x/problems';
import { bookmarksSyncLine } from './bookmarks-sync-line';
import { freshDb, seedBookmarks } from './support';

/**
 * The day's full bookmark walk when a page of GET /2/users/:id/bookmarks (getUsersBookmarks; x-api--users--get-bookmarks)
 * carries `errors` beside its posts (x-api--fundamentals--response-codes-and-errors, "Partial errors"). An error that
 * names no post, or another kind of resource than an expansion pulled in, does not say what X left out: X did not say the
 * rest is gone, so the stored bookmarks it did not list are kept, and the Bookmarks tab says how many.
 */

const ADA = '2244994945';
const LISTED = ['1900000000000000002', '1900000000000000001'];
const KEPT = ['1800000000000000001', '1800000000000000002', '1800000000000000003'];

beforeEach(async () => {
  await freshDb();
  await seedBookmarks(ADA, KEPT);
});

/** X answering the bookmarks path with one page: the LISTED posts and these `errors`. */
function syncAnswering(errors: unknown[]) {
  const data = LISTED.map((id) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] }));
  const body = JSON.stringify({ data, errors, meta: { result_count: data.length } });
  const fetch = vi.fn(() => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })));
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
}

const stored = async () => (await db().bookmarks.where('accountId').equals(ADA).sortBy('position')).map((b) => b.postId).reverse();

// X's errors that do not say which bookmark is missing: none named, or a user X named outside the expansions asked.
const UNNAMED = {
  'naming nothing': { title: 'Service Unavailable', detail: 'Some bookmarks could not be loaded.', type: 'about:blank' },
  'naming a user, not a post': xProblem('resource-not-found', 'Could not find user with id: [2244994945].', {
    resource_type: 'user',
    parameter: 'id',
    resource_id: ADA,
    value: ADA,
  }),
};

describe('the full bookmark walk when X’s errors do not say what they left out', () => {
  it.each(Object.entries(UNNAMED))('keeps the bookmarks X did not list, in order, for an error %s', async (_, error) => {
    const result = await syncAnswering([error]).sync(ADA, 'bookmarks');

    expect(result.error).toBeUndefined();
    expect(await stored()).toEqual([...LISTED, ...KEPT]);
    expect((await db().posts.get([ADA, KEPT[2]!]))?.text).toBe(`Kept ${KEPT[2]}`);
    // Not the day's full read: the next sync that day reads again.
    const state = await db().syncState.get([ADA, 'bookmarks']);
    expect(state?.lastFullDay).toBeUndefined();
    expect(state?.kept).toBe(3);
  });

  it('says so on the Bookmarks tab, in the plural, the singular and Japanese', async () => {
    await syncAnswering([UNNAMED['naming nothing']]).sync(ADA, 'bookmarks');
    expect(await bookmarksSyncLine(ADA)).toContain(
      'X did not send all of your bookmarks or say which it left out; 3 bookmarks it did not list are kept as they were.',
    );
    await db().syncState.update([ADA, 'bookmarks'], { kept: 1 });
    expect(await bookmarksSyncLine(ADA)).toContain(
      'X did not send all of your bookmarks or say which it left out; 1 bookmark it did not list is kept as it was.',
    );
    readInJapanese();
    expect(await bookmarksSyncLine(ADA)).toContain(
      'Xがブックマークの一部を送らず、どれを省いたかも示さなかったため、送られてこなかった1件のブックマークを以前のまま残しています。',
    );
  });
});

describe('the full bookmark walk when X’s errors say what they are about', () => {
  const named = {
    'a post X cannot give': xProblem('resource-not-found', `Could not find tweet with id: [${KEPT[0]}].`, {
      resource_type: 'tweet',
      parameter: 'id',
      resource_id: KEPT[0]!,
      value: KEPT[0]!,
    }),
    'a quoted post’s author (an expansion)': xProblem('resource-not-found', 'Could not find user with id: [42].', {
      resource_type: 'user',
      parameter: 'referenced_tweets.id.author_id',
      resource_id: '42',
      value: '42',
    }),
  };
  it.each(Object.entries(named))('still drops the bookmarks X no longer lists, for an error naming %s', async (_, error) => {
    await syncAnswering([error]).sync(ADA, 'bookmarks');

    expect(await stored()).toEqual(LISTED);
    expect(await db().posts.get([ADA, KEPT[0]!])).toBeUndefined();
    const state = await db().syncState.get([ADA, 'bookmarks']);
    expect(state?.lastFullDay).toBe('2030-01-15');
    expect(state?.kept).toBeUndefined();
  });
});
