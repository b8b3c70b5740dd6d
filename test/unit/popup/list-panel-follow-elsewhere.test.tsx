import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { type ActionChange } from '@/lib/services/outbox-feed';
import { withEmptyStore } from '../support/store';
import { ACCOUNT, LIST, renderPanel, settleUntil, background, listAction } from './list-panel-follow';

/**
 * The popup's list panel follows a pin it sent as the post and profile panels follow theirs (tab-follower.ts): the
 * button shows what was asked until a read made after the action ended brings X's state, never the popup's older copy
 * of the list in between; a refusal is said on the button, not again on the badge; and a stream of writes elsewhere
 * (a sync) does not keep the panel loading.
 */

withEmptyStore();
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
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
