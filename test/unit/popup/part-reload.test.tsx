import { describe, expect, it, vi } from 'vitest';
import { takeReloadedForPart } from '@/entrypoints/popup/part-reload';
import { button, press, settle } from '../support/dialog-page';
import { load, page, popupOn, withPartPage } from './part-page';

// A part of the popup whose file failed to load, and failed again on Try again, loads only in a new page in Firefox
// (its failure is kept for the page's life): the popup reloads itself and reopens the screen the person had asked
// for, not the page's first screen (entrypoints/popup/part-reload.ts). Each part here stands in for the real one.

withPartPage();

describe('the popup reloaded for a part that failed to load twice', () => {
  it('reopens New post’s composer, not the page’s screen, when it loads only after the reload', async () => {
    load.listFailing = false;
    const list = 'https://x.com/i/lists/84839422';
    let popup = await popupOn(list);
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(button(popup, 'New post')).toBeDefined();
      });
      await press(popup, button(popup, 'New post'));
      await vi.waitFor(async () => {
        await settle();
        expect(button(popup, 'Try again')).toBeDefined();
      });
      await press(popup, button(popup, 'Try again'));
      await vi.waitFor(() => expect(page.reload).toHaveBeenCalledTimes(1));
    } finally {
      await popup.leave();
    }
    load.failing = false;
    popup = await popupOn(list);
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.querySelector('.popup-screen textarea')).not.toBeNull();
      });
      expect(popup.document.querySelector('.popup-screen')?.textContent).not.toContain('Pin');
      expect(popup.document.querySelector('[role="alert"]')).toBeNull();
      // Drawn, the part ends the page's wait for it: a part failing later in the page is not the one reloaded for,
      // and its line takes no focus as if it were.
      expect(takeReloadedForPart()).toBe(false);
    } finally {
      await popup.leave();
    }
  });
});
