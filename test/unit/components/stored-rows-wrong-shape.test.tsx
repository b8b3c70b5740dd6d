import { i18n } from '#i18n';
import { parseHTML } from 'linkedom';
import { act, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActivityView } from '@/components/manager/ActivityView';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import { BookmarksView } from '@/components/manager/BookmarksView';
import { DraftsView } from '@/components/manager/drafts/DraftsView';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { ListsView } from '@/components/manager/ListsView';
import { RelationView } from '@/components/manager/RelationView';
import { ParentPost } from '@/components/ParentPost';
import { UnreadableRows } from '@/components/manager/UnreadableRows';
import { UserIdentity } from '@/components/manager/UserLookup';
import { relationTexts } from '@/components/manager/relation-texts';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { ViewErrorBoundary } from '@/components/manager/ViewErrorBoundary';
import { UserCard } from '@/entrypoints/popup/UserCard';
import { db } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from '../services/support';
import { accessibleName } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';

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
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';
const ONE_LEFT_OUT = '1 item kept on this device could not be read.';

/** As the manager shows a tab: inside its last-resort boundary (components/manager/Manager.tsx). */
const inManager = (view: ReactElement) => (
  <ViewErrorBoundary describe={(message) => i18n.t('manager_tab_error', [message])} retryLabel={i18n.t('manager_retry')}>
    {view}
  </ViewErrorBoundary>
);

/**
 * The tab's words once its store reads have drawn `expected` (or, failing that, after 5 s), the names of its buttons,
 * the names each account row shows, and the whole tab's failure note, if it failed.
 */
