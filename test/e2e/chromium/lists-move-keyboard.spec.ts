import type { Locator, Page } from '@playwright/test';
import { SEED_LISTS } from '../../emulator/seed';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, signIn, test } from './fixtures';

/**
 * Pin, Unpin, Follow and Unfollow on the Lists tab's cards, from the keyboard: X's answer moves the card to another
 * section (Owned → Pinned, Followed → Member of), drawing it anew. The focus goes with it, onto the same button in its
 * new place, so Enter again undoes it; a card in no section any more leaves the focus on the tab's status line. Never
 * on the page, where the next Tab would start again from the top.
 */

const region = (page: Page, name: RegExp): Locator => page.getByRole('region', { name });

/** Presses `from` with Enter, watching for the focus falling to the page until `to` has it. */
async function pressAndFollow(page: Page, from: Locator, to: Locator): Promise<void> {
  await tabTo(page, from);
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await expect(to).toBeFocused();
  expect(await page.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
  await expectFocusShown(page);
}

test('keeps the focus on a List card moved by Pin, Unpin, Follow or Unfollow, in Chromium', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('manager', '#lists');
  await expect(page.getByText(/^Last synced /)).toBeVisible();
  const relations = async () => await emu.relations();

  // Pin: the card goes under Pinned, the focus on its Unpin there.
  const reading = 'Reading list 📚';
  await pressAndFollow(
    page,
    region(page, /^Owned/).getByRole('button', { name: `Pin ${reading}` }),
    region(page, /^Pinned/).getByRole('button', { name: `Unpin ${reading}` }),
  );
  await expect.poll(async () => (await relations()).pinned_lists).toContain(SEED_LISTS.adaReading);
  // Unpin: back under Owned, the focus on its Pin.
  await pressAndFollow(
    page,
    page.getByRole('button', { name: `Unpin ${reading}` }),
    region(page, /^Owned/).getByRole('button', { name: `Pin ${reading}` }),
  );
  await expect.poll(async () => (await relations()).pinned_lists).not.toContain(SEED_LISTS.adaReading);

  // Unfollow a List one is a member of: it goes under Member of, the focus on its Follow.
  const navy = 'Navy computing ⚓';
  await pressAndFollow(
    page,
    region(page, /^Followed/).getByRole('button', { name: `Unfollow ${navy}` }),
    region(page, /^Member of/).getByRole('button', { name: `Follow ${navy}` }),
  );
  // Follow it again: back under Followed.
  await pressAndFollow(
    page,
    page.getByRole('button', { name: `Follow ${navy}` }),
    region(page, /^Followed/).getByRole('button', { name: `Unfollow ${navy}` }),
  );
  await expect.poll(async () => (await relations()).followed_lists).toContain(SEED_LISTS.graceNavy);

  // Unfollow one it is no member of: in no section any more, the status line (with Undo) has the focus.
  const plants = 'Plant people 🌿';
  await pressAndFollow(
    page,
    region(page, /^Followed/).getByRole('button', { name: `Unfollow ${plants}` }),
    page.getByRole('status').filter({ hasText: `Unfollow “${plants}”: done.` }),
  );
  await expect(page.getByRole('button', { name: `Undo: Unfollow “${plants}”` })).toBeVisible();
});
