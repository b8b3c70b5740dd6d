import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPanel } from '@/entrypoints/popup/ListPanel';
import { db, type ActionRow } from '@/lib/db';
import { wasSentHere } from '@/lib/failed-actions';
import { listContext } from '@/lib/services/list-context';
import { createFeedPublisher, type ActionChange } from '@/lib/services/outbox-feed';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The popup's list panel follows a pin it sent as the post and profile panels follow theirs (tab-follower.ts): the
 * button shows what was asked until a read made after the action ended brings X's state, never the popup's older copy
 * of the list in between; a refusal is said on the button, not again on the badge; and a stream of writes elsewhere
 * (a sync) does not keep the panel loading.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1700000000000000002';
const seenAt = '2026-12-02T10:00:00.000Z';

withEmptyStore();
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function renderPanel() {
  const page = await renderInPage(createElement(ListPanel, { accountId: ACCOUNT, listId: LIST }));
  const { document } = page;
  return {
    ...page,
    text: () => document.body.textContent ?? '',
    buttons: () => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim()),
    alerts: () => [...document.querySelectorAll('[role="alert"]')].map((p) => p.textContent?.trim()).filter(Boolean),
    async click(label: string) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
      if (!button) throw new Error(`no button ${label}`);
      await act(async () => button.click());
    },
  };
}

/** Lets the store's write news, the background's answer and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function settleUntil(ok: () => boolean) {
  for (let i = 0; i < 20 && !ok(); i++) await settle();
}

/**
 * The background, with each `tab.list` answer held until the test lets it go (`release`: the oldest, read from the
 * store at that moment) or answered at once (`open`); `action.do` answers with `seq`; `failNext` fails the next read.
 */
function background(seq = 7) {
  const held: ((v: unknown) => void)[] = [];
  const bg = {
    open: true,
    asks: 0,
    failNext: false,
    held,
    sent: [] as unknown[],
    async release() {
      const answer = held.shift();
      answer?.({ ok: true, data: await listContext(ACCOUNT, LIST) });
      await settle();
    },
  };
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (message.type === 'action.do') {
      bg.sent.push(message);
      return Promise.resolve({ ok: true, data: { seq } });
    }
    if (message.type !== 'tab.list') return Promise.resolve({ ok: true, data: null });
    bg.asks++;
    if (bg.failNext) {
      bg.failNext = false;
      return Promise.resolve({ ok: false, error: { kind: 'unreachable', message: 'The store could not be read.' } });
    }
    if (bg.open) return listContext(ACCOUNT, LIST).then((data) => ({ ok: true, data }));
    return new Promise((r) => held.push(r));
  }) as never);
  return bg;
}

async function storeList(pinned = false, name = 'Navy computing') {
  await db().lists.put({ accountId: ACCOUNT, id: LIST, name, ownerId: ACCOUNT, owned: true, followed: false, pinned, member: false });
}

/** The outbox's side of an action: its row, the list's flag, and its publication, as the background does them. */
const publish = createFeedPublisher(fakeBrowser.storage.session);
/** An action on the list: its row, the list's flags as the outbox sets them, and its publication. */
async function listAction(
  seq: number,
  type: string,
  state: ActionChange['state'],
  flags: { pinned?: boolean; followed?: boolean },
  error?: ActionRow['error'],
) {
  const row: ActionRow = {
    seq,
    accountId: ACCOUNT,
    type,
    params: { listId: LIST },
    state,
    createdAt: seenAt,
    updatedAt: seenAt,
    notBefore: 0,
    attempts: 1,
    ...(error ? { error } : {}),
  };
  await db().transaction('rw', [db().actions, db().lists], async () => {
    await db().actions.put(row);
    await db().lists.update([ACCOUNT, LIST], flags);
  });
  await publish({ accountId: ACCOUNT, seq, type, state, notBefore: 0, ...(error ? { error } : {}) });
  await settle();
}

/** The popup's own pin on its way through the outbox. */
const outbox = (seq: number, state: ActionChange['state'], pinned: boolean, error?: ActionRow['error']) =>
  listAction(seq, 'list.pin', state, { pinned }, error);

