import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { bookmarksSyncLine } from './bookmarks-sync-line';
import { freshDb } from './support';

/**
 * What the Bookmarks tab says when the bookmark walk stops at its page cap. X gives apps a person's 800 newest
 * bookmarks ("With the GET method of the Bookmarks lookup endpoint you will get back 800 of your most recent Bookmarked
 * Posts": x-api--posts--bookmarks--integrate, "Rate limits"), 8 pages of 100 (getUsersBookmarks, max_results 100).
 * The person reads what happened, and that nothing was lost: past X's 800, nothing changed on X and their tags and
 * notes stay; before them (X's pages held fewer than asked: x-api--fundamentals--pagination), the rest stays here.
 */

const ADA = '2244994945';
const OLDER = '1700000000000000001';

beforeEach(async () => {
  await freshDb();
  await db().posts.put({ accountId: ADA, id: OLDER, text: 'An old one', urls: [], mediaCount: 0, seenAt: '2030-01-14T09:00:00.000Z' });
  await db().bookmarks.put({ accountId: ADA, postId: OLDER, position: 1, folderIds: [], searchText: '' });
  await db().bookmarkNotes.put({
    accountId: ADA,
    postId: OLDER,
    tags: ['keep'],
    note: 'mine',
    read: false,
    updatedAt: '2030-01-14T09:00:00.000Z',
  });
});

/** X answering every bookmarks page with `size` new posts and a next page. */
function syncWithPagesOf(size: number, now = Date.UTC(2030, 0, 15, 9)) {
  let n = 0;
  const fetch = vi.fn((): Promise<Response> => {
    n++;
    const data = Array.from({ length: size }, (_, i) => {
      const id = String(1900000000000000000n - BigInt(n * 1000 + i));
      return { id, text: `Post ${id}`, edit_history_tweet_ids: [id] };
    });
    const body = JSON.stringify({ ...(size ? { data } : {}), meta: { result_count: size, next_token: `page${n + 1}` } });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => now });
}

describe('the Bookmarks tab when the walk stops at X’s 800 newest', () => {
  it('says older ones are not shown, that nothing changed on X, and where their tags and notes are', async () => {
    const result = await syncWithPagesOf(100).sync(ADA, 'bookmarks');

    expect(result.notice).toMatchObject({ kind: 'cap', pages: 8, read: 800, older: 'gone' });
    expect(await db().bookmarks.get([ADA, OLDER])).toBeUndefined();
    expect((await db().bookmarkNotes.get([ADA, OLDER]))?.note).toBe('mine');
    expect(await bookmarksSyncLine(ADA)).toContain(
      'X lets apps read only your 800 newest bookmarks, so those are the ones shown here. Nothing was removed on X, ' +
        'and tags and notes you gave older ones stay under No longer on X.',
    );
    readInJapanese();
    expect(await bookmarksSyncLine(ADA)).toContain(
      'X上では何も削除されておらず、それより古いブックマークに付けたタグとメモは「Xにはもうないもの」に残っています。',
    );
  });
});

describe('the Bookmarks tab when the walk stops at its page cap before X’s 800', () => {
  it('says how many it read and that the others stay as they were', async () => {
    const result = await syncWithPagesOf(10).sync(ADA, 'bookmarks');

    expect(result.notice).toMatchObject({ kind: 'cap', pages: 8, read: 80, older: 'kept' });
    expect((await db().bookmarks.get([ADA, OLDER]))?.postId).toBe(OLDER);
    expect(await bookmarksSyncLine(ADA)).toContain(
      'X lets apps read your 800 newest bookmarks; Perch read 80 of them in 8 pages, the most it asks for in one sync. ' +
        'The others stay as they were here.',
    );
    readInJapanese();
    expect(await bookmarksSyncLine(ADA)).toContain('Perchは1回の同期で読み込む上限の8ページで、そのうち80件を読み込みました。');
  });

  it('says one in the singular', async () => {
    await db().syncState.put({ accountId: ADA, collection: 'bookmarks', notice: { kind: 'cap', pages: 8, read: 1, older: 'kept' } });

    expect(await bookmarksSyncLine(ADA)).toContain('Perch read 1 of them in 8 pages');
  });

  it('keeps the stored ones when a later sync that day reads 8 pages of new bookmarks, and says so', async () => {
    await db().syncState.put({ accountId: ADA, collection: 'bookmarks', lastFullDay: '2030-01-15' });
    const result = await syncWithPagesOf(100).sync(ADA, 'bookmarks', { force: true });

    expect(result.notice).toMatchObject({ kind: 'cap', read: 800, older: 'kept' });
    expect((await db().bookmarks.get([ADA, OLDER]))?.postId).toBe(OLDER);
    expect(await bookmarksSyncLine(ADA)).toContain('Perch read 800 of them in 8 pages');
  });
});
