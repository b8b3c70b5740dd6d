import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';
import { composeDraft, editableView, OWN_POST } from '../support/edit-fixtures';

/**
 * Edit, on a post the composer just published, puts the edit composer in its place. It had no way back: a person who
 * pressed Edit by mistake (walked with the keyboard in Firefox's popup sharing a page) could only Update or start a
 * new post, leaving the post's line and its View on X. Back to the post puts the line back, with the focus on the Edit
 * that opened the edit, in the commit that draws it: never on the page.
 */

const ACCOUNT = '1585841080431321088';
const POST = OWN_POST;
const draft = composeDraft();
const edit = editableView({ editsRemaining: 4, text: 'Hello from Perch' });

withComposerStubs();
withFocus();

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const button = (page: ReactPage, name: string) => [...page.document.querySelectorAll('button')].find((b) => b.textContent === name);

async function press(page: ReactPage, name: string): Promise<HTMLButtonElement> {
  const b = button(page, name);
  if (!b) throw new Error(`no button “${name}”`);
  b.focus();
  await act(async () => {
    b.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  await settle();
  return b;
}

describe('the edit opened on a post just published', () => {
  it('goes back to the post with Back to the post, the focus on its Edit', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
      if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: draft });
      if (message.type === 'post.publish') return Promise.resolve({ ok: true, data: { ids: [POST], username: 'ada' } });
      if (message.type === 'post.editView') return Promise.resolve({ ok: true, data: edit });
      return Promise.resolve({ ok: true, data: null });
    }) as never);
    const page = await renderInPage(createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' }), { settleMs: 20 });
    try {
      for (let i = 0; i < 3; i++) await settle();
      await press(page, 'Post');
      await vi.waitFor(() => expect(button(page, 'Edit')).toBeDefined());
      await press(page, 'Edit');
      await vi.waitFor(() => expect(page.document.querySelector('textarea')).not.toBeNull());
      expect(page.document.querySelector('.published')).toBeNull();
      await press(page, 'Back to the post');
      expect(page.document.querySelector('textarea')).toBeNull();
      expect(page.document.querySelector(`.published a[href$="/${POST}"]`)).not.toBeNull();
      expect(page.document.activeElement, 'the focus is on the Edit that opened the edit').toBe(button(page, 'Edit'));
    } finally {
      await page.leave();
    }
  });
});
