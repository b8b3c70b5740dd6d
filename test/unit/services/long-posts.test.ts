import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { filterBookmarks, readAllBookmarks, type BookmarkItem } from '@/components/manager/use-bookmarks';
import { db, NEVER_SEEN, resetDb, type PostRow } from '@/lib/db';
import { bookmarksToCsv, bookmarksToJson, bookmarksToMarkdown, type ExportedBookmark } from '@/lib/export';
import { postUrl } from '@/lib/x-url';
import { postTextSegments } from '@/lib/text/segments';
import { ACTIONS } from '@/lib/services/actions';
import { listPostsPreview } from '@/lib/services/lookups';
import { postRow, wholePost } from '@/lib/services/records';
import { SyncService } from '@/lib/services/sync';
import { postContext } from '@/lib/services/tab-context';
import { postSchema } from '@/lib/x/schemas';
import { LONG_POST_WORD, SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

// The seed's long post (532 weighted characters): X's `text` holds its first ~250, `note_tweet` all of it
// (x-api--fundamentals--data-dictionary). LONG_POST_WORD and the link to example.com lie past character 280.
const LONG = SEED_POSTS.turingLong;
const LINK = 'https://example.com/on-computable-numbers';

withSignedInAda();

async function syncBookmarks(): Promise<void> {
  const sync = new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => emu.state.now() });
  expect(await sync.sync(ADA_ID, 'bookmarks')).toMatchObject({ ran: true });
}

/** One bookmark as the Bookmarks tab exports it (BookmarksView's toExported). */
function exported(b: BookmarkItem): ExportedBookmark {
  return {
    id: b.postId,
    url: postUrl(b.postId, b.author?.username),
    ...(b.author ? { authorName: b.author.name, authorUsername: b.author.username } : {}),
    segments: b.post ? postTextSegments(b.post.text, b.post.urls) : [],
    mediaCount: b.post?.mediaCount ?? 0,
    folders: [],
  };
}

describe('a bookmarked post over 280 characters', () => {
  it('is stored whole: search finds a word past character 280, and each export holds it and its link', async () => {
    await syncBookmarks();
    const stored = await db().posts.get([ADA_ID, LONG]);
    expect(stored?.text).toContain(LONG_POST_WORD);
    expect(stored?.urls.map((u) => u.expandedUrl)).toEqual([LINK]);

    const items = await readAllBookmarks(ADA_ID);
    expect(items).toHaveLength(800);
    // Typed in lower case, as people search.
    expect(filterBookmarks(items, LONG_POST_WORD.toLowerCase(), '').map((b) => b.postId)).toEqual([LONG]);
    expect(filterBookmarks(items, 'on-computable-numbers', '').map((b) => b.postId)).toEqual([LONG]);

    const rows = filterBookmarks(items, LONG_POST_WORD, '').map(exported);
    const csv = bookmarksToCsv(rows);
    expect(csv).toContain(LONG_POST_WORD);
    expect(csv).toContain(LINK);
    const json = JSON.parse(bookmarksToJson(rows, { account: 'adaperch', exportedAt: '2026-12-01T00:00:00.000Z' })) as {
      bookmarks: { text: string; links: string[] }[];
    };
    expect(json.bookmarks[0]!.text).toContain(LONG_POST_WORD);
    expect(json.bookmarks[0]!.text).toMatch(/ There is none\. Notes for @gracehop: https:\/\/example\.com\/on-computable-numbers$/);
    expect(json.bookmarks[0]!.links).toEqual([LINK]);
    const md = bookmarksToMarkdown(rows, { title: 'Bookmarks', openOnX: 'Open on X', quoted: 'Quoted post', media: (n) => `${n} media` });
    expect(md).toContain(LONG_POST_WORD);
    expect(md).toContain(`(${LINK})`);
  });

  it('shows whole in the popup card and in a List’s posts', async () => {
    const ctx = await postContext(async () => client, ADA_ID, LONG, emu.state.now());
    expect(ctx.post?.text).toContain(LONG_POST_WORD);
    const preview = await listPostsPreview(client, ADA_ID, SEED_LISTS.adaCompilers);
    const inList = preview.find((p) => p.id === LONG);
    expect(inList?.text).toContain(LONG_POST_WORD);
    expect(inList?.urls?.map((u) => u.expandedUrl)).toEqual([LINK]);
  });
});

describe('wholePost', () => {
  const cut = {
    id: '1',
    text: 'The start… https://t.co/abcdefghij',
    entities: { urls: [{ start: 11, end: 34, url: 'https://t.co/abcdefghij', expanded_url: 'https://x.com/i/web/status/1' }] },
  };

  it('takes the note’s text and entities when X sent the note’s text', () => {
    const note = { text: 'The start, and the rest.', entities: { mentions: [{ start: 0, end: 3, username: 'x' }] } };
    expect(wholePost(postSchema.parse({ ...cut, note_tweet: note }))).toEqual(note);
    // A note without entities has none: the cut text's link to the post is no part of the whole text.
    expect(postRow(ADA_ID, postSchema.parse({ ...cut, note_tweet: { text: 'The start, and the rest.' } }), NEVER_SEEN)).toMatchObject({
      text: 'The start, and the rest.',
      urls: [],
    });
  });

  it('keeps the post’s own text when there is no note, or a note without text (X requires neither)', () => {
    expect(wholePost(postSchema.parse(cut))).toEqual({ text: cut.text, entities: cut.entities });
    expect(wholePost(postSchema.parse({ ...cut, note_tweet: {} })).text).toBe(cut.text);
  });

  it('refuses a note whose text is not a string', () => {
    expect(postSchema.safeParse({ ...cut, note_tweet: { text: 42 } }).success).toBe(false);
  });
});

describe('the store’s version 2', () => {
  it('marks posts stored by version 1 unseen and forgets the bookmarks’ last full walk, so both are read again', async () => {
    resetDb();
    await Dexie.delete('perch');
    const v1 = new Dexie('perch');
    v1.version(1).stores({ posts: '[accountId+id], accountId, [accountId+seenAt]', syncState: '[accountId+collection], accountId' });
    const cutShort: PostRow = {
      accountId: ADA_ID,
      id: LONG,
      text: 'On computable numbers…',
      urls: [],
      mediaCount: 0,
      seenAt: '2026-12-01T08:00:00.000Z',
    };
    await v1.table('posts').put(cutShort);
    await v1.table('syncState').bulkPut([
      { accountId: ADA_ID, collection: 'bookmarks', lastFullDay: '2026-12-01', lastSyncedAt: '2026-12-01T08:00:00.000Z' },
      { accountId: ADA_ID, collection: 'muted', lastFullDay: '2026-12-01' },
    ]);
    v1.close();

    const d = db();
    expect((await d.posts.get([ADA_ID, LONG]))?.seenAt).toBe(NEVER_SEEN);
    const bookmarks = await d.syncState.get([ADA_ID, 'bookmarks']);
    expect(bookmarks?.lastFullDay).toBeUndefined();
    expect(bookmarks?.lastSyncedAt).toBe('2026-12-01T08:00:00.000Z');
    expect((await d.syncState.get([ADA_ID, 'muted']))?.lastFullDay).toBe('2026-12-01');
  });
});
