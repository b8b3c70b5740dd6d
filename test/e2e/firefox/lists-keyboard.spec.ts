import type { ElementHandle, Page } from 'puppeteer-core';
import { SECOND_USER_ID } from '../../emulator/seed';
import { FIREFOX_DARK_PREFS, scanFirefox } from '../support/axe-firefox';
import type { EmulatorControl } from '../support/emulator-control';
import { focusShown } from '../support/focus';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * A List's members with the keyboard alone, in the side panel's Lists tab in Firefox: reach the tab, open the List,
 * load its members, look an account up and add it, remove it, undo. Each control is reached with Tab (the tab list
 * with its arrow keys) and pressed with Enter, shows where the focus is, and each state passes axe, light and dark.
 */

const LIST = 'Reading list 📚';
const PANEL = '[role="tabpanel"]:not([hidden])';
const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const noteOf = (page: Page) => textOf(page, `${PANEL} .mgr-note`);
const focused = (el: ElementHandle) => el.evaluate((e) => e === document.activeElement);

/** The focused control shows it (test/e2e/support/focus.ts). */
async function expectFocusShown(page: Page): Promise<void> {
  expect(await page.evaluate(focusShown), 'the focused control shows the focus').toBe(true);
}

/**
 * Presses Tab, or Shift+Tab while the focus is after it, until the control named `name` has the focus (at most `max`
 * presses), then checks the focus shows. Never past the page's end: Firefox would move the focus to its own toolbar,
 * where keys sent over BiDi do not reach.
 */
async function tabTo(page: Page, name: string, role: string, max = 150): Promise<void> {
  const target = await aria(page, name, role).waitHandle();
  for (let i = 0; i < max && !(await focused(target)); i++) {
    const back = await target.evaluate((el) => {
      const at = document.activeElement;
      return !!at && at !== document.body && !!(el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
  }
  expect(await focused(target), `Tab reaches ${role} “${name}”`).toBe(true);
  await expectFocusShown(page);
}

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
  await expect.poll(async () => focused(await aria(page, `Reload members of ${LIST} from X`, 'button').waitHandle())).toBe(true);
  scanned.push(await scanFirefox(page, 'side panel, a List’s members loaded'));

  await tabTo(page, `Add an account to ${LIST} by @username`, 'textbox');
  await page.keyboard.type('@gracehop');
  await page.keyboard.press('Enter');
  // Found: the focus moves to the button that adds them.
  // (The button is drawn anew once found: asked for afresh each time.)
  await expect.poll(async () => focused(await aria(page, `Add @gracehop to ${LIST}`, 'button').waitHandle())).toBe(true);
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
