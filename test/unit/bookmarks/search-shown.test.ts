import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { filterBookmarks, readAllBookmarks } from '@/components/manager/use-bookmarks';
import { db, type PostRow, type UserRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { withEmptyStore } from '../support/store';

/**
 * The Bookmarks search finds a card by the words the card shows. A card whose author's names do not read says
 * "Unknown author" (「不明な投稿者」), words made on the screen, never stored: the search looked only at the stored
 * text, so a person who typed the words they saw found nothing.
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';

withEmptyStore();

const users: Record<string, UserRow> = {
  '6': { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
  '4': { accountId: ACCOUNT, id: '4', name: '', username: 'ada', seenAt: WHEN },
};

/**
 * Four bookmarks: by Grace (name and @username), by @ada (no name), by an author Perch never stored, and by one whose
 * stored names are not text (another version's row). Each stored as the sync stores it.
 */
async function storeBookmarks(): Promise<void> {
  const posts: PostRow[] = [
    { accountId: ACCOUNT, id: '101', text: 'Compilers are fun', authorId: '6', urls: [], mediaCount: 0, seenAt: WHEN },
    { accountId: ACCOUNT, id: '102', text: 'Notes on the engine', authorId: '4', urls: [], mediaCount: 0, seenAt: WHEN },
    { accountId: ACCOUNT, id: '103', text: 'Who wrote this?', authorId: '7', urls: [], mediaCount: 0, seenAt: WHEN },
    { accountId: ACCOUNT, id: '104', text: 'A stray post', authorId: '8', urls: [], mediaCount: 0, seenAt: WHEN },
  ];
  await db().posts.bulkPut(posts);
  await db().users.bulkPut([...Object.values(users), { accountId: ACCOUNT, id: '8', name: 42, username: 7, seenAt: WHEN } as never]);
  await db().bookmarks.bulkPut(posts.map((p, i) => ({ accountId: ACCOUNT, postId: p.id, position: 10 - i, folderIds: [] })));
}

/** The posts a search shows, newest first. */
async function found(queries: string[]): Promise<string[][]> {
  const items = await readAllBookmarks(ACCOUNT);
  return queries.map((q) => filterBookmarks(items, q, '').map((b) => b.postId));
}

/**
 * A reply to @turing quoting a post by Grace: the card shows "Replying to @turing" and the quoted post inset, its
 * author, text and link. Stored as the sync stores it.
 */
async function storeQuotingReply(): Promise<void> {
  const post: PostRow = {
    accountId: ACCOUNT,
    id: '105',
    text: 'Worth a read',
    authorId: '4',
    urls: [],
    mediaCount: 0,
    seenAt: WHEN,
    repliedToId: '99',
    replyTo: { userId: '9', username: 'turing' },
    quotedId: '98',
    quoted: {
      id: '98',
      text: 'Nanoseconds explained with a length of wire',
      urls: [{ start: 0, end: 0, url: 'https://t.co/x', expandedUrl: 'https://example.com/nanosecond-wire' }],
      author: { id: '6', name: 'Grace Hopper', username: 'gracehop' },
    },
  };
  await db().posts.put(post);
  await db().bookmarks.put({ accountId: ACCOUNT, postId: '105', position: 20, folderIds: [] });
}

describe('searching the Bookmarks tab for the words around a post', () => {
  it('finds a card by the post it quotes (author, text, link) and by whom it replies to', async () => {
    await storeBookmarks();
    await storeQuotingReply();
    expect(await found(['nanoseconds', '"length of wire"', 'nanosecond-wire', '@turing', 'hopper', '-nanoseconds ada'])).toEqual([
      ['105'],
      ['105'],
      ['105'],
      ['105'],
      ['105', '101'],
      ['102'],
    ]);
  });
});

describe('searching the Bookmarks tab for the author words a card shows', () => {
  it('finds the cards shown as “Unknown author” by those words, and the others by their names', async () => {
    await storeBookmarks();
    expect(await found(['unknown', 'Unknown author', '"unknown author"', '@ada', 'hopper', '-unknown'])).toEqual([
      ['103', '104'],
      ['103', '104'],
      ['103', '104'],
      ['102'],
      ['101'],
      ['101', '102'],
    ]);
  });

  it('finds them by the Japanese words when Perch speaks Japanese, and not by the English it does not show', async () => {
    readInJapanese();
    await storeBookmarks();
    expect(await found(['不明', '不明な投稿者', 'unknown', '@ada'])).toEqual([['103', '104'], ['103', '104'], [], ['102']]);
  });
});
