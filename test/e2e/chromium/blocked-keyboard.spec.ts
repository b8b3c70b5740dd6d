import type { Locator, Page } from '@playwright/test';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped, walkTabStops } from '../support/tab-walk';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * The manager's Blocked tab with the keyboard alone: every control met in the order it is seen, each named for its
 * visible label first, the focus shown, on a self-serve app (each account's Unblock is its x.com link) and on the
 * Enterprise plan (Unblock through Perch: the row goes, the focus stays on the status line, which says the follow the
 * block ended is not back, and Undo blocks again with the focus on the line that says so). Each state is scanned by
 * axe.
 */

/**
 * The tab's stops from the top, checked by the walk (each control named for its words, the focus shown), in order:
 * the account menu, the skip link, the tab, its panel, Sync now, the lookup, the search, Export, then each account's
 * controls, returned as "kind words".
 */
async function tabStopsAfterExport(page: Page): Promise<string[]> {
  const stops = (await walkTabStops(page)).map((s) => `${s.kind} ${s.words}`);
  expect(stops.slice(0, 8)).toEqual([
    `button ${ADA.name} @${ADA.username}`,
    'a Skip to Blocked',
    'tab Blocked',
    expect.stringMatching(/^tabpanel Blocked accounts/),
    'button Sync now',
    'input Block an account by @username',
    'input ',
    'button Export',
  ]);
  return stops.slice(8);
}

/** Opens the manager on Blocked in a new tab and syncs it with Tab and Enter on Sync now: the page and its panel. */
async function syncBlockedByKeyboard(perch: Perch): Promise<{ page: Page; panel: Locator }> {
  const page = await perch.open('manager', '#blocked');
  const panel = page.getByRole('tabpanel', { name: 'Blocked' });
  await tabTo(page, panel.getByRole('button', { name: 'Sync now' }));
  await page.keyboard.press('Enter');
  await expect(panel.getByText(/^Last synced /)).toBeVisible();
  return { page, panel };
}

test.describe('the Blocked tab with the keyboard alone, in Chromium', () => {
  test('walks a self-serve app’s Blocked tab: Unblock is each account’s x.com link', async ({ perch, emu }) => {
    await emu.config({ enterprise: false });
    await signIn(perch, await perch.open('options'));
    const { page } = await syncBlockedByKeyboard(perch);
    // Each account: its Profile, then Unblock — a link to x.com, where X lets a self-serve app's person unblock.
    expect(await tabStopsAfterExport(page)).toEqual(Array.from({ length: 9 }, () => ['a Profile', 'a Unblock']).flat());
    await scan(page, 'manager, Blocked on a self-serve app, walked');
  });

  test('unblocks on the Enterprise plan and undoes it, the focus kept', async ({ perch, emu }) => {
    await emu.config({ enterprise: true });
    const options = await perch.open('options');
    await signIn(perch, options);
    await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
    await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
    const { page, panel } = await syncBlockedByKeyboard(perch);
    // Each account: its Profile link, then Unblock, a button: Perch unblocks.
    expect(await tabStopsAfterExport(page)).toEqual(Array.from({ length: 9 }, () => ['a Profile', 'button Unblock']).flat());

    const unblock = panel.getByRole('button', { name: /^Unblock / }).first();
    await tabTo(page, unblock);
    await page.keyboard.press('Enter');
    const done = panel.getByRole('status').filter({ hasText: /: done\./ });
    await expect(done).toBeFocused();
    await expectFocusShown(page);
    // Blocking ended any follow of the account and unblocking did not bring it back: the line says so, with the
    // account's profile, where the person can follow them again (Perch held no follow of it: said as an "if").
    await expect(done).toContainText(
      /If you followed @\w+ before blocking them, unblocking does not bring that follow back\. You don’t follow @\w+ now/,
    );
    await expect(done.getByRole('link', { name: /^Profile of @\w+ on X$/ })).toBeVisible();
    await scan(page, 'manager, Blocked after Unblock');

    const undo = done.getByRole('button', { name: /^Undo: / });
    await tabTo(page, undo);
    await page.keyboard.press('Enter');
    // Undo puts back what was: the block, without asking again (it was asked when the account was blocked).
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const undone = panel.getByRole('status').filter({ hasText: /: undone\./ });
    await expect(undone).toBeVisible();
    expect(await focusDropped(page), 'the focus stays in the tab after Undo').toBe(false);
    await expect(undone).toBeFocused();
    await expectFocusShown(page);
  });
});
