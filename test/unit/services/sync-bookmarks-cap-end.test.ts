import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { bookmarksSyncLine } from './bookmarks-sync-line';
import { freshDb } from './support';

/**
 * X gives apps a person's 800 newest bookmarks ("you will get back 800 of your most recent Bookmarked Posts":
 * x-api--posts--bookmarks--integrate) and then ends its pages: its eighth page of 100 has no next_token, however many
 * more the person has on x.com. The Bookmarks tab then says "800 bookmarks"; without a word, a person with 1,050 reads
 * that as all of them.
 */

const ADA = '2244994945';

beforeEach(() => freshDb());

/** X answering `pages` bookmark pages of 100, the last without a next page, as X ends at its 800 newest. */
function syncEndingAfter(pages: number) {
  let n = 0;
  const fetch = vi.fn((): Promise<Response> => {
    n++;
    const data = Array.from({ length: 100 }, (_, i) => {
      const id = String(1900000000000000000n - BigInt(n * 1000 + i));
      return { id, text: `Post ${id}`, edit_history_tweet_ids: [id] };
    });
    const meta = { result_count: 100, ...(n < pages ? { next_token: `page${n + 1}` } : {}) };
    return Promise.resolve(new Response(JSON.stringify({ data, meta }), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
}

describe('the Bookmarks tab when X ends its pages at its 800 newest', () => {
  it('says on a first sync that X lets apps read only the 800 newest, and nothing of older ones never stored', async () => {
    const result = await syncEndingAfter(8).sync(ADA, 'bookmarks');

    expect(await db().bookmarks.count()).toBe(800);
    expect(result.notice).toEqual({ kind: 'cap', pages: 8 });
    const line = await bookmarksSyncLine(ADA);
    expect(line).toContain('X lets apps read only your 800 newest bookmarks, so Perch stopped there.');
    // A new user has no older bookmark here, no tag or note on one, and no No longer on X section to look for.
    expect(line).not.toContain('No longer on X');
  });

  it('says the older stored ones are not shown, and where their tags and notes are, once one is let go', async () => {
    const older = '1700000000000000001';
    await db().bookmarks.put({ accountId: ADA, postId: older, position: 1, folderIds: [], searchText: '' });
    const result = await syncEndingAfter(8).sync(ADA, 'bookmarks');

    expect(await db().bookmarks.get([ADA, older])).toBeUndefined();
    expect(result.notice).toMatchObject({ kind: 'cap', read: 800, older: 'gone' });
    expect(await bookmarksSyncLine(ADA)).toContain('X lets apps read only your 800 newest bookmarks, so those are the ones shown here.');
  });

  it('says nothing of a cap when X ends its pages before 800', async () => {
    const result = await syncEndingAfter(3).sync(ADA, 'bookmarks');

    expect(await db().bookmarks.count()).toBe(300);
    expect(result.notice).toBeUndefined();
    expect(await bookmarksSyncLine(ADA)).not.toContain('800');
  });
});
