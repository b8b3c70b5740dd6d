import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListsView } from '@/components/manager/ListsView';
import { timeOf } from '@/components/manager/format';
import { db, type SyncStateRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { ACCOUNT, listRow } from '../support/lists-view';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { until } from '../support/until';

/**
 * Before any Lists sync has finished (first sign-in, the sync still reading, held by X's rate limit, offline), a List
 * made in Perch is already stored, so the Lists tab draws its sections. Their lines spoke for X, which Perch had not
 * read: "No pinned lists.", "You follow no lists of others.", "Nobody has added you to a list.", under headings
 * counting "Member of (0)", and the tab's own heading counted "1 list" of X's. They now say what is true, by the sync's phase, and the headings count nothing until X was
 * read. Once a sync has finished they are X's again, as of its "Last synced" time.
 */

withEmptyStore();

/** X's reset, in Unix seconds: an hour ahead. */
const RESET = Math.floor(Date.now() / 1000) + 3600;
const X_WORDS = ['No pinned lists.', 'You follow no lists of others.', 'Nobody has added you to a list.'];

interface Tab {
  /** The count beside the tab's heading ("1 list"), if any. */
  count: string | undefined;
  headings: string[];
  /** Each section's line where it has no List: Pinned, Followed and Member of here. */
  lines: string[];
}

/**
 * The Lists tab over one List made in Perch (Navy computing, owned: X answered its creation) and the stored Lists sync
 * state `state` (none: no sync ever ran), once `ready` holds for what it draws. The background never answers.
 */
async function listsTab(state: Omit<SyncStateRow, 'accountId' | 'collection'> | undefined, ready: (tab: Tab) => void): Promise<Tab> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  await db().lists.put(listRow('1900000000000000001', 'Navy computing', { createdAt: '2030-01-15T11:00:00.000Z' }));
  if (state) await db().syncState.put({ accountId: ACCOUNT, collection: 'lists', ...state });
  const page = await renderInPage(<ListsView accountId={ACCOUNT} />, { visible: true, settleMs: 20 });
  try {
    const tab = (): Tab => ({
      count: page.document.querySelector('.mgr-head .muted')?.textContent,
      headings: Array.from(page.document.querySelectorAll('h3'), (h) => h.textContent),
      lines: Array.from(page.document.querySelectorAll('.mgr-list-section > p'), (p) => p.textContent),
    });
    await until(() => {
      expect(tab().headings).toHaveLength(4);
      ready(tab());
    });
    return tab();
  } finally {
    await page.leave();
  }
}

/** Every empty section says `line`, no section speaks for X, and neither the tab's heading nor a section's counts X's Lists. */
const unread = (line: string) => (tab: Tab) => {
  expect(tab.lines).toEqual([line, line, line]);
  expect(tab.headings).toEqual(['Owned', 'Pinned', 'Followed', 'Member of']);
  expect(tab.count).toBeUndefined();
};

describe('the Lists tab’s sections before a Lists sync has finished', () => {
  it.each([
    { phase: 'no sync ever ran', state: undefined },
    { phase: 'the last sync found Perch offline', state: { error: { kind: 'offline' } } },
  ])('say Perch has not read the lists from X yet when $phase', async ({ state }) => {
    await listsTab(state, unread('Perch has not read your lists from X yet: press Sync now.'));
  });

  it('say the lists are being read while the first sync runs', async () => {
    await listsTab({ running: true }, unread('Reading your lists from X…'));
  });

  it('say when X lets Perch read them while X’s limit holds the first sync', async () => {
    const line = `Perch has not read your lists from X yet. X lets Perch read them at ${timeOf(RESET * 1000)}: press Sync now then.`;
    await listsTab({ error: { kind: 'rate-limited', reset: RESET } }, unread(line));
  });

  it('say X’s limit must reset first when X gave no time', async () => {
    const line = 'Perch has not read your lists from X yet. X lets Perch read them once its limit resets: press Sync now then.';
    await listsTab({ error: { kind: 'rate-limited' } }, unread(line));
  });

  it('say the same in Japanese', async () => {
    readInJapanese();
    const line = 'まだXからリストを読み込んでいません。「今すぐ同期」を押してください。';
    const tab = await listsTab(undefined, (t) => expect(t.lines).toEqual([line, line, line]));
    expect(tab.headings).toEqual(['作成したリスト', '固定したリスト', 'フォロー中', 'メンバーになっているリスト']);
    expect(tab.count).toBeUndefined();
  });
});

describe('the Lists tab’s sections once a Lists sync has finished', () => {
  it.each([
    { phase: 'finished', state: { lastSyncedAt: '2030-01-15T12:00:00.000Z' } },
    { phase: 'finished and another is running', state: { lastSyncedAt: '2030-01-15T12:00:00.000Z', running: true } },
    {
      phase: 'finished and the next waits for X’s limit',
      state: { lastSyncedAt: '2030-01-15T12:00:00.000Z', error: { kind: 'rate-limited', reset: RESET } },
    },
  ])('say what X had and count it when one $phase', async ({ state }) => {
    await listsTab(state, (tab) => {
      expect(tab.lines).toEqual(X_WORDS);
      expect(tab.headings).toEqual(['Owned (1)', 'Pinned (0)', 'Followed (0)', 'Member of (0)']);
      expect(tab.count).toBe('1 list');
    });
  });
});
