import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import { composeDraft } from '../support/edit-fixtures';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * A picked image is handed to the background before it is in the draft. Post waits for it, as it waits for a video:
 * a post sent meanwhile would leave without the image, and the image would come back after as a draft of its own.
 */
const ACCOUNT = '1585841080431321088';
const draft = composeDraft('An owl');

withFocus();
withComposerStubs();

const button = (page: ReactPage, name: string) => [...page.document.querySelectorAll('button')].find((b) => b.textContent === name);

describe('Post while a picked image is on its way to the draft', () => {
  it('waits for the image, says so, then sends the post with it', async () => {
    const sent: { type: string; posts?: { mediaIds: string[] }[] }[] = [];
    let attach: (v: unknown) => void = () => undefined;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
      sent.push(message);
      if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: draft });
      if (message.type === 'draft.attachImage') return new Promise((r) => (attach = r));
      if (message.type === 'post.publish') return new Promise(() => undefined);
      return Promise.resolve({ ok: true, data: null });
    }) as never);
    const page = await renderInPage(createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' }), { settleMs: 20 });
    try {
      await until(() => expect(button(page, 'Add image')).toBeDefined());
      const input = page.document.querySelectorAll('input')[0]!;
      input.click = () => undefined;
      await act(async () => button(page, 'Add image')!.dispatchEvent(new page.window.Event('click', { bubbles: true })));
      const file = new File([new Uint8Array([1, 2, 3])], 'owl.png', { type: 'image/png' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => input.dispatchEvent(new page.window.Event('change', { bubbles: true })));
      await until(() => expect(sent.map((m) => m.type)).toContain('draft.attachImage'));

      const said = [...page.document.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ');
      expect(said).toContain('Adding owl.png… Post waits until it is in.');
      await act(async () => button(page, 'Post')!.dispatchEvent(new page.window.Event('click', { bubbles: true })));
      expect(
        sent.map((m) => m.type),
        'Post sent while the image was not yet in the draft',
      ).not.toContain('post.publish');

      attach({ ok: true, data: { id: 'img-1' } });
      await until(() => expect(button(page, 'Post')!.disabled).toBe(false));
      await act(async () => button(page, 'Post')!.dispatchEvent(new page.window.Event('click', { bubbles: true })));
      await until(() => expect(sent.map((m) => m.type)).toContain('post.publish'));
      const saved = sent.filter((m) => m.type === 'draft.save').at(-1);
      expect(saved?.posts?.[0]?.mediaIds, 'the draft sent holds the image').toEqual(['img-1']);
    } finally {
      await page.leave();
    }
  });
});
