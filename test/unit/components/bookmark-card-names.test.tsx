import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { readInJapanese } from '../locales/in-japanese';
import { accessibleName, labelMismatches } from '../support/label-in-name';

/**
 * The brief: in a list of hundreds of bookmarks, each card's Remove, Add note, Mark read, Add tag… says which post it
 * acts on, while its name still starts with the words it shows (WCAG 2.5.3), so voice control can say what it sees.
 */

const SEEN = '2026-11-23T00:00:00.000Z';
const item = (id: string, username: string, text: string, extra: Partial<BookmarkItem> = {}): BookmarkItem => ({
  postId: id,
  position: Number(id),
  folderIds: [],
  searchText: '',
  tags: ['rust'],
  note: '',
  read: false,
  author: { accountId: '1', id: `u${id}`, name: username, username, seenAt: SEEN },
  post: { accountId: '1', id, text, urls: [], mediaCount: 0, seenAt: SEEN },
  ...extra,
});

const ANA = item('7', 'ana', 'first words of a post about parsers that runs on and on');
const BOB = item('8', 'bob', 'Short one', { note: 'a note', read: true });

const card = (b: BookmarkItem) => renderToStaticMarkup(<BookmarkCard item={b} onRemove={() => undefined} />);
const names = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('button, a[href], input')].map(accessibleName);
};

describe('a bookmark card’s controls', () => {
  it('are named by their post, the visible label first', () => {
    expect(names(card(ANA))).toEqual([
      'Remove tag rust — @ana: “first words of a post about parsers…”',
      'Add tag — @ana: “first words of a post about parsers…”',
      'Open on X — @ana: “first words of a post about parsers…”',
      'Remove — @ana: “first words of a post about parsers…”',
      'Add note — @ana: “first words of a post about parsers…”',
      'Mark read — @ana: “first words of a post about parsers…”',
    ]);
    expect(names(card(BOB))).toContain('Edit note — @bob: “Short one”');
    expect(names(card(BOB))).toContain('Mark unread — @bob: “Short one”');
  });

  it('differ from card to card', () => {
    const both = [...names(card(ANA)), ...names(card(BOB))];
    expect(new Set(both).size).toBe(both.length);
  });

  it('name a post X no longer shows by its author alone, and drop bidi controls from what is read aloud', () => {
    expect(names(card({ ...ANA, post: undefined }))).toContain('Remove — @ana');
    expect(names(card(item('9', 'eve', 'Evil\u202E text')))).toContain('Remove — @eve: “Evil text”');
  });

  it.each(['en', 'ja'] as const)('start with the words they show (%s)', (language) => {
    if (language === 'ja') readInJapanese();
    expect(labelMismatches(card(ANA))).toEqual([]);
    expect(labelMismatches(card(BOB))).toEqual([]);
  });
});