async function shown(
  view: ReactElement,
  expected: string,
): Promise<{ text: string; buttons: string[]; accounts: string[]; failed: string | undefined }> {
  // The background never answers (the tab's sync line waits): what shows is read from the store alone.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  // React reports a caught error on the console; the test is about what the person sees.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const page = await renderInPage(inManager(view), { settleMs: 20 });
  try {
    const text = () => page.container.textContent ?? '';
    const failed = () => page.container.querySelector('.mgr-view-error');
    // The store's reads answer in their own time (slower on a busy machine).
    for (let i = 0; i < 200 && !(text().includes(expected) && text().includes('could not be read.')) && !failed(); i++)
      await act(() => new Promise((r) => setTimeout(r, 25)));
    return {
      text: text(),
      buttons: [...page.container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
      // Each row's names as shown, each in its own <bdi> (UserIdentity): "Grace Hopper @gracehop".
      accounts: [...page.container.querySelectorAll('[role="listitem"]')].map((row) =>
        [...row.querySelectorAll('bdi')].map((b) => b.textContent).join(' '),
      ),
      failed: failed()?.textContent ?? undefined,
    };
  } finally {
    await page.leave();
    quiet.mockRestore();
  }
}

/**
 * A good account, one whose names are not text, one whose name alone is not text, and a relation row without the
 * account's id.
 */
async function storeAccounts(relation: 'muted' | 'blocked'): Promise<void> {
  await db()[relation].bulkPut([
    { accountId: ACCOUNT, userId: '4', position: 4 },
    { accountId: ACCOUNT, userId: '6', position: 3 },
    { accountId: ACCOUNT, userId: '5', position: 2 },
    { accountId: ACCOUNT, userId: 7, position: 1 } as never,
  ]);
  await db().users.bulkPut([
    { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
    { accountId: ACCOUNT, id: '5', name: 42, username: null, protected: 'no' } as never,
    { accountId: ACCOUNT, id: '4', name: 42, username: 'ada', seenAt: WHEN } as never,
  ]);
}

describe('a manager tab over a stored row of another shape beside good ones', () => {
  beforeEach(freshDb);
  // The Bookmarks test stands in for the page's ResizeObserver; the other tabs use the page's own.
  afterEach(() => vi.unstubAllGlobals());

  it.each(['muted', 'blocked'] as const)(
    '%s draws the good account and the bad ones by what of them reads, and counts the row left out',
    async (relation) => {
      await storeAccounts(relation);
      const { text, buttons, accounts, failed } = await shown(<RelationView accountId={ACCOUNT} relation={relation} />, 'Grace Hopper');
      expect(failed).toBeUndefined();
      expect(text).toContain('Grace Hopper');
      expect(text).toContain('@gracehop');
      // The accounts whose names are not text are still listed, named as far as their names read (never by id), and
      // their buttons, named so, still act on them.
      const verb = relation === 'muted' ? 'Unmute' : 'Unblock';
      expect(accounts).toEqual(['@ada', 'Grace Hopper @gracehop', 'Unknown account']);
      // (Blocked links accounts with an @username to x.com, where X lets a person unblock them: a button only for the rest.)
      expect(buttons).toContain(`${verb} unknown account`);
      if (relation === 'muted') expect(buttons).toEqual(expect.arrayContaining(['Unmute @ada', 'Unmute @gracehop']));
      expect(buttons.join()).not.toContain(`${verb} 5`);
      expect(text).toContain(ONE_LEFT_OUT);
    },
  );

  it('Lists draws the good List and the bad one’s readable parts, and counts the row left out', async () => {
    await db().lists.bulkPut([
      { accountId: ACCOUNT, id: '10', name: 'Compiler folks', owned: true, followed: false, pinned: false, member: false, memberCount: 3 },
      { accountId: ACCOUNT, id: '9', name: 7, description: 'Kept words', owned: true, memberCount: 'many', createdAt: 'never' } as never,
      { accountId: ACCOUNT, id: 11, name: 'No id', owned: true } as never,
    ]);
    const { text, failed } = await shown(<ListsView accountId={ACCOUNT} />, 'Compiler folks');
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
    const { text, failed } = await shown(<ActivityView accountId={ACCOUNT} />, 'Mute @gracehop');
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
    const { text, failed } = await shown(<BookmarksView accountId={ACCOUNT} />, 'Reading about compilers');
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
    const { text, buttons, failed } = await shown(<DraftsView accountId={ACCOUNT} />, 'Good draft words');
    expect(failed).toBeUndefined();
    expect(text).toContain('Good draft words');
    expect(text).toContain('Kept draft words');
    expect(text).not.toContain('never');
    expect(buttons).toEqual(expect.arrayContaining(['Open draft: New post', 'Open draft: Sharing example.com']));
    expect(text).not.toContain('Lost draft words');
    expect(text).not.toContain('No place');
    expect(text).toContain('2 items kept on this device could not be read.');
  });

  it('a List’s members draws the good member and the bad one’s id, and counts the row left out', async () => {
    const list = { accountId: ACCOUNT, id: '10', name: 'Compiler folks', owned: true, followed: false, pinned: false, member: false };
    await db().listMembers.bulkPut([
      { accountId: ACCOUNT, listId: '10', userId: '6', position: 0 },
      { accountId: ACCOUNT, listId: '10', userId: '5', position: 1 },
      { accountId: ACCOUNT, listId: '10', userId: 7, position: 2 } as never,
    ]);
    await db().users.bulkPut([
      { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
      { accountId: ACCOUNT, id: '5', name: 42, username: null } as never,
      { accountId: ACCOUNT, id: 7, name: 'No id', username: 'noid' } as never,
    ]);
    const act = () => Promise.resolve(true);
    const view = <ListMembers accountId={ACCOUNT} list={list} act={act} onActed={() => undefined} />;
    const { text, buttons, failed } = await shown(view, 'Grace Hopper');
    expect(failed).toBeUndefined();
    expect(text).toContain('@gracehop');
    // The member whose names are not text is still listed as an unknown account, with its Remove, named so.
    expect(text).toContain('Unknown account');
    expect(buttons).toEqual(expect.arrayContaining(['Remove @gracehop from Compiler folks', 'Remove unknown account from Compiler folks']));
    // A member row without the account's id as text: its Remove could not act on it, so it is left out and counted.
    expect(text).not.toContain('No id');
    expect(buttons.join()).not.toContain('@noid');
    expect(text).toContain(ONE_LEFT_OUT);
  });

  it('a List’s members draws a member whose position is no key after the others, and counts one without an id', async () => {
    const list = { accountId: ACCOUNT, id: '10', name: 'Compiler folks', owned: true, followed: false, pinned: false, member: false };
    // A position IndexedDB cannot index (null, an object) keeps the row out of the position index the page reads by.
    await db().listMembers.bulkPut([
      { accountId: ACCOUNT, listId: '10', userId: '8', position: null } as never,
      { accountId: ACCOUNT, listId: '10', userId: '6', position: 0 },
      { accountId: ACCOUNT, listId: '10', userId: '9', position: 1 },
      { accountId: ACCOUNT, listId: '10', userId: 7, position: {} } as never,
    ]);
    await db().users.bulkPut([
      { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
      { accountId: ACCOUNT, id: '9', name: 'Ada Lovelace', username: 'ada', seenAt: WHEN },
      { accountId: ACCOUNT, id: '8', name: 'Alan Turing', username: 'aturing', seenAt: WHEN },
    ]);
    const act = () => Promise.resolve(true);
    const view = <ListMembers accountId={ACCOUNT} list={list} act={act} onActed={() => undefined} />;
    const { text, buttons, failed } = await shown(view, 'Alan Turing');
    expect(failed).toBeUndefined();
    expect(text).toContain('Alan Turing');
    expect(buttons.filter((b) => b.startsWith('Remove '))).toEqual([
      'Remove @gracehop from Compiler folks',
      'Remove @ada from Compiler folks',
      'Remove @aturing from Compiler folks',
    ]);
    expect(text).toContain(ONE_LEFT_OUT);
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

describe('an account whose stored names cannot be read', () => {
  const unknown = { id: '5', name: '', username: '' };

  it('shows as “Unknown account” in the popup, with no link to a profile it cannot name', () => {
    const html = renderToStaticMarkup(<UserCard user={unknown} />);
    expect(html).toContain('Unknown account');
    expect(html).not.toContain('href');
    expect(html).not.toContain('@');
  });

  it('shows its @username once in the popup when only its name cannot be read', () => {
    const html = renderToStaticMarkup(<UserCard user={{ ...unknown, username: 'ada' }} />);
    expect(html.match(/@ada/g)).toHaveLength(1);
    expect(html).toContain('href="https://x.com/ada"');
  });

  it('is named in Japanese as its row shows it, on screen and on its button', () => {
    readInJapanese();
    expect(renderToStaticMarkup(<UserIdentity user={unknown} />)).toContain('不明なアカウント');
    expect(relationTexts('muted').remove.action({ ...unknown, position: 0, search: '' })).toBe('ミュート解除: 不明なアカウント');
  });
});

describe('a post whose stored author’s names cannot be read', () => {
  type Names = { name: string; username: string };
  const bookmark = (names: Names): BookmarkItem => ({
    postId: '100',
    position: 1,
    folderIds: [],
    searchText: '',
    tags: [],
    note: '',
    read: false,
    author: { accountId: ACCOUNT, id: '5', seenAt: WHEN, ...names },
    post: {
      accountId: ACCOUNT,
      id: '100',
      text: 'Reading about compilers',
      urls: [],
      mediaCount: 0,
      seenAt: WHEN,
      quotedId: '99',
      quoted: { id: '99', text: 'Quoted words', urls: [], author: { id: '5', ...names } },
    },
  });
  /** The card as a person meets it: its name, its words, its controls' names, where its links go. */
  const card = (item: BookmarkItem) => {
    const { document } = parseHTML(
      `<!doctype html><html><body>${renderToStaticMarkup(<BookmarkCard item={item} onRemove={() => undefined} />)}</body></html>`,
    );
    return {
      name: document.querySelector('article')?.getAttribute('aria-label'),
      text: document.body.textContent ?? '',
      controls: [...document.querySelectorAll('button, a[href]')].map(accessibleName),
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    };
  };
  /** A "@" with no @username after it. */
  const BARE_AT = /@(?![A-Za-z0-9_])/;

  it('names a bookmark’s author “Unknown author” when neither name reads, never a bare “@”', () => {
    const { name, text, controls, links } = card(bookmark({ name: '', username: '' }));
    expect(name).toBe('Unknown author');
    expect(text).toContain('Unknown author');
    expect(text).toContain('Quoted post');
    expect(text).not.toMatch(BARE_AT);
    expect(controls).toContain('Remove — Unknown author: “Reading about compilers”');
    expect(controls.join()).not.toMatch(BARE_AT);
    // Every link names a post on X, none x.com itself or an empty handle.
    expect(links).toEqual(['https://x.com/i/status/99', 'https://x.com/i/status/100']);
  });

  it('names a bookmark’s author by the name or the @username that reads, each once', () => {
    const byUsername = card(bookmark({ name: '', username: 'ada' }));
    expect(byUsername.name).toBe('@ada');
    expect(byUsername.text.match(/@ada/g)).toHaveLength(2); // the card's author and the quoted post's
    expect(byUsername.controls).toContain('Remove — @ada: “Reading about compilers”');
    const byName = card(bookmark({ name: 'Ada Lovelace', username: '' }));
    expect(byName.name).toBe('Ada Lovelace');
    expect(byName.text).not.toMatch(BARE_AT);
    expect(byName.controls).toContain('Remove — Ada Lovelace: “Reading about compilers”');
  });

  it('says “Replying to a post” above the post a reply answers when its author’s names do not read', () => {
    const html = renderToStaticMarkup(<ParentPost mode="reply" post={{ text: 'Parsing is fun', author: { name: '', username: '' } }} />);
    expect(html).toContain('Replying to a post');
    expect(html).toContain('Parsing is fun');
    expect(html).not.toMatch(BARE_AT);
    const named = renderToStaticMarkup(
      <ParentPost mode="quote" post={{ text: 'Parsing is fun', author: { name: 'Ada Lovelace', username: '' } }} />,
    );
    expect(named).toContain('Quoting <bdi>Ada Lovelace</bdi>');
    expect(named).not.toMatch(BARE_AT);
  });

  it('is named so in Japanese', () => {
    readInJapanese();
    expect(card(bookmark({ name: '', username: '' })).name).toBe('不明な投稿者');
    const html = renderToStaticMarkup(<ParentPost mode="reply" post={{ text: 'Parsing is fun', author: { name: '', username: '' } }} />);
    expect(html).toContain('ポストに返信');
    expect(html).not.toMatch(BARE_AT);
  });
});
