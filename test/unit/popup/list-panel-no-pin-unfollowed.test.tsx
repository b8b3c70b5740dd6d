import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { withEmptyStore } from '../support/store';
import { ACCOUNT, LIST, background, renderPanel, settleUntil } from './list-panel-follow';

/**
 * X pins only Lists one owns or follows (x-api--lists--pinned-lists--quickstart--manage-pinned-lists: "You can only
 * pin Lists you follow or own"). The manager offers Pin only then; the popup's list panel offered it on a stored List of
 * someone else's that the person does not follow, which X refuses. A List pinned stays unpinnable.
 */

withEmptyStore();
beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

const storeOthers = (fields: { followed: boolean; pinned: boolean }) =>
  db().lists.put({ accountId: ACCOUNT, id: LIST, name: 'Navy computing', ownerId: '2244994945', owned: false, member: true, ...fields });

describe('the popup on a List of someone else’s', () => {
  it('offers Follow, and no Pin that X would refuse, when the person does not follow it', async () => {
    await storeOthers({ followed: false, pinned: false });
    background(7);
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes('Follow list'));
      expect(page.buttons()).toContain('Follow list');
      expect(page.buttons()).not.toContain('Pin list');
    } finally {
      await page.leave();
    }
  });

  it.each([
    ['Pin list', 'follows', { followed: true, pinned: false }],
    ['Unpin list', 'has pinned, not following it', { followed: false, pinned: true }],
  ])('offers “%s” on one the person %s', async (button, _, fields) => {
    await storeOthers(fields);
    background(7);
    const page = await renderPanel();
    try {
      await settleUntil(() => page.buttons().includes(button));
      expect(page.buttons()).toContain(button);
    } finally {
      await page.leave();
    }
  });
});
