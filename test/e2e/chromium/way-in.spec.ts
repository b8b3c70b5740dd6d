import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { STATE_PAGES } from '../support/a11y-states';
import { tabTo } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, popupOn, signIn, test } from './fixtures';

const GRACE = { username: 'gracehop' };

/**
 * Stands in for Chromium's side panel API in a page: a test's click cannot open a real side panel (the browser
 * grants it only to a click in its own toolbar popup), so each call is recorded and answered as `outcome` says.
 */
async function recordSidePanel(page: Page, outcome: 'opens' | 'refuses'): Promise<void> {
  await page.evaluate((how) => {
    const calls: unknown[] = [];
    (window as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls = calls;
    (chrome.sidePanel as { open: (o: unknown) => Promise<void> }).open = (options) => {
      calls.push(options);
      return how === 'opens'
        ? Promise.resolve()
        : Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.'));
    };
  }, outcome);
}

const sidePanelCalls = (page: Page) => page.evaluate(() => (window as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls);

test.describe('the popup as a way in, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('Lists opens the side panel of this window on the Lists tab, and Bookmarks turns an open panel to Bookmarks', async ({ perch }) => {
    const popup = await perch.open('popup');
    await recordSidePanel(popup, 'opens');
    const windowId = await popup.evaluate(async () => (await chrome.windows.getCurrent()).id);
    await popup.getByRole('navigation', { name: 'Perch' }).getByRole('link', { name: 'Lists' }).click();
    await expect.poll(() => sidePanelCalls(popup)).toEqual([{ windowId }]);
    // The panel the link opened shows the Lists tab.
    const panel = await perch.open('sidepanel');
    await expect(panel.getByRole('tab', { name: 'Lists' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('tabpanel', { name: 'Lists' })).toBeVisible();
    // With the panel already open, the other link turns it to its tab.
    await popup.getByRole('link', { name: 'Bookmarks' }).click();
    await expect(panel.getByRole('tab', { name: 'Bookmarks' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('tabpanel', { name: 'Bookmarks' })).toBeVisible();
    expect(await sidePanelCalls(popup)).toHaveLength(2);
    // No tab was opened instead.
    expect(perch.context.pages().filter((p) => p.url().includes('/manager.html'))).toEqual([]);
  });

  test('Bookmarks opens the manager in a tab on the Bookmarks tab when the side panel cannot open', async ({ perch }) => {
    const popup = await perch.open('popup');
    await recordSidePanel(popup, 'refuses');
    const opened = perch.context.waitForEvent('page', (p) => p.url().includes('/manager.html'));
    await popup.getByRole('link', { name: 'Bookmarks' }).click();
    const manager = await opened;
    expect(manager.url()).toBe(`chrome-extension://${perch.id}/manager.html#bookmarks`);
    await expect(manager.getByRole('tab', { name: 'Bookmarks' })).toHaveAttribute('aria-selected', 'true');
    await expect(manager.getByRole('tabpanel', { name: 'Bookmarks' })).toBeVisible();
    // The refused request does not steer a side panel opened later by other means.
    const panel = await perch.open('sidepanel');
    expect(await panel.evaluate(async () => (await chrome.storage.session.get('manager.open'))['manager.open'])).toBeUndefined();
    await expect(panel.getByRole('tab', { name: 'Bookmarks' })).toHaveAttribute('aria-selected', 'true');
  });

  test('New post opens the composer on a post page, with no address in it', async ({ perch }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${SEED_POSTS.gracePhoto}`);
    await expect(popup.getByRole('region', { name: 'This post' })).toContainText(`@${GRACE.username}`);
    await popup.getByRole('button', { name: 'New post' }).click();
    const composer = popup.getByRole('region', { name: 'New post' });
    await expect(composer).toBeVisible();
    await expect(popup.getByRole('region', { name: 'This post' })).toHaveCount(0);
    const text = composer.getByRole('textbox').first();
    await expect(text).toBeFocused();
    await expect(text).toHaveValue('');
  });

  test('New post pressed by keyboard on a post page keeps the focus in the popup until the composer’s box has it', async ({ perch }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${SEED_POSTS.gracePhoto}`);
    await expect(popup.getByRole('region', { name: 'This post' })).toContainText(`@${GRACE.username}`);
    await tabTo(popup, popup.getByRole('button', { name: 'New post' }));
    await popup.evaluate(watchFocusDrops);
    await popup.keyboard.press('Enter');
    // The links go while the composer's code loads (they would move under the pointer): the focus waits in the popup.
    await expect(popup.getByRole('region', { name: 'New post' }).getByRole('textbox').first()).toBeFocused();
    expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
  });

  for (const [action, page] of [
    ['Reply', STATE_PAGES.own],
    ['Post a link to it', STATE_PAGES.others],
  ] as const) {
    test(`${action} pressed by keyboard on a post keeps the focus in the popup until the composer’s box has it`, async ({ perch }) => {
      const popup = await popupOn(perch, page);
      await tabTo(popup, popup.getByRole('button', { name: action, exact: true }));
      await popup.evaluate(watchFocusDrops);
      await popup.keyboard.press('Enter');
      // The action buttons go while the composer's code loads: the focus waits in the popup, then is in the box.
      await expect(popup.locator('.composer textarea').first()).toBeFocused();
      expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
    });
  }

  test('on an X page that is not a post or profile the popup offers a new post without the page’s address', async ({ perch }) => {
    const popup = await popupOn(perch, 'https://x.com/search?q=perch', { title: 'perch - Search / X' });
    const composer = popup.getByRole('region', { name: 'New post' });
    await expect(composer).toBeVisible();
    await expect(composer.getByRole('textbox').first()).toHaveValue('');
    await expect(popup.getByRole('region', { name: 'Share this page' })).toHaveCount(0);
  });

  test('elsewhere the popup still shares the page, and New post starts an empty post', async ({ perch }) => {
    const popup = await popupOn(perch, 'https://example.com/article', { title: 'An article' });
    const share = popup.getByRole('region', { name: 'Share this page' });
    await expect(share.getByRole('textbox').first()).toHaveValue('An article https://example.com/article');
    await popup.getByRole('button', { name: 'New post' }).click();
    await expect(popup.getByRole('region', { name: 'New post' }).getByRole('textbox').first()).toHaveValue('');
    await expect(share).toHaveCount(0);
  });
});
