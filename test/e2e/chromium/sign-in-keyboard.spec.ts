import type { Page } from '@playwright/test';
import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { GRACE_SIGNED_OUT, graceRevokedAtX } from '../support/keyboard-walks';
import { focusDropped, walkTabStops } from '../support/tab-walk';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * The sign-in screen (the settings page before anyone signs in) with the keyboard alone: every control met in the
 * order it is seen, each named for its visible label first, the focus shown; Sign in with X pressed with Enter keeps
 * the focus while X's consent page is open, and once signed in (or out) the focus is on the control that took the
 * pressed one's place, never dropped to the page. The notice that X signed one account out, beside another still
 * signed in, is dismissed with Enter and hands the focus to that account's menu. Each state is scanned by axe.
 */

/** Presses Enter on the focused Sign in with X and answers X's consent page with `button`. */
async function signInByKeyboard(perch: Perch, page: Page, button: 'Authorize app' | 'Cancel'): Promise<void> {
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  await page.keyboard.press('Enter');
  const consentPage = await consent;
  // While X asks, the settings page keeps the focus on the button pressed.
  expect(await focusDropped(page), 'the focus stays on Sign in with X while X asks').toBe(false);
  await consentPage.getByRole('button', { name: button }).click();
}

test('signs in and out from the settings with the keyboard alone, the focus kept, in Chromium', async ({ perch }) => {
  const page = await perch.open('options');
  const signInButton = page.getByRole('button', { name: 'Sign in with X' });
  await expect(signInButton).toBeVisible();
  const stops = (await walkTabStops(page)).map((s) => `${s.kind} ${s.words}`);
  // The header's Sign in with X comes first, before the steps and the settings below it.
  expect(stops[0]).toBe('button Sign in with X');
  expect(stops.length).toBeGreaterThan(3);
  await scan(page, 'options, signed out, walked');

  // Cancelled on X's page: said, and the focus still on Sign in with X, to try again.
  await tabTo(page, signInButton);
  await signInByKeyboard(perch, page, 'Cancel');
  await expect(page.getByRole('status').filter({ hasText: 'Sign-in was cancelled' })).toBeVisible();
  await expect(signInButton).toBeFocused();
  await expectFocusShown(page);
  await scan(page, 'options, sign-in cancelled');

  // Authorized: the button gives way to the account menu, which takes the focus.
  await signInByKeyboard(perch, page, 'Authorize app');
  const menuButton = page.getByRole('button', { name: `${ADA.name} @${ADA.username}` });
  await expect(menuButton).toBeVisible();
  expect(await focusDropped(page), 'the focus is not dropped once signed in').toBe(false);
  await expect(menuButton).toBeFocused();
  await expectFocusShown(page);

  // Signed out from the menu: Sign in with X takes the focus back.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Sign out of @${ADA.username}?` });
  // Its Sign out waits while what would be lost is counted.
  await expect(dialog.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  await tabTo(page, dialog.getByRole('button', { name: 'Sign out' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(signInButton).toBeVisible();
  expect(await focusDropped(page), 'the focus is not dropped once signed out').toBe(false);
  await expect(signInButton).toBeFocused();
  await expectFocusShown(page);
});

test('dismisses the signed-out notice with the keyboard, the focus on the account still signed in, in Chromium', async ({ perch, emu }) => {
  const page = await perch.open('options');
  await signIn(perch, page);
  // Grace added from the account menu: she is the account in use, Ada signed in beside her.
  await emu.setSessionUser(GRACE_ID);
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  await page.getByRole('button', { name: `${ADA.name} @${ADA.username}` }).click();
  await page.getByRole('menuitem', { name: 'Add an account' }).click();
  await (await consent).getByRole('button', { name: 'Authorize app' }).click();
  await expect(page.getByRole('button', { name: /@gracehop$/ })).toBeVisible();
  // X no longer takes Grace's sign-in: she is signed out, Ada stays, and the notice says so beside Ada's menu.
  await graceRevokedAtX(emu);
  await tabTo(page, page.getByRole('button', { name: 'Check connection' }));
  await page.keyboard.press('Enter');
  const notice = page.getByRole('alert').filter({ hasText: GRACE_SIGNED_OUT });
  await expect(notice).toBeVisible();
  const adaMenu = page.getByRole('button', { name: `${ADA.name} @${ADA.username}` });
  await expect(adaMenu).toBeVisible();
  await scan(page, 'options, signed-out notice beside another account');

  // Dismiss, reached by Shift+Tab back up to the header: the notice goes, the focus on the account menu beside it.
  await tabTo(page, notice.getByRole('button', { name: 'Dismiss' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);
  expect(await focusDropped(page), 'the focus is not dropped when the notice goes').toBe(false);
  await expect(adaMenu).toBeFocused();
  await expectFocusShown(page);
});
