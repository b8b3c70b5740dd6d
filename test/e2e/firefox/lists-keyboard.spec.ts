import type { Page } from 'puppeteer-core';
import { SECOND_USER_ID } from '../../emulator/seed';
import { FIREFOX_DARK_PREFS, scanFirefox } from '../support/axe-firefox';
import type { EmulatorControl } from '../support/emulator-control';
import { expectFocusShown, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * A List's members with the keyboard alone, in the side panel's Lists tab in Firefox: reach the tab, open the List,
 * load its members, look an account up and add it, remove it, undo. Each control is reached with Tab (the tab list
 * with its arrow keys) and pressed with Enter, shows where the focus is, and each state passes axe, light and dark.
 */

const LIST = 'Reading list 📚';
const PANEL = '[role="tabpanel"]:not([hidden])';
const noteOf = (page: Page) => textOf(page, `${PANEL} .mgr-note`);

async function walk(ff: FirefoxPerch, emu: EmulatorControl): Promise<string[]> {
  test.setTimeout(180_000);
  await signIn(ff, ff.options);
  const page = await ff.open('sidepanel');
  const memberIds = async () => (await emu.relations()).owned_lists.find((l) => l.name === LIST)?.member_ids ?? [];
  const scanned: string[] = [];

  // The tab list is one Tab stop: its arrow keys move between the tabs.
  await tabTo(page, 'Bookmarks', 'tab');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe('Lists');

  await tabTo(page, LIST, 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

  await tabTo(page, `Load members of ${LIST} from X`, 'button');
  await page.keyboard.press('Enter');
  const members = `${PANEL} [role="list"][aria-label="Members of ${LIST}"] > [role="listitem"]`;
  await expect.poll(() => page.$$eval(members, (items) => items.length)).toBe(4);
  // The focus stays on the button while the page loads and after: Tab goes on from there, not from the top.
  await expect.poll(async () => focusOn(page, `Reload members of ${LIST} from X`, 'button')).toBe(true);
  scanned.push(await scanFirefox(page, 'side panel, a List’s members loaded'));

  await tabTo(page, `Add an account to ${LIST} by @username`, 'textbox');
  await page.keyboard.type('@gracehop');
  await page.keyboard.press('Enter');
  // Found: the focus moves to the button that adds them.
  // (The button is drawn anew once found: asked for afresh each time.)
  await expect.poll(async () => focusOn(page, `Add @gracehop to ${LIST}`, 'button')).toBe(true);
  await expectFocusShown(page);
  scanned.push(await scanFirefox(page, 'side panel, an account found to add to a List'));
  await page.keyboard.press('Enter');
  await expect.poll(() => noteOf(page)).toContain(`Add @gracehop to “${LIST}”: done.`);
  expect(await memberIds()).toContain(SECOND_USER_ID);

  await tabTo(page, `Remove @gracehop from ${LIST}`, 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => noteOf(page)).toContain(`Remove @gracehop from “${LIST}”: done.`);
  expect(await memberIds()).not.toContain(SECOND_USER_ID);
  scanned.push(await scanFirefox(page, 'side panel, a List member removed, with Undo'));

  await tabTo(page, `Undo: Remove @gracehop from “${LIST}”`, 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => noteOf(page)).toContain(`Remove @gracehop from “${LIST}”: undone.`);
  expect(await memberIds()).toContain(SECOND_USER_ID);
  return scanned;
}

test.describe('a List member added and removed with the keyboard alone in Firefox', () => {
  test('light', async ({ ff, emu }) => {
    expect(await walk(ff, emu)).toHaveLength(3);
  });

  test.describe('dark', () => {
    test.use({ firefoxPrefs: FIREFOX_DARK_PREFS });
    test('dark', async ({ ff, emu }) => {
      expect(await walk(ff, emu)).toHaveLength(3);
    });
  });
});
