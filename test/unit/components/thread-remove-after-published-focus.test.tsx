import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import type { DraftView } from '@/lib/messaging';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs } from '../support/react-page';

/**
 * A thread whose first post is already on X (X refused the second as a reply, or the popup closed mid-way) shows
 * post 1 as a line, not a box. Removing post 2 gives the focus to the first box still there, not to post 1's box,
 * which is not there, leaving the keyboard on the page.
 */

const ACCOUNT = '1585841080431321088';
const draft: DraftView = {
  context: 'compose',
  posts: [
    { text: 'One', media: [] },
    { text: 'Two', media: [] },
    { text: 'Three', media: [] },
  ],
  publishedIds: ['1880028106020515840'],
  state: 'editing',
  seq: 1,
  updatedAt: '2026-12-03T03:00:00.000Z',
};

withFocus();
withComposerStubs();

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('removing the post after one already on X', () => {
  it('gives the focus to the first box still there, not to the page', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
      if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: draft });
      return Promise.resolve({ ok: true, data: null });
    }) as never);
    const page = await renderInPage(createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' }), { settleMs: 20 });
    try {
      for (let i = 0; i < 3; i++) await settle();
      const remove = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Remove post 2');
      expect(remove, 'Remove post 2').toBeDefined();
      remove!.focus();
      await act(async () => {
        remove!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
      });
      await settle();
      const boxes = page.document.querySelectorAll('textarea');
      expect(boxes).toHaveLength(1);
      expect(page.document.activeElement).toBe(boxes[0]);
    } finally {
      await page.leave();
    }
  });
});
