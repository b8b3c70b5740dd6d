import { SEED_LISTS } from '../../emulator/seed';
import { expect, signIn, test } from './fixtures';

/**
 * A List's page links to it on x.com; and a List deleted on x.com, not through Perch (the emulator's DELETE /2/lists/:id
 * as the account, deleteLists), is forgotten once X answers a read of it with resource-not-found (getListsMembers:
 * x-api--lists--list-lookup--integrate, "404 – List doesn't exist"): its open page says X's word, and Activity stops
 * linking its actions to a page x.com no longer has.
 */

const LIST = SEED_LISTS.adaReading;
const NAME = 'Reading list 📚';
/** Ada's other List, pinned on X (SEED_ADA_PINNED_LISTS): drawn under Pinned, where the pinned Reading list would be. */
const NEIGHBOUR = 'Compiler folks 🛠️';

test('a List’s page opens it on X, and says so when X deleted it, no more linked in Activity', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('manager', '#lists');
  await page
    .getByRole('region', { name: /^Owned/ })
    .getByRole('button', { name: NAME, exact: true })
    .click();
  await expect(page.getByRole('heading', { name: NAME, level: 2 })).toBeFocused();

  const onX = page.getByRole('link', { name: `Open on X: ${NAME}`, exact: true });
  await expect(onX).toHaveText('Open on X');
  await expect(onX).toHaveAttribute('href', `https://x.com/i/lists/${LIST}`);
  await expect(onX).toHaveAttribute('target', '_blank');

  // Pinned through Perch: its Activity row links to the List.
  await page.getByRole('button', { name: `Pin ${NAME}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Pin “${NAME}”: done.` })).toBeVisible();

  // Deleted on x.com behind Perch's back; Perch learns it when X answers the members read.
  expect((await emu.asSignedIn(`/2/lists/${LIST}`, { method: 'DELETE' })).status).toBe(200);
  await page.getByRole('button', { name: `Load members of ${NAME} from X` }).click();
  const said = page.getByText('X says this List no longer exists: it was deleted.');
  await expect(said).toBeVisible();
  await expect(said).toBeFocused();

  await page.getByRole('button', { name: 'Back to lists' }).click();
  // The sections drawn first: a tab with none yet holds no button of that name either.
  const lists = page.getByRole('tabpanel', { name: 'Lists' });
  await expect(lists.getByRole('region', { name: /^Pinned/ }).getByRole('button', { name: NEIGHBOUR, exact: true })).toBeVisible();
  await expect(lists.getByRole('button', { name: NAME, exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Activity' }).click();
  const pin = page.getByRole('listitem').filter({ hasText: `Pin “${NAME}”` });
  await expect(pin).toBeVisible();
  await expect(pin.getByRole('link')).toHaveCount(0);
});
