import { z } from 'zod';
import { beforeEach, describe, expect, it } from 'vitest';
import { droppedNotes, readAllBookmarks, readDroppedBookmarks } from '@/components/manager/use-bookmarks';
import { organiseBookmark } from '@/lib/bookmarks/notes';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from '../services/world';

/**
 * "No longer on X" (issue 14): when X stops listing a bookmark (removed on X, or past the 800 newest), the daily sync
 * drops the bookmark and its post, as X's policy requires, but never the person's tags and note; and a bookmark
 * that comes back finds them again.
 */

const DAY = 24 * 60 * 60 * 1000;
withSignedInAda();
let now: number;
beforeEach(async () => {
  now = emu.state.now();
});

const sync = (options: { force?: boolean; full?: boolean } = {}) =>
  new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => now }).sync(ADA_ID, 'bookmarks', options);

async function onX(): Promise<string[]> {
  const res = await fetch(`${emu.url}/__emulator/users/${ADA_ID}/relations`);
  return ((await res.json()) as { bookmarks: string[] }).bookmarks;
}

const bookmarkOnX = (postId: string, method: 'POST' | 'DELETE') =>
  client.request({
    method,
    path: method === 'POST' ? `/2/users/${ADA_ID}/bookmarks` : `/2/users/${ADA_ID}/bookmarks/${postId}`,
    ...(method === 'POST' ? { body: { tweet_id: postId } } : {}),
    schema: z.unknown(),
  });

const listedKeys = () => db().bookmarks.where('accountId').equals(ADA_ID).primaryKeys();

describe('a bookmark X no longer lists', () => {
  it('loses its post but keeps its tags, note, read state and author, shown as no longer on X', async () => {
    await sync();
    const [gone, kept] = await onX();
    const author = (await readAllBookmarks(ADA_ID)).find((b) => b.postId === gone)?.author?.username;
    expect(author).toBeTruthy();
    await organiseBookmark({ accountId: ADA_ID, postId: gone!, tags: ['keep'], note: 'My own words', read: true }, now);
    await organiseBookmark({ accountId: ADA_ID, postId: kept!, tags: ['other'] }, now);

    await bookmarkOnX(gone!, 'DELETE');
    now += DAY;
    emu.state.advance(DAY / 1000);
    await sync();

    expect(await db().bookmarks.get([ADA_ID, gone!])).toBeUndefined();
    expect(await db().posts.get([ADA_ID, gone!])).toBeUndefined();
    expect(await db().bookmarkNotes.get([ADA_ID, gone!])).toMatchObject({
      tags: ['keep'],
      note: 'My own words',
      read: true,
      username: author,
    });
    const dropped = droppedNotes(await db().bookmarkNotes.where('accountId').equals(ADA_ID).toArray(), await listedKeys());
    expect(dropped.map((n) => n.postId)).toEqual([gone]);
    expect(await readDroppedBookmarks(ADA_ID)).toEqual(dropped);
    // The bookmark still listed keeps its tags, joined in the same whole-index read.
    expect((await readAllBookmarks(ADA_ID)).find((b) => b.postId === kept)).toMatchObject({ tags: ['other'], note: '', read: false });
  });

  it('finds its tags and note again when it comes back, and is no longer listed as dropped', async () => {
    await sync();
    const [gone] = await onX();
    await organiseBookmark({ accountId: ADA_ID, postId: gone!, tags: ['back'], note: 'Still mine' }, now);
    await bookmarkOnX(gone!, 'DELETE');
    await sync({ force: true, full: true });
    expect(await db().bookmarks.get([ADA_ID, gone!])).toBeUndefined();

    await bookmarkOnX(gone!, 'POST');
    await sync({ force: true });

    const back = (await readAllBookmarks(ADA_ID)).find((b) => b.postId === gone);
    expect(back).toMatchObject({ tags: ['back'], note: 'Still mine', read: false });
    expect(back?.post?.text).toBeTruthy();
    // Its note is searched with its text.
    expect(back?.searchText).toContain('still mine');
    expect(droppedNotes(await db().bookmarkNotes.where('accountId').equals(ADA_ID).toArray(), await listedKeys())).toEqual([]);
    expect(await readDroppedBookmarks(ADA_ID)).toEqual([]);
  });
});
