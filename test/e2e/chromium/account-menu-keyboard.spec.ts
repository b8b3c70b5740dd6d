import { SECOND_USER_ID } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { expect, signIn, test } from './fixtures';

/**
 * The account menu with the keyboard alone, in the side panel (WAI-ARIA menu button): a second account added from it,
 * then with both signed in, Enter, Space and ArrowDown open it on its first item, ArrowUp on its last; the arrow keys wrap, Home and End jump, a
 * letter moves to the next item starting with it; Escape closes it and gives the focus back to the button, Tab closes
 * it and moves on. Another account chosen with Enter is switched to, the focus on the button that now names it; Sign
 * out asks first, and Escape there gives the focus back to the button too.
 */

const GRACE = 'Grace Hopper @gracehop';
const ADA_NAME = `${ADA.name} @${ADA.username}`;

test('opens, moves through and closes the account menu, and switches account, with the keyboard alone, in Chromium', async ({
  perch,
  emu,
}) => {
  test.setTimeout(180_000);
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('sidepanel');
  await page.setViewportSize({ width: 360, height: 800 });
  const scanned: string[] = [];
  const menu = page.getByRole('menu', { name: 'Account' });
  const item = (name: string) => menu.getByRole(name.includes('@') ? 'menuitemradio' : 'menuitem', { name, exact: true });

  // Ada alone: Enter opens the menu on her; ArrowDown, then Enter on Add an account signs Grace in (X's consent page).
  const adaButton = page.getByRole('button', { name: ADA_NAME, exact: true });
  await tabTo(page, adaButton);
  await expect(adaButton).toHaveAttribute('aria-haspopup', 'menu');
  await expect(adaButton).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(item(ADA_NAME)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Add an account')).toBeFocused();
  await emu.setSessionUser(SECOND_USER_ID);
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  await page.keyboard.press('Enter');
  await (await consent).getByRole('button', { name: 'Authorize app' }).click();
  await page.bringToFront();
  // Signed in, Grace is the account in use: the same button names her, and has the focus still.
  const button = page.getByRole('button', { name: GRACE, exact: true });
  await expect(button).toBeVisible();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Enter opens on the first item; the items are the accounts (Grace's checked), then the three steps.
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const accounts = menu.getByRole('menuitemradio');
  await expect(accounts).toHaveCount(2);
  await expect(accounts.first()).toBeFocused();
  await expectFocusShown(page);
  await expect(item(GRACE)).toHaveAttribute('aria-checked', 'true');
  await expect(item(ADA_NAME)).toHaveAttribute('aria-checked', 'false');
  const order = [...(await accounts.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()), 'Add an account', 'Settings', 'Sign out'];
  expect(order.slice(0, 2).sort()).toEqual([ADA_NAME, GRACE].sort());
  scanned.push(await scan(page, 'side panel, account menu open with two accounts'));

  // Down through every item, wrapping round to the first; Up wraps to the last; Home and End.
  for (const name of [...order.slice(1), order[0]!]) {
    await page.keyboard.press('ArrowDown');
    await expect(item(name)).toBeFocused();
  }
  await page.keyboard.press('ArrowUp');
  await expect(item('Sign out')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item(order[0]!)).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Sign out')).toBeFocused();
  // A letter: the next item starting with it, after the one focused.
  await page.keyboard.press('s');
  await expect(item('Settings')).toBeFocused();
  await page.keyboard.press('a');
  await expect(item(order.find((n) => n.startsWith('A'))!)).toBeFocused();

  // Escape: closed, the focus back on the button, shown.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expectFocusShown(page);

  // Space opens on the first item too; ArrowUp on the last.
  await page.keyboard.press(' ');
  await expect(accounts.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item('Sign out')).toBeFocused();

  // Tab: closed, and the focus moves on past the button, not back to the page's top.
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
  await expect(button).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  expect(await button.evaluate((b) => !!(b.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(
    true,
  );

  // ArrowDown opens on the first item; Enter on Ada switches to her: the menu closes, the focus is on the button,
  // which now names her.
  await tabTo(page, button, 'Shift+Tab');
  await page.keyboard.press('ArrowDown');
  await expect(accounts.first()).toBeFocused();
  await tabToItem(ADA_NAME);
  await page.keyboard.press('Enter');
  await expect(adaButton).toBeVisible();
  await expect(menu).toHaveCount(0);
  await expect(adaButton).toBeFocused();
  await expectFocusShown(page);

  // Sign out asks first (the focus in the question); Escape answers no and gives the focus back to the button.
  await page.keyboard.press('ArrowUp');
  await expect(item('Sign out')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Sign out of @${ADA.username}?` });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(adaButton).toBeFocused();
  await expectFocusShown(page);
  expect(scanned).toHaveLength(1);

  /** Moves down the open menu, with ArrowDown alone, to the item named `name`. */
  async function tabToItem(name: string): Promise<void> {
    for (let i = 0; i < order.length && !(await item(name).evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('ArrowDown');
    await expect(item(name)).toBeFocused();
  }
});
