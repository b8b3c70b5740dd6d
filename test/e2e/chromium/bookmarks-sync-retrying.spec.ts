import { ADA } from '../support/emulator-control';
import { syncBookmarks } from '../support/bookmarks-tab';
import { expect, signIn, test } from './fixtures';

/**
 * The Bookmarks tab's first sync while X answers GET /2/users/:id/bookmarks (getUsersBookmarks) with 503, which X's
 * errors page says to wait and retry (x-api--fundamentals--response-codes-and-errors): the sync line said only
 * "Syncing…" through Perch's tries. It now says X is not answering and when Perch tries again, and says so no more
 * once X answers and the sync ends.
 */
test('says X is not answering the Bookmarks sync while Perch tries again, in Chromium', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  await emu.untilQuiet();
  await emu.fault({ method: 'GET', path: `/2/users/${ADA.id}/bookmarks`, count: 2, kind: 'status', status: 503 });

  const page = await perch.open('manager', '#bookmarks');
  const retrying = page.getByRole('status').filter({ hasText: /^Syncing: X is not answering; Perch tries again at .+\.$/ });
  await expect(retrying).toBeVisible();
  await syncBookmarks(page);
  await expect(page.getByText(/X is not answering/)).toHaveCount(0);
});
