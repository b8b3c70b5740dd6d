import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import { filterBookmarks, readAllBookmarks, type BookmarkItem } from '@/components/manager/use-bookmarks';
import { searchable } from '@/lib/bookmarks/query';
import { db, type PostRow } from '@/lib/db';
import { withEmptyStore } from '../support/store';

/**
 * The Bookmarks search finds a card by any words the card shows, field by field (BookmarkCard), through the same
 * join the tab reads (use-bookmarks): a field the card gains and the search words leave out fails here. Tags are one:
 * a person who typed a tag's word, shown on the card, found nothing unless they typed `tag:` before it.
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';
const AUTHOR = { accountId: ACCOUNT, id: '60', name: 'Base Name', username: 'basename', seenAt: WHEN };

withEmptyStore();

const post = (id: string, extra: Partial<PostRow> = {}): PostRow => ({
  accountId: ACCOUNT,
  id,
  text: 'Plain words',
  authorId: AUTHOR.id,
  urls: [],
  mediaCount: 0,
  seenAt: WHEN,
  ...extra,
});

interface Case {
  field: string;
  /** The words the card shows, typed as a person would (the search ignores case and accents). */
  words: string;
  post?: PostRow | undefined;
  authorId?: string;
  tags?: string[];
  note?: string;
}

const QUOTED = { id: '98', text: 'Quoted musings', urls: [], author: { id: '61', name: 'Grace Hopper', username: 'gracehop' } };
const LINK = {
  url: 'https://t.co/abc',
  start: 4,
  end: 20,
  expandedUrl: 'https://example.com/torpedo-guidance',
  displayUrl: 'example.com/torpedo-gu…',
};
const QUOTED_LINK = { url: 'https://t.co/q', start: 0, end: 14, expandedUrl: 'https://example.org/spread-spectrum' };
/** A link whose display URL names another site: the card shows the form made from its address, encoded. */
const OTHER_SITE_LINK = {
  url: 'https://t.co/c',
  start: 0,
  end: 14,
  expandedUrl: 'https://example.net/café',
  displayUrl: 'example.com/cafe',
};

/** One bookmark per field the card shows, with the words it shows there. */
const CASES: Case[] = [
  { field: 'author name', words: 'Hedy Lamarr', authorId: '62' },
  { field: 'author @username', words: '@hedyl', authorId: '62' },
  { field: 'an author Perch has not stored', words: 'Unknown author', authorId: '63' },
  {
    field: 'whom it replies to',
    words: 'Replying to @turing',
    post: post('', { repliedToId: '90', replyTo: { userId: '9', username: 'turing' } }),
  },
  { field: 'reply X did not say whom to', words: 'Replying to a post', post: post('', { repliedToId: '91' }) },
  { field: 'post text', words: 'frequency hopping', post: post('', { text: 'On frequency hopping' }) },
  { field: 'post text as shown, X’s escapes undone', words: 'R&D', post: post('', { text: 'R&amp;D notes' }) },
  { field: 'link as shown', words: 'example.com/torpedo-gu…', post: post('', { text: 'see https://t.co/abc', urls: [LINK] }) },
  {
    field: 'link whose display URL names another site',
    words: 'example.net/caf%C3%A9',
    post: post('', { text: 'https://t.co/c', urls: [OTHER_SITE_LINK] }),
  },
  {
    field: 'picture description',
    words: 'a radio dial',
    post: post('', {
      mediaCount: 1,
      media: [{ key: '3_1', type: 'photo', url: 'https://pbs.twimg.com/media/a.jpg', altText: 'A radio dial' }],
    }),
  },
  { field: 'quoted post’s author', words: 'Grace Hopper @gracehop', post: post('', { quotedId: '98', quoted: QUOTED }) },
  { field: 'quoted post’s text', words: 'quoted musings', post: post('', { quotedId: '98', quoted: QUOTED }) },
  {
    field: 'quoted post whose author X did not name',
    words: 'Quoted post',
    post: post('', { quotedId: '96', quoted: { id: '96', text: 'Anonymous musings', urls: [] } }),
  },
  { field: 'media X did not return', words: '2 images or videos', post: post('', { mediaCount: 2 }) },
  { field: 'quote X did not return', words: 'Quotes a post', post: post('', { quotedId: '95' }) },
  {
    field: 'quoted post’s link',
    words: 'example.org/spread',
    post: post('', { quotedId: '97', quoted: { id: '97', text: 'https://t.co/q', urls: [QUOTED_LINK] } }),
  },
  { field: 'a post X no longer shows', words: 'no longer available', post: undefined },
  { field: 'tag', words: 'wartime', tags: ['wartime'] },
  { field: 'note', words: 'ask about the patent', note: 'Ask about the patent' },
];

