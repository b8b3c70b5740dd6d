import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPanel } from '@/entrypoints/popup/ListPanel';
import { db } from '@/lib/db';
import { listContext } from '@/lib/services/list-context';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The popup's list panel carries no store: it asks the background (`tab.list`) when it opens and again each time a
 * page writes the lists or users (Dexie's write channel). Each ask is a read, so it must not make the write that would
 * make it ask again: the asks are bounded by the writes others make.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1700000000000000001';
const OWNER = '1452871219391512578';
const seenAt = '2026-12-02T10:00:00.000Z';

withEmptyStore();
afterEach(() => {
  vi.restoreAllMocks();
});

function renderPanel() {
  // An answer on its way lands before the page's globals go.
  return renderInPage(createElement(ListPanel, { accountId: ACCOUNT, listId: LIST }), { settleMs: 100 });
}

/** Lets the store's write news, the background's answer and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));
const buttons = (document: Document) => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim());

/** The background's tab.list, counting the asks; `writes`: it also writes the users table (a read that wrote). */
function answerTabList(writes = false) {
  const background = { asks: 0 };
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; accountId: string; listId: string }) => {
    if (message.type !== 'tab.list') return Promise.resolve({ ok: true, data: null });
    background.asks++;
    const wrote = writes ? db().users.update([ACCOUNT, OWNER], { seenAt: new Date().toISOString() }) : Promise.resolve();
    return wrote.then(() => listContext(message.accountId, message.listId)).then((data) => ({ ok: true, data }));
  }) as never);
  return background;
}

/** Stores Grace's list, followed and not pinned, with its owner. */
async function storeList() {
  await db().users.put({ accountId: ACCOUNT, id: OWNER, name: 'Grace Hopper', username: 'gracehop', seenAt });
  await db().lists.put({
    accountId: ACCOUNT,
    id: LIST,
    name: 'Navy computing',
    ownerId: OWNER,
    owned: false,
    followed: true,
    pinned: false,
    member: false,
  });
}

describe('the popup on a list page, asking the background', () => {
  it('asks once on open and once per write to the lists or users, never for other tables, and never by itself', async () => {
    await storeList();
    const background = answerTabList();
    const page = await renderPanel();
    try {
      for (let i = 0; i < 10 && !buttons(page.document).includes('Pin list'); i++) await settle();
      expect(page.document.body.textContent).toContain('Navy computing');
      expect(buttons(page.document)).toContain('Pin list');
      for (let i = 0; i < 4; i++) await settle();
      expect(background.asks).toBe(1);

      // The side panel pins it: the popup asks again and shows it.
      await db().lists.update([ACCOUNT, LIST], { pinned: true });
      for (let i = 0; i < 10 && !buttons(page.document).includes('Unpin list'); i++) await settle();
      expect(buttons(page.document)).toContain('Unpin list');
      // A write to another table is not the list's news.
      await db().posts.put({ accountId: ACCOUNT, id: '1', text: 'x', authorId: OWNER, seenAt } as never);
      for (let i = 0; i < 4; i++) await settle();
      expect(background.asks).toBe(2);
    } finally {
      await page.leave();
    }
  });
  // The guard's canary: were tab.list a read that wrote the users table, the panel would ask forever, and the count
  // above would show it.
  it('would ask again and again if its ask wrote the tables it watches', async () => {
    await storeList();
    const background = answerTabList(true);
    const page = await renderPanel();
    try {
      for (let i = 0; i < 10; i++) await settle();
      expect(background.asks).toBeGreaterThan(5);
    } finally {
      await page.leave();
    }
  });
});
