import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import type { EditView } from '@/lib/messaging';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { POST_ID, postContext } from './post-context';

/**
 * The person is typing an edit of their own post in the popup when X's 30-minute edit window closes
 * (x-api--fundamentals--edit-posts: `editable_until`). The edit box stays, with its text and the focus, and says the
 * window is over and the text is kept as a draft (EditComposer); before, the popup took the whole composer away once
 * the clock passed `editable_until` and showed the post's actions, with no Edit post to reopen the draft from.
 */

const ACCOUNT = '1585841080431321088';
const SELF = { id: ACCOUNT, name: 'Ada', username: 'ada', following: false, followRequested: false, muted: false, blocked: false };

withPopupPage();
withFocus();
withComposerStubs();

const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));

describe('the popup’s edit of one’s own post when X’s edit window closes', () => {
  // The popup's clock ticks on setInterval: faked with Date, so the window closes when the test says.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date(2030, 0, 15, 12, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the edit box and its focus, saying the window is over and the text is kept', async () => {
    const edit: EditView = {
      postId: POST_ID,
      editable: true,
      eligible: true,
      editableUntil: new Date(Date.now() + 20_000).toISOString(),
      editsRemaining: 3,
      media: false,
      text: 'Hello',
    };
    answerTab('tab.post', postContext({ author: SELF, edit }));
    const page = await renderInPage(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }), { settleMs: 50 });
    try {
      const doc = page.document;
      const button = (label: string) => [...doc.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
      // The edit box by its name: the label it carries, or the one that names it.
      const box = () =>
        [...doc.querySelectorAll<HTMLTextAreaElement>('textarea')].find(
          (t) => (t.getAttribute('aria-label') ?? doc.querySelector(`label[for="${t.id}"]`)?.textContent) === 'Post text',
        );
      for (let i = 0; i < 30 && !button('Edit post'); i++) await settle();
      const editPost = button('Edit post');
      expect(editPost, 'Edit post').toBeDefined();
      await act(async () => editPost!.click());
      // The composer's code comes on first use, and it places the focus in its box.
      // However long that code takes to load on a busy machine: the test's own timeout is the bound.
      while (!box()) await settle();
      const typing = box();
      expect(typing, 'the edit box').toBeDefined();
      expect(doc.activeElement).toBe(typing);

      await act(async () => vi.advanceTimersByTime(30_000));
      await settle();

      expect(box(), 'the edit box, after the window closed').toBe(typing);
      expect(doc.activeElement).toBe(typing);
      expect(doc.body.textContent).toContain('The 30 minutes X allows for editing this post are over. Your text is kept as a draft.');
      expect(button('Back to the post'), 'Back to the post').toBeDefined();
    } finally {
      await page.leave();
    }
  });
});
