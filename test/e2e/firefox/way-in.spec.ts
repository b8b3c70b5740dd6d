import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { STATE_PAGES } from '../support/a11y-states';
import { hasButton, popupDrawn, popupOn } from '../support/firefox-popup';
import { tabToInFirefox } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, findPage, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const GRACE = { username: 'gracehop' };

/** Firefox's sidebar API (not in the Chromium-based types of `browser`). */
interface FirefoxSidebar {
  sidebarAction: { isOpen: (details: object) => Promise<boolean> };
}

/** The name of the manager tab shown as selected. */
const selectedTab = (page: Page) => textOf(page, '[role="tab"][aria-selected="true"]');

/** Whether a manager page is open in a tab (the fallback when no sidebar opens). */
async function managerTabOpen(ff: FirefoxPerch): Promise<boolean> {
  return findPage(ff.browser, (h) => h.includes('/manager.html'), 1000).then(
    () => true,
    () => false,
  );
}

test.describe('the popup as a way in, in Firefox', () => {
  test('Lists opens the sidebar on the Lists tab, and Bookmarks turns an open manager to Bookmarks', async ({ ff }) => {
    await signIn(ff, ff.options);
    // A manager already open (the sidebar's page, here in a tab) follows the links too.
    const panel = await ff.open('sidepanel');
    await expect.poll(() => selectedTab(panel)).toBe('Bookmarks');
    const popup = await popupDrawn(ff);
    await popup.locator('::-p-aria(Lists[role="link"])').click();
    // The click is the person's: Firefox opens its sidebar (sidebarAction.open), and no tab is opened instead.
    await expect.poll(() => popup.evaluate(() => (browser as unknown as FirefoxSidebar).sidebarAction.isOpen({}))).toBe(true);
    await expect.poll(() => selectedTab(panel)).toBe('Lists');
    expect(await managerTabOpen(ff)).toBe(false);
    await popup.locator('::-p-aria(Bookmarks[role="link"])').click();
    await expect.poll(() => selectedTab(panel)).toBe('Bookmarks');
    expect(await managerTabOpen(ff)).toBe(false);
  });

  test('New post opens the composer on a post page, with no address in it', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${GRACE.username}/status/${SEED_POSTS.gracePhoto}`);
    await expect.poll(() => textOf(popup, '.post-card')).toContain(`@${GRACE.username}`);
    await popup.locator('::-p-aria(New post[role="button"])').click();
    await popup.locator('::-p-aria(New post[role="region"]) textarea').wait();
    expect(await popup.$('.post-card')).toBeNull();
    const text = await popup.$eval('.composer textarea', (t) => ({
      value: t.value,
      focused: t === document.activeElement,
    }));
    expect(text).toEqual({ value: '', focused: true });
  });

  test('New post pressed by keyboard on a post page keeps the focus in the popup until the composer’s box has it', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${GRACE.username}/status/${SEED_POSTS.gracePhoto}`);
    await popup.bringToFront();
    await expect.poll(() => textOf(popup, '.post-card')).toContain(`@${GRACE.username}`);
    await tabToInFirefox(popup, 'New post', 'button');
    await popup.evaluate(watchFocusDrops);
    await popup.keyboard.press('Enter');
    // The links go while the composer's code loads (they would move under the pointer): the focus waits in the popup.
    await popup.locator('::-p-aria(New post[role="region"]) textarea').wait();
    await expect.poll(() => popup.$eval('.composer textarea', (t) => t === document.activeElement)).toBe(true);
    expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
  });

  for (const [action, page] of [
    ['Reply', STATE_PAGES.own],
    ['Post a link to it', STATE_PAGES.others],
  ] as const) {
    test(`${action} pressed by keyboard on a post keeps the focus in the popup until the composer’s box has it`, async ({ ff }) => {
      await signIn(ff, ff.options);
      const popup = await popupOn(ff, page);
      await popup.bringToFront();
      await expect.poll(() => hasButton(popup, action)).toBe(true);
      await tabToInFirefox(popup, action, 'button');
      await popup.evaluate(watchFocusDrops);
      await popup.keyboard.press('Enter');
      // The action buttons go while the composer's code loads: the focus waits in the popup, then is in the box.
      await popup.locator('.composer textarea').wait();
      await expect.poll(() => popup.$eval('.composer textarea', (t) => t === document.activeElement)).toBe(true);
      expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
    });
  }
});
