import type { Page } from 'puppeteer-core';
import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expectFocusShown, focusedName, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { expect, findPage, setViewportSize, signIn, test } from './fixtures';

/**
 * The account menu with two accounts, in Firefox's sidebar page, by keyboard and by pointer: a second account added
 * from it with Enter; ArrowDown moves through the items and wraps; Escape closes it with the focus back on its button;
 * Enter on the other account switches to it, the focus on the button that now names it; Sign out asks first, with the
 * focus on Cancel, and Escape (or a click on Cancel) gives the focus back to the button. The focus is never on the page
 * itself. (The Chromium walk, with Home, End and letters, is test/e2e/chromium/account-menu-keyboard.spec.ts.)
 */

const ADA_NAME = `${ADA.name} @${ADA.username}`;
const GRACE_NAME = 'Grace Hopper @gracehop';

/** In the page: the focused element's role (or tag). */
const focusedRole = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName.toLowerCase() ?? '');

/** Presses `key`, then expects the focus on the item or button named `name` with this role. */
async function pressTo(page: Page, key: 'Enter' | 'ArrowDown' | 'ArrowUp' | 'Escape', name: string, role: string): Promise<void> {
  await page.keyboard.press(key);
  await expect.poll(() => page.evaluate(focusedName), { message: `${key}: the focus on ${name}` }).toBe(name);
  expect(await focusedRole(page)).toBe(role);
}

test('switches account and asks before signing out with the keyboard, the focus kept, in Firefox', async ({ ff, emu }) => {
  test.setTimeout(180_000);
  await signIn(ff, ff.options);
  const page = await ff.open('sidepanel');
  await setViewportSize(page, 360, 800);
  await page.bringToFront();

  // Ada alone: Enter opens the menu on her; ArrowDown, Enter on Add an account, and X's consent page signs Grace in.
  await tabTo(page, ADA_NAME, 'button');
  await pressTo(page, 'Enter', ADA_NAME, 'menuitemradio');
  await pressTo(page, 'ArrowDown', 'Add an account', 'menuitem');
  await emu.setSessionUser(GRACE_ID);
  await page.keyboard.press('Enter');
  const consent = await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'));
  await consent.locator('::-p-aria(Authorize app[role="button"])').click();
  await page.locator(`::-p-aria(${GRACE_NAME}[role="button"])`).wait();
  await page.bringToFront();
  await expect.poll(() => page.evaluate(focusedName)).toBe(GRACE_NAME);
  await page.evaluate(watchFocusDrops);

  // The accounts, then the three steps; ArrowDown wraps round; Escape closes it, the focus back on its button.
  await pressTo(page, 'Enter', ADA_NAME, 'menuitemradio');
  await expectFocusShown(page);
  for (const [name, role] of [
    [GRACE_NAME, 'menuitemradio'],
    ['Add an account', 'menuitem'],
    ['Settings', 'menuitem'],
    ['Sign out', 'menuitem'],
    [ADA_NAME, 'menuitemradio'],
  ] as const)
    await pressTo(page, 'ArrowDown', name, role);
  await pressTo(page, 'Escape', GRACE_NAME, 'button');
  await expectFocusShown(page);

  // Enter on Ada switches to her: the menu closes, the focus on the button that now names her.
  await pressTo(page, 'ArrowDown', ADA_NAME, 'menuitemradio');
  await pressTo(page, 'Enter', ADA_NAME, 'button');
  expect(await focusOn(page, ADA_NAME, 'button')).toBe(true);
  await expectFocusShown(page);

  // Sign out asks first, the focus on Cancel; Escape answers no and gives the focus back to the button.
  await pressTo(page, 'ArrowUp', 'Sign out', 'menuitem');
  await pressTo(page, 'Enter', 'Cancel', 'button');
  await page.locator(`::-p-aria(Sign out of @${ADA.username}?[role="dialog"])`).wait();
  await pressTo(page, 'Escape', ADA_NAME, 'button');
  expect(await page.$$('dialog[open]')).toHaveLength(0);
  await expectFocusShown(page);
  expect(await page.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);

  // By pointer: the menu, Sign out, then Cancel clicked: the focus back on the button, both accounts still signed in.
  await page.locator(`::-p-aria(${ADA_NAME}[role="button"])`).click();
  await page.locator('::-p-aria(Sign out[role="menuitem"])').click();
  await page.locator(`dialog[open] ::-p-aria(Cancel[role="button"])`).click();
  await expect.poll(() => page.evaluate(focusedName)).toBe(ADA_NAME);
  expect(await focusedRole(page)).toBe('button');
  expect(await page.$$('dialog[open]')).toHaveLength(0);
  await page.locator(`::-p-aria(${ADA_NAME}[role="button"])`).click();
  await page.locator(`::-p-aria(${GRACE_NAME}[role="menuitemradio"])`).wait();
});
