import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityView } from '@/components/manager/ActivityView';
import { BookmarksView } from '@/components/manager/BookmarksView';
import { DraftsView } from '@/components/manager/drafts/DraftsView';
import { ListsView } from '@/components/manager/ListsView';
import { UnreadableRows } from '@/components/manager/UnreadableRows';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { db } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from '../services/support';
import { shownTab } from '../support/manager-tab';

// The bookmarks' virtualised list measures its rows, which the test page cannot lay out: its cards are drawn as a plain list.
vi.mock('@/components/manager/bookmarks/BookmarkList', async () => {
  const { BookmarkCard } = await import('@/components/manager/bookmarks/BookmarkCard');
  return {
    BookmarkList: ({ items, onRemove }: { items: readonly BookmarkItem[]; onRemove: (b: BookmarkItem) => void }) => (
      <div role="list">
        {items.map((item) => (
          <div role="listitem" key={item.postId}>
            <BookmarkCard item={item} onRemove={onRemove} />
          </div>
        ))}
      </div>
    ),
  };
});

/**
 * Rows of a shape this version does not draw (another version's, a write cut off, a store edited by hand) beside good
 * ones: each tab draws every row it can, the readable parts of a bad row too, and says once how many rows it left out
 * (those without the id their actions go by). Before, one such row failed the whole tab: "The muted accounts could not
 * be shown: Perch could not read what it keeps on this device." and Try again, which could not help, hid every good row.
 * Account rows (Muted, Blocked, a List's members): stored-rows-accounts.test.tsx.
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';
const ONE_LEFT_OUT = '1 item kept on this device could not be read.';

describe('a manager tab over a stored row of another shape beside good ones', () => {
  beforeEach(freshDb);
  // The Bookmarks test stands in for the page's ResizeObserver; the other tabs use the page's own.
  afterEach(() => vi.unstubAllGlobals());

  it('Lists draws the good List and the bad one’s readable parts, and counts the row left out', async () => {
    await db().lists.bulkPut([
      { accountId: ACCOUNT, id: '10', name: 'Compiler folks', owned: true, followed: false, pinned: false, member: false, memberCount: 3 },
      { accountId: ACCOUNT, id: '9', name: 7, description: 'Kept words', owned: true, memberCount: 'many', createdAt: 'never' } as never,
      { accountId: ACCOUNT, id: 11, name: 'No id', owned: true } as never,
    ]);
    const { text, failed } = await shownTab(<ListsView accountId={ACCOUNT} />, 'Compiler folks');
    expect(failed).toBeUndefined();
    expect(text).toContain('Compiler folks');
    expect(text).toContain('Kept words');
    expect(text).not.toContain('No id');
    expect(text).toContain(ONE_LEFT_OUT);
  });

  it('Activity draws the good action and the bad one’s words, and counts the row left out', async () => {
    const row = { accountId: ACCOUNT, notBefore: 0, attempts: 1, createdAt: WHEN, updatedAt: WHEN };
    await db().actions.bulkPut([
      { ...row, seq: 1, type: 'mute', params: { userId: '6', username: 'gracehop' }, state: 'done' },
      { ...row, seq: 2, type: 'unmute', params: 'gracehop', state: 'done', createdAt: 'yesterday', error: 'none', undoOf: 1 } as never,
      { ...row, seq: 3, type: 'block', params: { userId: '8', username: 'lost' }, state: 'gone' } as never,
    ]);
    const { text, failed } = await shownTab(<ActivityView accountId={ACCOUNT} />, 'Mute @gracehop');
    expect(failed).toBeUndefined();
    expect(text).toContain('Mute @gracehop');
    expect(text).toContain('Unmute an account');
    expect(text).not.toContain('yesterday');
    // With no date and no link to go before it, the undo's note starts the line: no separator before it.
    expect(text).toContain('Undo of an earlier action');
    expect(text).not.toContain('· Undo of an earlier action');
    expect(text).not.toContain('@lost');
    expect(text).toContain(ONE_LEFT_OUT);
  });

  it('Bookmarks draws the good post and the bad one’s words, and counts the row left out', async () => {
    await db().bookmarks.bulkPut([
      { accountId: ACCOUNT, postId: '100', position: 3, folderIds: [], searchText: 'reading about compilers' },
      { accountId: ACCOUNT, postId: '101', position: 2, folderIds: 'none', searchText: 5 } as never,
      { accountId: ACCOUNT, postId: 102, position: 1, folderIds: [], searchText: 'no id' } as never,
    ]);
    await db().posts.bulkPut([
      {
        accountId: ACCOUNT,
        id: '100',
        text: 'Reading about compilers',
        authorId: '6',
        urls: [],
        mediaCount: 0,
        createdAt: WHEN,
        seenAt: WHEN,
      },
      { accountId: ACCOUNT, id: '101', text: 'Kept words', urls: 'x', mediaCount: 'two', createdAt: 'never', quoted: 'x' } as never,
    ]);
    await db().users.put({ accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN });
    // The list watches its size to keep its place (BookmarkList.tsx); the test page has no layout to watch.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    const { text, failed } = await shownTab(<BookmarksView accountId={ACCOUNT} />, 'Reading about compilers');
    expect(failed).toBeUndefined();
    expect(text).toContain('Reading about compilers');
    expect(text).toContain('Grace Hopper');
    expect(text).toContain('Kept words');
    expect(text).not.toContain('never');
    expect(text).toContain(ONE_LEFT_OUT);
  });

  it('Drafts draws the good draft and the bad one’s words, and counts the draft that cannot be opened', async () => {
    const draft = { accountId: ACCOUNT, publishedIds: [], state: 'editing' as const, seq: 1, updatedAt: WHEN };
    await db().drafts.bulkPut([
      { ...draft, key: `${ACCOUNT}|compose`, context: 'compose', posts: [{ text: 'Good draft words', mediaIds: [] }] },
      {
        ...draft,
        key: `${ACCOUNT}|share:https://example.com/a`,
        context: 'share:https://example.com/a',
        posts: [{ text: 42, mediaIds: 'x' }, { text: 'Kept draft words' }],
        publishedIds: 'none',
        state: 'gone',
        seq: 'one',
        updatedAt: 'never',
      } as never,
      // Stored under a key its place does not name: Open and Delete, which go by the place, could not find it.
      { ...draft, key: `${ACCOUNT}|old`, context: 'quote:7', posts: [{ text: 'Lost draft words', mediaIds: [] }] },
      { ...draft, key: `${ACCOUNT}|7`, context: 7, posts: [{ text: 'No place', mediaIds: [] }] } as never,
    ]);
    const { text, buttons, failed } = await shownTab(<DraftsView accountId={ACCOUNT} />, 'Good draft words');
    expect(failed).toBeUndefined();
    expect(text).toContain('Good draft words');
    expect(text).toContain('Kept draft words');
    expect(text).not.toContain('never');
    expect(buttons).toEqual(expect.arrayContaining(['Open draft: New post', 'Open draft: Sharing example.com']));
    expect(text).not.toContain('Lost draft words');
    expect(text).not.toContain('No place');
    expect(text).toContain('2 items kept on this device could not be read.');
  });
});

describe('the line counting the stored rows a tab left out', () => {
  it.each([
    [0, ''],
    [1, '<p class="muted mgr-unreadable">1 item kept on this device could not be read.</p>'],
    [1200, '<p class="muted mgr-unreadable">1,200 items kept on this device could not be read.</p>'],
  ])('says %i in English', (count, html) => {
    expect(renderToStaticMarkup(<UnreadableRows count={count} />)).toBe(html);
  });

  it('says it in Japanese', () => {
    readInJapanese();
    expect(renderToStaticMarkup(<UnreadableRows count={2} />)).toContain('この端末に保存している2件の項目を読み取れませんでした。');
  });
});
