import type { Page } from '@playwright/test';
import { scan } from '../support/axe-chromium';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped } from '../support/tab-walk';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * Editing a published post with the keyboard alone, in the popup: Edit reached with Tab and pressed with Enter opens
 * the edit with the focus in its box; Update pressed with Enter says the post was edited, with the focus on its View
 * on X link. Where X will not edit (past its 30 minutes), the refusal is said and the focus stays on the control
 * pressed — Edit, or Update — never dropped to the page, where the next Tab would start again from the top.
 */

/** Writes and posts `text` from the popup's composer with the keyboard (Control+Enter); the focus on View on X. */
async function publish(perch: Perch, text: string): Promise<Page> {
  const popup = await perch.open('popup');
  await expect(popup.getByRole('textbox', { name: 'Post text' })).toBeFocused();
  await popup.keyboard.type(text);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByText('Your post is on X.')).toBeVisible();
  await expect(popup.getByRole('link', { name: 'View on X' })).toBeFocused();
  return popup;
}

test.describe('editing a post with the keyboard alone, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('Edit, then Update: the focus in the box, then on the edited post’s link', async ({ perch }) => {
    const popup = await publish(perch, 'Helo wrold from Perch');
    const edit = popup.getByRole('button', { name: 'Edit', exact: true });
    await tabTo(popup, edit);
    await expect(edit).toHaveText('Edit');
    await popup.keyboard.press('Enter');
    const editor = popup.getByRole('region', { name: 'Edit post' });
    const box = editor.getByRole('textbox', { name: 'Post text' });
    await expect(box).toBeFocused();
    await expectFocusShown(popup);
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('Hello world from Perch');
    const scanned = [await scan(popup, 'popup, editing a post')];

    const update = editor.getByRole('button', { name: 'Update', exact: true });
    await tabTo(popup, update);
    await expect(update).toHaveText('Update');
    await popup.keyboard.press('Enter');
    await expect(popup.getByText('Your post was edited.')).toBeVisible();
    await expect(popup.getByRole('link', { name: 'View on X' })).toBeFocused();
    await expectFocusShown(popup);
    scanned.push(await scan(popup, 'popup, post edited'));
    expect(scanned).toHaveLength(2);
  });

  test('past X’s 30 minutes, Update refused: said, and the focus stays on Update', async ({ perch, emu }) => {
    const popup = await publish(perch, 'Nearly too late');
    await tabTo(popup, popup.getByRole('button', { name: 'Edit', exact: true }));
    await popup.keyboard.press('Enter');
    const box = popup.getByRole('textbox', { name: 'Post text' });
    await expect(box).toBeFocused();
    await popup.keyboard.type(', fixed');
    await emu.advanceClock(31 * 60);
    const update = popup.getByRole('button', { name: 'Update', exact: true });
    await tabTo(popup, update);
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toContainText('X would not edit your post');
    expect(await focusDropped(popup), 'the focus stays where it was when X refused').toBe(false);
    await expect(update).toBeFocused();
    await expectFocusShown(popup);
  });

  test('past X’s 30 minutes, Edit refused: said, and the focus stays on Edit', async ({ perch, emu }) => {
    const popup = await publish(perch, 'Too late to mend');
    await emu.advanceClock(31 * 60);
    const edit = popup.getByRole('button', { name: 'Edit', exact: true });
    await tabTo(popup, edit);
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toContainText('X does not let you edit this post now.');
    expect(await focusDropped(popup), 'the focus stays on Edit when X will not edit').toBe(false);
    await expect(edit).toBeFocused();
    await expectFocusShown(popup);
  });
});
