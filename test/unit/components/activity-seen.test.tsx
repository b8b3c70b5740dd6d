import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActivityView } from '@/components/manager/ActivityView';
import { db } from '@/lib/db';
import { failedKey, type FailureNote } from '@/lib/failed-actions';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The Activity tab showing a failed action's row is the person seeing it (`failures.seen`: it leaves the toolbar
 * badge), told through the status lines' own teller (components/manager/use-action-row.ts `createSeenTeller`): once
 * per failure, and again when the background refused the telling.
 */

const ACCOUNT = '1585841080431321088';
const at = '2026-12-02T10:00:01.000Z';
const note: FailureNote = { seq: 1, type: 'mute', params: { userId: '2', username: 'ewd' }, error: { kind: 'forbidden' }, at };

withEmptyStore();

/** Renders the Activity tab into a page in view; returns the page and a way to leave. */
function renderActivity() {
  return renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true });
}

/** Lets Dexie's live query, the storage read and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

describe('the Activity tab showing a failed action', () => {
  it('tells the background the person saw it, and tells again after the background refused the telling', async () => {
    await db().actions.add({
      accountId: ACCOUNT,
      type: 'mute',
      params: { userId: '2', username: 'ewd' },
      state: 'failed',
      createdAt: at,
      updatedAt: at,
      notBefore: 0,
      attempts: 1,
      error: { kind: 'forbidden' },
    });
    await fakeBrowser.storage.local.set({ [failedKey(ACCOUNT)]: [note] });
    const seen: unknown[] = [];
    const background = (message: unknown): Promise<unknown> => {
      if ((message as { type?: string }).type !== 'failures.seen') return Promise.resolve({ ok: true, data: null });
      seen.push(message);
      // The first telling is refused (the background was restarting): the row stays unseen until told again.
      return Promise.resolve(seen.length === 1 ? { ok: false, error: { kind: 'busy', message: 'Busy.' } } : { ok: true, data: null });
    };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((message) => background(message) as never);
    const page = await renderActivity();
    try {
      for (let i = 0; i < 10 && !seen.length; i++) await settle();
      expect(page.document.body.textContent).toContain('Mute @ewd');
      expect(seen).toEqual([{ type: 'failures.seen', accountId: ACCOUNT, seqs: [1] }]);
      await settle();
      // The person comes back to the tab: what was refused is told again, then never again.
      await act(async () => {
        page.document.dispatchEvent(new page.window.Event('visibilitychange'));
      });
      await settle();
      await act(async () => {
        page.document.dispatchEvent(new page.window.Event('visibilitychange'));
      });
      await settle();
      expect(seen).toEqual([
        { type: 'failures.seen', accountId: ACCOUNT, seqs: [1] },
        { type: 'failures.seen', accountId: ACCOUNT, seqs: [1] },
      ]);
    } finally {
      await page.leave();
    }
  });
});
