import { LONG_LIST_MEMBERS, LONG_LIST_NAME, longListReader, seedLongList } from '../../emulator/long-list';
import { scan } from '../support/axe-chromium';
import { expectFocusShown, tabTo } from '../support/focus';
import { expectMembersReadInThreePages, longListWords as words } from '../support/keyboard-walks';
import { expect, signIn, test } from './fixtures';

/**
 * "Load more members" on a List of more members than X gives in one page (100: getListsMembers' `max_results`), with
 * the keyboard alone, on a List the person follows (each member's row offers their Profile on x.com): each press adds
 * X's next page below those shown, the focus staying on the button while there is more; the last page takes the button
 * away and hands the focus to the first member it brought, and Tab goes on from there, not from the top.
 */

test('reads a long List’s members page by page with the keyboard, the focus kept near them, in Chromium', async ({
  perch,
  emu,
  emulator,
}) => {
  test.setTimeout(180_000);
  seedLongList(emulator.state);
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('manager', '#lists');

  await tabTo(page, page.getByRole('region', { name: /^Followed/ }).getByRole('button', { name: LONG_LIST_NAME, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: LONG_LIST_NAME, level: 2 })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: words.load }));
  await page.keyboard.press('Enter');
  const members = page.getByRole('list', { name: words.members });
  const first = members.getByRole('listitem').first();
  // The rows are drawn a screenful at a time: each says how many there are in all.
  await expect(first).toHaveAttribute('aria-setsize', '100');
  await expect(first).toContainText(longListReader(1).name);

  const more = page.getByRole('button', { name: words.more });
  await tabTo(page, more);
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-setsize', '200');
  // More to read: the focus stays on the button, for the next page.
  await expect(more).toBeFocused();
  await expectFocusShown(page);

  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-setsize', String(LONG_LIST_MEMBERS));
  await expect(more).toHaveCount(0);
  // The last page read: the focus is on the first member it brought (the 201st), on their Profile.
  const profile = (n: number) => page.getByRole('link', { name: words.profile(n) });
  await expect(members.locator(profile(201))).toBeFocused();
  await expect(members.getByRole('listitem').filter({ has: profile(201) })).toHaveAttribute('aria-posinset', '201');
  await expect(profile(201)).toBeInViewport();
  await expectFocusShown(page);
  const last = longListReader(LONG_LIST_MEMBERS);
  await expect(members.getByRole('listitem').filter({ hasText: `@${last.username}` })).toBeVisible();
  await scan(page, 'manager, a followed List’s last page of members read');

  // Tab goes on from there, to the next member, as it walks a List one owns by each Remove; Shift+Tab goes back up.
  await page.keyboard.press('Tab');
  await expect(profile(202)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(profile(200)).toBeFocused();
  await expectFocusShown(page);

  await expectMembersReadInThreePages(emu);
});