describe('the popup on a list page, following its own pin', () => {
  it('shows a quick pin as asked until the read after it lands, never the old copy when X has answered', async () => {
    await storeList(false);
    const bg = background(7);
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes('Pin list'));
      expect(page.buttons()).toContain('Pin list');
      bg.open = false;
      await page.click('Pin list');
      expect(page.buttons()).toContain('Unpin list');
      // X answers before any read of the store comes back: the popup's copy still says not pinned.
      await outbox(7, 'queued', true);
      await outbox(7, 'done', true);
      expect(page.buttons()).toContain('Unpin list');
      expect(page.buttons()).not.toContain('Pin list');
      bg.open = true;
      while (bg.held.length) await bg.release();
      await settleUntil(() => page.text().includes('X pinned this list.'));
      expect(page.buttons()).toContain('Unpin list');
      expect(page.text()).toContain('X pinned this list.');
    } finally {
      await page.leave();
    }
  });

  it('shows a refused pin as asked until the read after the refusal, then X’s state with the refusal, said once', async () => {
    await storeList(false);
    const bg = background(8);
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes('Pin list'));
      await page.click('Pin list');
      await outbox(8, 'queued', true);
      await settleUntil(() => bg.held.length === 0);
      expect(page.buttons()).toContain('Unpin list');
      // X refuses; the outbox puts the flag back. The popup's copy (pinned) is from before the refusal.
      bg.open = false;
      await outbox(8, 'failed', false, { kind: 'forbidden', message: 'You may not pin this list.' });
      // Never the stale copy beside the refusal: the button still shows what was asked, and no refusal yet.
      expect(page.buttons()).toContain('Unpin list');
      expect(page.alerts()).toEqual([]);
      bg.open = true;
      while (bg.held.length) await bg.release();
      await settleUntil(() => page.buttons().includes('Pin list'));
      expect(page.buttons()).toContain('Pin list');
      expect(page.alerts()).toHaveLength(1);
      expect(page.alerts()[0]).toContain('You may not pin this list.');
      // Said on the button clicked: the popup's failure line and the badge leave it out.
      expect(wasSentHere(8)).toBe(true);
    } finally {
      await page.leave();
    }
  });

  it('shows the list while writes elsewhere keep coming, each answer newer than the one shown', async () => {
    await storeList(false, 'v0');
    const bg = background();
    bg.open = false;
    const page = await renderPanel();
    try {
      for (let i = 1; i <= 4; i++) {
        // A sync writes the list while the popup's ask is on its way; then that ask is answered.
        await db().lists.update([ACCOUNT, LIST], { name: `v${i}` });
        await settle();
        await bg.release();
        expect(page.text()).not.toContain('Loading the list');
        expect(page.text()).toContain(`v${i}`);
      }
      bg.open = true;
      while (bg.held.length) await bg.release();
      expect(page.text()).toContain('v4');
    } finally {
      await page.leave();
    }
  });

  it('says when reading the list again fails, with the list still shown', async () => {
    await storeList(false);
    const bg = background();
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes('Pin list'));
      bg.failNext = true;
      await db().lists.update([ACCOUNT, LIST], { name: 'Renamed' });
      await settleUntil(() => page.alerts().length > 0);
      expect(page.text()).toContain('Navy computing');
      expect(page.alerts()).toHaveLength(1);
      // The next read that works clears it.
      await db().lists.update([ACCOUNT, LIST], { name: 'Renamed again' });
      await settleUntil(() => page.text().includes('Renamed again'));
      expect(page.alerts()).toEqual([]);
    } finally {
      await page.leave();
    }
  });
});

describe('the popup on a list page, with actions made elsewhere', () => {
  /** The manager's action on the list; a failed one refused as X refuses a pin. */
  const elsewhere = (seq: number, type: string, state: ActionChange['state'], flags: { pinned?: boolean; followed?: boolean }) =>
    listAction(seq, type, state, flags, state === 'failed' ? { kind: 'forbidden', message: 'You may not pin this list.' } : undefined);

  it('says what one is doing and what X did, as on a post, but leaves a failure to the failed line', async () => {
    await db().lists.put({
      accountId: ACCOUNT,
      id: LIST,
      name: 'Navy computing',
      owned: false,
      followed: false,
      pinned: false,
      member: false,
    });
    background();
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes('Follow list'));
      // Followed in the manager: on its way, then done. X's state now, said as the popup's own would be.
      await elsewhere(20, 'list.follow', 'queued', { followed: true });
      await settleUntil(() => page.text().includes('Queued.'));
      expect(page.buttons()).toContain('Unfollow list');
      expect(page.text()).toContain('Queued.');
      await elsewhere(20, 'list.follow', 'done', { followed: true });
      await settleUntil(() => page.text().includes('You follow this list on X now.'));
      expect(page.text()).toContain('You follow this list on X now.');
      // A pin refused there: the popup's failed line and the badge tell it, once; not again under Pin.
      await elsewhere(21, 'list.pin', 'queued', { pinned: true });
      await elsewhere(21, 'list.pin', 'failed', { pinned: false });
      await settleUntil(() => page.buttons().includes('Pin list'));
      expect(page.buttons()).toContain('Pin list');
      expect(page.alerts()).toEqual([]);
      expect(page.text()).not.toContain('You may not pin this list.');
      // A sync finds the list unfollowed on x.com: the follow's outcome is no longer X's state, and not said.
      await db().lists.update([ACCOUNT, LIST], { followed: false });
      await settleUntil(() => page.buttons().includes('Follow list'));
      expect(page.text()).not.toContain('You follow this list on X now.');
    } finally {
      await page.leave();
    }
  });

  it('does not say an old follow or pin from elsewhere as news on open, but shows X’s state on its buttons', async () => {
    // Followed and pinned in the manager a month ago: both done, the store's list says so.
    await db().lists.put({
      accountId: ACCOUNT,
      id: LIST,
      name: 'Navy computing',
      owned: false,
      followed: true,
      pinned: true,
      member: false,
    });
    const monthAgo = '2026-11-02T10:00:00.000Z';
    for (const [seq, type] of [
      [30, 'list.follow'],
      [31, 'list.pin'],
    ] as const) {
      await db().actions.put({
        seq,
        accountId: ACCOUNT,
        type,
        params: { listId: LIST },
        state: 'done',
        createdAt: monthAgo,
        updatedAt: monthAgo,
        notBefore: 0,
        attempts: 1,
      });
    }
    const bg = background();
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes('Unpin list'));
      expect(bg.asks).toBeGreaterThan(0);
      expect(page.buttons()).toEqual(expect.arrayContaining(['Unfollow list', 'Unpin list']));
      expect(page.text()).not.toContain('You follow this list on X now.');
      expect(page.text()).not.toContain('X pinned this list.');
      // A later read (a sync writes the list) brings the same finished actions: still not news.
      await db().lists.update([ACCOUNT, LIST], { name: 'Navy computing (renamed)' });
      await settleUntil(() => page.text().includes('(renamed)'));
      expect(page.text()).toContain('(renamed)');
      expect(page.buttons()).toEqual(expect.arrayContaining(['Unfollow list', 'Unpin list']));
      expect(page.text()).not.toContain('You follow this list on X now.');
      expect(page.text()).not.toContain('X pinned this list.');
    } finally {
      await page.leave();
    }
  });
});
