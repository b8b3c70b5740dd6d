import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import type { DraftView } from '@/lib/messaging';
import { composeDraft } from '../support/edit-fixtures';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * Add image, once the post takes no further image (4 images, or a GIF, or a video), stays focusable: aria-disabled,
 * described by X's rule, a press ignored. `disabled` on the focused button, after the fourth image picked with it,
 * would drop the focus to the page (HTML's focus fixup), and Tab would start again from the top.
 */
const ACCOUNT = '1585841080431321088';
const img = (n: number) => ({ id: `img-${n}`, name: `owl${n}.png`, type: 'image/png', size: 8 });
const draftWith = (media: DraftView['posts'][number]['media']): DraftView => composeDraft('Owls', media);

withFocus();
withComposerStubs();

const addImage = (page: ReactPage) => [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Add image');
const description = (page: ReactPage, el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => page.document.getElementById(id)?.textContent ?? '')
    .join(' ');
const press = (page: ReactPage, el: Element) => act(async () => el.dispatchEvent(new page.window.Event('click', { bubbles: true })));

async function composer(draft: DraftView): Promise<ReactPage> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: draft });
    if (message.type === 'draft.attachImage') return Promise.resolve({ ok: true, data: { id: 'img-4' } });
    return Promise.resolve({ ok: true, data: null });
  }) as never);
  const page = await renderInPage(createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' }), { settleMs: 20 });
  await until(() => expect(addImage(page)).toBeDefined());
  return page;
}

describe('Add image, once the post is full', () => {
  it('keeps the focus after the fourth image, says why, and ignores a press', async () => {
    const page = await composer(draftWith([img(1), img(2), img(3)]));
    try {
      addImage(page)!.focus();
      const input = page.document.querySelectorAll('input')[0]!;
      const picker = vi.fn();
      input.click = picker;
      await press(page, addImage(page)!);
      expect(picker).toHaveBeenCalledTimes(1);
      const file = new File([new Uint8Array([1, 2, 3])], 'owl4.png', { type: 'image/png' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => input.dispatchEvent(new page.window.Event('change', { bubbles: true })));
      await until(() => expect(page.document.body.textContent).toContain('owl4.png'));
      await until(() => expect(addImage(page)!.getAttribute('aria-disabled')).toBe('true'));

      const button = addImage(page)!;
      expect(page.document.activeElement).toBe(button);
      // In a browser a focused control that turns `disabled` loses the focus to the page.
      expect(button.hasAttribute('disabled'), 'Add image is natively disabled').toBe(false);
      expect(description(page, button)).toBe('A post can have up to 4 images.');
      await press(page, button);
      expect(picker, 'a press on the full post opened the picker').toHaveBeenCalledTimes(1);
    } finally {
      await page.leave();
    }
  });

  it('says a GIF goes in a post on its own', async () => {
    const page = await composer(draftWith([{ id: 'gif-1', name: 'owl.gif', type: 'image/gif', size: 8 }]));
    try {
      const button = addImage(page)!;
      expect(button.hasAttribute('disabled')).toBe(false);
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(description(page, button)).toMatch(/^A GIF goes in a post on its own/);
    } finally {
      await page.leave();
    }
  });
});