const idOf = (i: number) => String(500 + i);

async function storeCases(): Promise<void> {
  const d = db();
  await d.users.bulkPut([AUTHOR, { accountId: ACCOUNT, id: '62', name: 'Hedy Lamarr', username: 'hedyl', seenAt: WHEN }]);
  for (const [i, c] of CASES.entries()) {
    const id = idOf(i);
    const p = 'post' in c ? c.post : post(id);
    if (p) await d.posts.put({ ...p, id, authorId: c.authorId ?? AUTHOR.id });
    await d.bookmarks.put({ accountId: ACCOUNT, postId: id, position: 100 - i, folderIds: [] });
    if (c.tags || c.note)
      await d.bookmarkNotes.put({ accountId: ACCOUNT, postId: id, tags: c.tags ?? [], note: c.note ?? '', read: false, updatedAt: WHEN });
  }
}

/** A card as the Bookmarks tab draws it, in a page of its own. */
function cardDocument(item: BookmarkItem) {
  return parseHTML(
    `<!doctype html><html><body>${renderToStaticMarkup(<BookmarkCard item={item} onRemove={() => undefined} />)}</body></html>`,
  ).document;
}

/** What a card shows: its text, and its pictures' descriptions (the image's alt text, and the ALT badge's). */
function shownOn(item: BookmarkItem): string {
  const document = cardDocument(item);
  const alts = [...document.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt'));
  return [document.body.textContent, ...alts].join(' ').replace(/\s+/gu, ' ');
}

/**
 * What of a card the search need not find: its controls (buttons, the tag box, Open on X: the same on every card),
 * its date (since: and until: find that), words read out but not shown, its author's picture (initials where it has
 * none) and its thumbnails (has:media finds those; their descriptions are walked apart).
 */
const NOT_SEARCHED = 'button, input, textarea, .bookmarks-actions, time, .visually-hidden, .avatar, .bookmarks-media';

/** Each piece of text a card shows, as it reads on the card (one text node, or one picture's description). */
function shownPieces(item: BookmarkItem): string[] {
  const document = cardDocument(item);
  const pieces: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) pieces.push(node.textContent ?? '');
    else if (node.nodeType === 1 && !(node as Element).matches(NOT_SEARCHED)) node.childNodes.forEach(walk);
  };
  walk(document.body);
  pieces.push(...[...document.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt') ?? ''));
  return pieces.filter((p) => p.trim());
}

describe('the Bookmarks search and the words a card shows', () => {
  let items: BookmarkItem[];
  beforeEach(async () => {
    await storeCases();
    items = await readAllBookmarks(ACCOUNT);
  });

  it.each(CASES.map((c, i) => [c.field, c.words, idOf(i)] as const))('finds a card by its %s', (_field, words, id) => {
    const item = items.find((b) => b.postId === id)!;
    expect(shownOn(item).toLowerCase()).toContain(words.toLowerCase());
    expect(filterBookmarks(items, words, '').map((b) => b.postId)).toContain(id);
  });

  it.each(CASES.map((c, i) => [c.field, idOf(i)] as const))('finds every piece of text the card for its %s shows', (_field, id) => {
    const item = items.find((b) => b.postId === id)!;
    const pieces = shownPieces(item);
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.filter((p) => !item.searchText.includes(searchable(p)))).toEqual([]);
  });

  it('keeps `tag:` for the tag alone: not a word of the text, nor part of a tag', async () => {
    const tagged = idOf(CASES.findIndex((c) => c.field === 'tag'));
    await db().posts.put(post('700', { text: 'The wartime years' }));
    await db().bookmarks.put({ accountId: ACCOUNT, postId: '700', position: 200, folderIds: [] });
    const all = await readAllBookmarks(ACCOUNT);
    expect(filterBookmarks(all, 'wartime', '').map((b) => b.postId)).toEqual(['700', tagged]);
    expect(filterBookmarks(all, 'tag:wartime', '').map((b) => b.postId)).toEqual([tagged]);
    expect(filterBookmarks(all, 'tag:war', '').map((b) => b.postId)).toEqual([]);
    expect(filterBookmarks(all, '-wartime', '').map((b) => b.postId)).not.toContain(tagged);
  });
});
