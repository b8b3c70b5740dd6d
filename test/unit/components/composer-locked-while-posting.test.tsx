import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import type { DraftView } from '@/lib/messaging';
import { withFocus } from '../support/focus-standin';
import { renderInPage, typeInto, withComposerStubs, type ReactPage } from '../support/react-page';

/**
 * While a draft is published (a video's upload can take minutes) nothing in it changes. The background reads each
 * post's images as that post goes (lib/services/compose.ts), so an image removed from post 2 while post 1 is sent
 * stops the thread half-way; and the draft is deleted once X has the posts, so words typed meanwhile would be lost.
 * The boxes stay focusable and read out (read-only, not disabled); the buttons that change the draft say so with
 * aria-disabled and ignore a press.
 */

const ACCOUNT = '1585841080431321088';
const draft: DraftView = {
  context: 'compose',
  posts: [
    { text: 'One', media: [] },
    { text: 'Two', media: [{ id: 'img-1', name: 'owl.png', type: 'image/png', size: 8, alt: 'An owl' }] },
  ],
  publishedIds: [],
  state: 'editing',
  seq: 1,
  updatedAt: '2026-12-03T03:00:00.000Z',
};

withFocus();
withComposerStubs();

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const button = (page: ReactPage, name: string) =>
  [...page.document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent)?.startsWith(name));
// linkedom keeps an attribute's name as written, and React writes `readOnly`.
const readOnly = (el: Element) => el.getAttributeNames().some((n) => n.toLowerCase() === 'readonly');
const press = (page: ReactPage, el: Element) =>
  act(async () => {
    el.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });

/** The composer with `draft`, its Post all pressed and X not answering yet. */
async function publishing(): Promise<ReactPage> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: draft });
    if (message.type === 'post.publish') return new Promise(() => undefined);
    return Promise.resolve({ ok: true, data: null });
  }) as never);
  const page = await renderInPage(createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' }), { settleMs: 20 });
  for (let i = 0; i < 3; i++) await settle();
  await press(page, button(page, 'Post all')!);
  await settle();
  expect(button(page, 'Posting…'), 'Posting…').toBeDefined();
  return page;
}

describe('a thread while it is being published', () => {
  it.each(['Remove image owl.png', 'Remove description', 'Add image to post 2', 'Add video to post 1', 'Remove post 2'])(
    'says %s is unavailable and ignores a press of it',
    async (name) => {
      const page = await publishing();
      try {
        const target = button(page, name);
        expect(target, name).toBeDefined();
        expect(target!.getAttribute('aria-disabled')).toBe('true');
        await press(page, target!);
        await settle();
        expect(page.document.querySelectorAll('.post-editor textarea')).toHaveLength(2);
        expect(button(page, 'Remove image owl.png'), 'the image').toBeDefined();
        expect(page.document.querySelector('.media-alt textarea'), 'the description').not.toBeNull();
      } finally {
        await page.leave();
      }
    },
  );

  it('keeps its boxes read-only: what is typed there is neither taken nor lost', async () => {
    const page = await publishing();
    try {
      const boxes = [...page.document.querySelectorAll('textarea')];
      expect(boxes).toHaveLength(3);
      for (const box of boxes) {
        expect(readOnly(box), box.getAttribute('aria-label') ?? box.id).toBe(true);
        expect(box.hasAttribute('disabled')).toBe(false);
      }
      // React reads the focused field's selection on a key, which linkedom's page cannot give: an empty one stands in.
      Object.assign(page.window, { getSelection: () => ({ anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 }) });
      await act(async () => typeInto(page, boxes[0] as unknown as HTMLInputElement, 'One, fixed'));
      await settle();
      expect(page.document.querySelector('textarea')!.textContent).toBe('One');
    } finally {
      await page.leave();
    }
  });
});
