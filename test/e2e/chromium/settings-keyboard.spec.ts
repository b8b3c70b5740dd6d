import type { Page } from '@playwright/test';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { expect, signIn, test } from './fixtures';

/**
 * Perch's settings with the keyboard alone, signed in: every control reached with Tab in the page's order, each named
 * by its visible label first; the plan's checkbox turned on and off with Space, Check connection and Check my X app
 * pressed with Enter — the focus staying on the control pressed, never dropped to the page while it works — and the
 * privacy policy link followed with Enter to the policy.
 */

/** The focus is on the page itself: dropped, after the control that had it went away or was disabled. */
const focusDropped = (page: Page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

test('reaches and presses every settings control with the keyboard alone, in Chromium', async ({ perch }) => {
  test.setTimeout(180_000);
  const page = await perch.open('options');
  await signIn(perch, page);
  // Signing in hands the focus to the account menu that replaced Sign in with X; the test signed in with a click,
  // so that focus rightly shows no ring. The walk starts, as a keyboard person's does, from the page itself.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const scanned: string[] = [];

  const plan = page.getByRole('checkbox', { name: 'My X app is on the Enterprise plan', exact: true });
  const connection = page.getByRole('button', { name: 'Check connection', exact: true });
  const appCheck = page.getByRole('button', { name: 'Check my X app', exact: true });
  const privacy = page.getByRole('link', { name: /^Privacy policy/ });
  // In the page's order, one Tab each from the account menu's button.
  const order = [
    page.getByRole('button', { name: `${ADA.name} @${ADA.username}`, exact: true }),
    page.getByRole('button', { name: 'Copy callback URL', exact: true }),
    page.getByRole('textbox', { name: 'Client ID', exact: true }),
    page.getByRole('button', { name: 'Save', exact: true }),
    plan,
    connection,
    appCheck,
    page.getByRole('link', { name: 'X’s pricing page', exact: true }),
    privacy,
  ];
  await tabTo(page, order[0]!);
  for (const next of order.slice(1)) {
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    await expectFocusShown(page);
  }
  // Each name starts with what the control shows (a text box: its label's words).
  await expect(order[1]!).toHaveText('Copy callback URL');
  await expect(order[3]!).toHaveText('Save');
  await expect(page.getByText('Client ID', { exact: true })).toBeVisible();
  await expect(page.getByText('My X app is on the Enterprise plan', { exact: true })).toBeVisible();
  await expect(connection).toHaveText('Check connection');
  await expect(appCheck).toHaveText('Check my X app');

  // The plan: Space turns it on, the line beside it says so, the focus stays; Space again turns it off.
  await tabTo(page, plan, 'Shift+Tab');
  await page.keyboard.press(' ');
  await expect(plan).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Perch now replies, quotes and blocks through your app.' })).toBeVisible();
  await expect(plan).toBeFocused();
  await page.keyboard.press(' ');
  await expect(plan).not.toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Perch now follows the pay-per-use limits.' })).toBeVisible();
  await expect(plan).toBeFocused();

  // Check connection: said beside it, the focus on the button still.
  await page.keyboard.press('Tab');
  await expect(connection).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Connected to X as @${ADA.username}.` })).toBeVisible();
  await expect(connection).toBeFocused();
  scanned.push(await scan(page, 'settings, connection checked'));

  // Check my X app: while it asks X, and once the results are shown, the focus stays on the button.
  await page.keyboard.press('Tab');
  await expect(appCheck).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Check my X app results' })).toBeVisible();
  expect(await focusDropped(page), 'the focus stays on Check my X app while it checks').toBe(false);
  await expect(appCheck).toBeFocused();
  await expectFocusShown(page);

  // The privacy policy: reached with Tab, followed with Enter, in a new tab.
  await tabTo(page, privacy);
  const opened = perch.context.waitForEvent('page');
  await page.keyboard.press('Enter');
  const policy = await opened;
  await expect(policy.getByRole('heading', { level: 1 })).toHaveText('Perch privacy policy');
  expect(scanned).toHaveLength(1);
});
