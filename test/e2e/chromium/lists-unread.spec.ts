import { ADA } from '../support/emulator-control';
import { expect, signIn, test } from './fixtures';

/**
 * A List made in Perch while X's rate limit holds the first Lists sync (429 on getUsersOwnedLists,
 * x-api--fundamentals--rate-limits): the Lists tab draws its sections over that one List, and they must not speak for
 * X, which Perch has not read ("Nobody has added you to a list.", "Member of (0)", the tab's "1 list").
 */
test('the Lists tab’s sections say Perch has not read X while its limit holds the first sync', async ({ perch, emu }) => {
  await emu.fault({ method: 'GET', path: `/2/users/${ADA.id}/owned_lists`, count: 5, kind: 'rate_limit' });
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('manager', '#lists');
  // The tab's sync runs on first show and stops at X's limit: the empty tab says when X lets Perch read again.
  await expect(page.getByText(/^No lists stored yet\. X lets Perch read them again at /)).toBeVisible();

  await page.getByRole('button', { name: 'New list' }).click();
  const form = page.getByRole('form', { name: 'New list' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Perch unread');
  await form.getByRole('button', { name: 'Create list on X' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Create the list “Perch unread”: done.' })).toBeVisible();

  const owned = page.getByRole('region', { name: 'Owned', exact: true });
  await expect(owned.getByRole('button', { name: 'Perch unread', exact: true })).toBeVisible();
  for (const name of ['Pinned', 'Followed', 'Member of']) {
    const section = page.getByRole('region', { name, exact: true });
    await expect(section.getByText(/^Perch has not read your lists from X yet\. X lets Perch read them at \d/)).toBeVisible();
  }
  // Nor does the tab's heading count X's Lists ("1 list"): Perch knows only the one it made.
  await expect(page.getByRole('heading', { name: 'Lists', exact: true })).toBeVisible();
  await expect(page.getByText(/^\d+ lists?\b/)).toHaveCount(0);
  for (const said of ['No pinned lists.', 'You follow no lists of others.', 'Nobody has added you to a list.']) {
    await expect(page.getByText(said)).toHaveCount(0);
  }
});
