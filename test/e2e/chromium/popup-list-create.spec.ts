import { scan } from '../support/axe-chromium';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * "New list" in the popup's list picker, by what a person sees: on a profile, Add to list…, New list, a name, Create
 * list; X makes the List (POST /2/lists) and it is a row of the picker with its Add button, focused; Add puts the
 * account on it on X (POST /2/lists/{id}/members). Each new state is scanned by axe.
 */

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const NAME = 'Birdwatchers';

test('the popup’s list picker makes a new List, then adds the account to it on the person’s click, in Chromium', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  const popup = await popupOn(perch, `https://x.com/${GRACE.username}`, { viewport: { width: 360, height: 600 } });
  await popup.getByRole('button', { name: 'Add to list…', exact: true }).click();
  const picker = popup.getByRole('region', { name: `Lists for @${GRACE.username}` });

  await picker.getByRole('button', { name: 'New list', exact: true }).click();
  const form = picker.getByRole('form', { name: 'New list' });
  const name = form.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await name.fill(NAME);
  await expect(form).toContainText(`${NAME.length}/25`);
  await scan(popup, 'popup list picker: a new List named');

  await form.getByRole('button', { name: 'Create list', exact: true }).click();
  // X has made it: a row of the picker, its Add button focused; the form has closed.
  const add = picker.getByRole('button', { name: `Add to “${NAME}”`, exact: true });
  await expect(add).toBeFocused();
  await expect(form).toHaveCount(0);
  await expect(picker.getByRole('status')).toHaveText(`Created “${NAME}” on X.`);
  await expect.poll(async () => (await emu.relations()).owned_lists.find((l) => l.name === NAME)?.member_ids).toEqual([]);
  await scan(popup, 'popup list picker: the new List made');

  await popup.keyboard.press('Enter');
  await expect(picker.getByRole('button', { name: `Remove from “${NAME}”`, exact: true })).toBeVisible();
  await expect.poll(async () => (await emu.relations()).owned_lists.find((l) => l.name === NAME)?.member_ids.includes(GRACE.id)).toBe(true);
});
