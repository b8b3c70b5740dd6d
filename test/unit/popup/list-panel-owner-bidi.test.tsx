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
 * "By <name> (@<username>)" under a list in the popup: the owner's name is X's text, so it sits in its own <bdi>. A name
 * ending in U+202E (RIGHT-TO-LEFT OVERRIDE) then cannot reverse "(@username)" after it, which it did while the name
 * and the rest of the sentence shared one <bdi>.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1700000000000000001';
const OWNER = '1452871219391512578';
const NAME = 'Grace\u202E';

withEmptyStore();
afterEach(() => {
  vi.restoreAllMocks();
});

/** The popup on the page of a List named `listName` and owned by someone named NAME, as the store holds them. */
async function panelOf(listName: string) {
  await db().users.put({ accountId: ACCOUNT, id: OWNER, name: NAME, username: 'gracehop', seenAt: '2026-12-02T10:00:00.000Z' });
  await db().lists.put({
    accountId: ACCOUNT,
    id: LIST,
    name: listName,
    ownerId: OWNER,
    owned: false,
    followed: false,
    pinned: false,
    member: false,
  });
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; accountId: string; listId: string }) =>
    message.type === 'tab.list'
      ? listContext(message.accountId, message.listId).then((data) => ({ ok: true, data }))
      : Promise.resolve({ ok: true, data: null })) as never);
  return renderInPage(createElement(ListPanel, { accountId: ACCOUNT, listId: LIST }), { settleMs: 100 });
}

describe('the popup’s list owner line', () => {
  it('isolates the owner’s name from “(@username)” after it', async () => {
    const page = await panelOf('Navy');
    try {
      const line = () => [...page.document.querySelectorAll('p')].find((p) => p.textContent?.includes('(@gracehop)'));
      for (let i = 0; i < 10 && !line(); i++) await act(() => new Promise((r) => setTimeout(r, 50)));
      expect(line()?.textContent).toBe(`By ${NAME} (@gracehop)`);
      const name = [...line()!.querySelectorAll('bdi')].find((b) => b.textContent === NAME);
      expect(name).toBeDefined();
      // Whatever the name holds ends with its <bdi>: the username is not inside it.
      expect(name!.textContent).not.toContain('@gracehop');
    } finally {
      await page.leave();
    }
  });

  it('names the List’s region without the List name’s direction marks, and shows them isolated', async () => {
    const page = await panelOf('Evil\u202E list');
    try {
      const region = () => page.document.querySelector('section.list-panel');
      for (let i = 0; i < 10 && !region()?.querySelector('bdi'); i++) await act(() => new Promise((r) => setTimeout(r, 50)));
      expect(region()?.getAttribute('aria-label')).toBe('Evil list');
      expect([...region()!.querySelectorAll('bdi')].map((b) => b.textContent)).toContain('Evil\u202E list');
    } finally {
      await page.leave();
    }
  });
});
