import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import type { ActionRow } from '@/lib/db';
import { freshDb } from '../services/support';
import { ACCOUNT, listRow } from '../support/lists-view';
import { renderInPage } from '../support/react-page';

/**
 * Following someone's List shows Unfollow at once (the outbox's change in the store), but while the follow still waited
 * for X (its limit used up, X down) the List's page said nothing of it once the status line moved on to another action:
 * the button claimed a follow X did not have. As a waiting pin is, it is said not on X yet, with why it waits.
 */

const LIST = '1900000000000000001';
const at = '2026-12-05T16:00:00.000Z';

beforeEach(async () => {
  await freshDb();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
});

const waiting = (type: string): ActionRow => ({
  seq: 1,
  accountId: ACCOUNT,
  type,
  params: { listId: LIST, listName: 'Navy' },
  state: 'sending',
  createdAt: at,
  updatedAt: at,
  notBefore: 0,
  attempts: 0,
});

describe('a List’s follow or unfollow still waiting for X', () => {
  it.each([
    ['list.follow', true, 'Unfollow', 'Follow not on X yet.'],
    ['list.unfollow', false, 'Follow', 'Unfollow not on X yet.'],
  ])('%s: the button shows it, and the page says X does not have it yet', async (type, followed, button, said) => {
    const list = listRow(LIST, 'Navy', { owned: false, followed });
    const page = await renderInPage(
      <ListDetail
        accountId={ACCOUNT}
        list={list}
        follow={waiting(type)}
        act={() => Promise.resolve(true)}
        onBack={() => undefined}
        onActed={() => undefined}
      />,
      { settleMs: 50 },
    );
    try {
      const buttons = [...page.document.querySelectorAll('.mgr-list-actions button')].map((b) => b.textContent);
      expect(buttons).toContain(button);
      const notes = [...page.document.querySelectorAll('p.note')].map((p) => p.textContent ?? '');
      expect(notes.find((n) => n.startsWith(said))).toMatch(/^(Un)?[Ff]ollow not on X yet\. \S/);
    } finally {
      await page.leave();
    }
  });
});
