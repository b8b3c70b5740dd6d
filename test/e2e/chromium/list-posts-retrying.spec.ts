import { SEED_LISTS } from '../../emulator/seed';
import { openList } from '../support/lists-tab';
import { expect, signIn, test } from './fixtures';

/**
 * A List's latest posts while X answers GET /2/lists/:id/tweets (getListsPosts) with 503, which X's errors page says
 * to wait and retry (x-api--fundamentals--response-codes-and-errors): the List said only "Loading posts…" through
 * Perch's retries. It now says X is not answering and Perch tries again, with Stop waiting, which lets go of the read and leaves
 * the focus on Show latest posts.
 */
test('says X is not answering a List’s posts while Perch tries again, and Stop waiting lets go, in Chromium', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  const page = await openList(perch, 'Compiler folks 🛠️');
  const show = page.getByRole('button', { name: 'Show latest posts of Compiler folks 🛠️' });
  await expect(show).toBeVisible();
  await emu.untilQuiet();
  await emu.fault({ method: 'GET', path: `/2/lists/${SEED_LISTS.adaCompilers}/tweets`, count: 4, kind: 'status', status: 503 });

  await show.click();
  await expect(page.getByText(/^Latest posts: X is not answering; Perch tries again at .+\.$/)).toBeVisible();
  const stop = page.getByRole('button', { name: 'Stop waiting', exact: true });
  await stop.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/X is not answering/)).toHaveCount(0);
  await expect(page.getByText('Loading posts…')).toHaveCount(0);
  await expect(show).toBeFocused();
  await expect(show).not.toHaveAttribute('aria-disabled', 'true');
});
