import type { Locator, Page } from '@playwright/test';
import { SEED_LISTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, signIn, test } from './fixtures';

/**
 * Where the focus goes, and that it shows, when the side panel's questions and the account menu close by the keyboard
 * alone in Chromium: the Delete draft dialog and the Delete list question, answered with Enter on their Cancel, with
 * Escape, and confirmed; the account menu closed with Escape and by choosing an item. Each time the focus is on a
 * control or line a person can see (never the page), and its ring is drawn; while X has not yet answered the List's
 * deletion (a `hold` fault on deleteLists), the focus is on the line saying it is on its way, and it never fell to the
 * page on the way there.
 */

async function focusLandsOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expectFocusShown(page);
}

test('gives the focus back, shown, when the Delete questions and the account menu close by keyboard in Chromium', async ({
  perch,
  emu,
}) => {
  test.setTimeout(180_000);
  await signIn(perch, await perch.open('options'));
  const popup = await perch.open('popup');
  await popup.getByRole('textbox', { name: 'Post text' }).fill('A plain thought for later');
  const panel = await perch.open('sidepanel');

  // The Delete draft dialog: Enter on Keep draft, Escape, then Delete draft.
  await panel.getByRole('tab', { name: 'Drafts' }).click();
  await expect(panel.getByRole('list', { name: 'Your drafts' })).toContainText('A plain thought for later');
  const deleteDraft = panel.getByRole('button', { name: 'Delete draft: New post', exact: true });
  const dialog = panel.getByRole('dialog', { name: 'Delete this draft?' });
  const keepDraft = dialog.getByRole('button', { name: 'Keep draft', exact: true });
  await tabTo(panel, deleteDraft);
  await panel.keyboard.press('Enter');
  await focusLandsOn(panel, keepDraft);
  await panel.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await focusLandsOn(panel, deleteDraft);
  await panel.keyboard.press('Enter');
  await expect(keepDraft).toBeFocused();
  await panel.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await focusLandsOn(panel, deleteDraft);
  await panel.keyboard.press('Enter');
  await expect(keepDraft).toBeFocused();
  await panel.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Delete draft', exact: true })).toBeFocused();
  await panel.keyboard.press('Enter');
  // The row and its button are gone: the line saying so has the focus.
  await expect(deleteDraft).toHaveCount(0);
  await focusLandsOn(panel, panel.getByRole('status').filter({ hasText: 'Draft deleted: New post' }));

  // The account menu: Escape, then choosing the account in use, each back on the menu's button.
  const account = `${ADA.name} @${ADA.username}`;
  const button = panel.getByRole('button', { name: account, exact: true });
  const menu = panel.getByRole('menu', { name: 'Account' });
  await tabTo(panel, button);
  for (const close of ['Escape', 'Enter']) {
    await panel.keyboard.press('Enter');
    await focusLandsOn(panel, menu.getByRole('menuitemradio', { name: account, exact: true }));
    await panel.keyboard.press(close);
    await expect(menu).toHaveCount(0);
    await focusLandsOn(panel, button);
  }

  // The Delete list question: Enter on Keep it, Escape, then Yes, delete.
  await panel.getByRole('tab', { name: 'Lists' }).click();
  const name = 'Compiler folks 🛠️';
  const list = panel.getByRole('button', { name, exact: true });
  await tabTo(panel, list);
  await panel.keyboard.press('Enter');
  const deleteList = panel.getByRole('button', { name: `Delete list ${name}`, exact: true });
  const keepIt = panel.getByRole('button', { name: 'Keep it', exact: true });
  await tabTo(panel, deleteList);
  await panel.keyboard.press('Enter');
  await focusLandsOn(panel, keepIt);
  await panel.keyboard.press('Enter');
  await focusLandsOn(panel, deleteList);
  await panel.keyboard.press('Enter');
  await expect(keepIt).toBeFocused();
  await panel.keyboard.press('Escape');
  await focusLandsOn(panel, deleteList);
  await panel.keyboard.press('Enter');
  await expect(keepIt).toBeFocused();
  await panel.keyboard.press('Shift+Tab');
  await expect(panel.getByRole('button', { name: `Yes, delete ${name}`, exact: true })).toBeFocused();
  // X holds its answer (deleteLists): the step is under way, and a keyboard user's next Tab must not start from the top.
  await emu.fault({ method: 'DELETE', path: `/2/lists/${SEED_LISTS.adaCompilers}`, count: 1, kind: 'hold' });
  await panel.evaluate(watchFocusDrops);
  await panel.keyboard.press('Enter');
  await expect.poll(() => emu.held()).toBe(1);
  const note = panel.getByRole('tabpanel').locator('.mgr-note');
  await expect(note).toContainText(`Delete the list “${name}”: sending to X…`);
  await focusLandsOn(panel, note);
  await emu.release();
  // Back at all Lists, the List's button gone with it: the line saying it is deleted has the focus, not the page.
  await expect(list).toHaveCount(0);
  await expect(note).toContainText(`Delete the list “${name}”: done.`);
  await focusLandsOn(panel, note);
  expect(await panel.evaluate(focusDrops), 'the focus never fell to the page while the List was deleted').toEqual([]);
});
