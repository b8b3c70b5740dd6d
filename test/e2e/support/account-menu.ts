import { expect, type Page } from '@playwright/test';
import { ADA } from './emulator-control';

/** The account menu the Chromium sign-in specs share (sign-in, sign-in-accounts). */

/** The header's account menu button: the active account's name and @username. */
export function accountMenu(page: Page, account: { name: string; username: string } = ADA) {
  return page.getByRole('button', { name: `${account.name} @${account.username}` });
}

/** Opens the account menu and chooses Sign out, then confirms in the dialog that says what will be lost. */
export async function signOut(page: Page) {
  await page.locator('button[aria-haspopup="menu"]').click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: /^Sign out of @/ });
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog).toBeHidden();
}
