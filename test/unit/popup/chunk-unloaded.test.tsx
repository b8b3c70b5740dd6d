import { describe, expect, it, vi } from 'vitest';
import { button, press, settle } from '../support/dialog-page';
import type { ReactPage } from '../support/react-page';
import { load, page, popupOn, withPartPage } from './part-page';

// The popup loads its composer and a List's panel as files of their own, when used. Such a load that fails (Perch
// updated while the popup was open, a disk error) must not leave an empty popup: the screen says it could not load,
// the way-in links are there, and Try again loads it anew; a Try again that fails too reloads the popup (Firefox
// keeps a failed file's failure for the page's life), which reopens that screen. Each part here stands in for the
// real one once it loads.

withPartPage();

const wayIn = (popup: ReactPage) =>
  [...popup.document.querySelectorAll('nav[aria-label="Perch"] button, nav[aria-label="Perch"] a')].map((el) => el.textContent);

describe('a part of the popup whose file fails to load', () => {
  // First: once a part has loaded, its module is the test process's until the file ends.
  it('reloads the popup when Try again fails too, and says so there with the focus on its Try again', async () => {
    let popup = await popupOn('about:blank');
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(button(popup, 'Try again')).toBeDefined();
      });
      await press(popup, button(popup, 'Try again'));
      await vi.waitFor(() => expect(page.reload).toHaveBeenCalledTimes(1));
    } finally {
      await popup.leave();
    }
    // The page again, as the reload draws it: the file still fails; the line takes the focus Try again had.
    popup = await popupOn('about:blank');
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.activeElement).toBe(button(popup, 'Try again'));
      });
      expect(popup.document.querySelectorAll('[role="alert"]')).toHaveLength(1);
      expect(wayIn(popup)).toEqual(['New post', 'Bookmarks', 'Lists', 'Drafts']);
    } finally {
      await popup.leave();
    }
  });

  it.each([
    { part: 'the new post’s composer', url: 'about:blank', control: 'textarea' },
    { part: 'a List’s panel', url: 'https://x.com/i/lists/84839422', control: 'button' },
  ])('says $part could not load, shows the way-in links, and loads it again on Try again', async ({ url, control }) => {
    const popup = await popupOn(url);
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.querySelector('[role="alert"]')?.textContent).toContain('Perch could not load this screen.');
      });
      expect(wayIn(popup)).toEqual(['New post', 'Bookmarks', 'Lists', 'Drafts']);

      // The file loads this time: the part takes the line's place, and the focus goes into it, not to the page.
      load.failing = false;
      load.listFailing = false;
      await press(popup, button(popup, 'Try again'));
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.querySelector('.popup-screen')?.querySelector(control)).not.toBeNull();
      });
      expect(popup.document.querySelector('[role="alert"]')).toBeNull();
      expect(popup.document.activeElement?.tagName.toLowerCase()).toBe(control);
      expect(wayIn(popup)).toEqual(['New post', 'Bookmarks', 'Lists', 'Drafts']);
      expect(page.reload).not.toHaveBeenCalled();
    } finally {
      await popup.leave();
    }
  });
});
