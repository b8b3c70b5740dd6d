import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { wasSentHere } from '@/lib/failed-actions';
import { withEmptyStore } from '../support/store';
import { ACCOUNT, LIST, renderPanel, settle, settleUntil, background, storeList, outbox } from './list-panel-follow';

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
