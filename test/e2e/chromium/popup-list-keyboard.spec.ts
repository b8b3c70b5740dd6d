import { STATE_PAGES } from '../support/a11y-states';
import { expectFocusShown, tabTo } from '../support/focus';
import { PICKER, PICKER_LIST_BUTTON, PICKER_OPENER, pickerFlip } from '../support/keyboard-walks';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * The popup's "Add to a list" picker with the keyboard alone: Enter on its button opens it with the focus on the
 * first List, the focus shown; Escape closes it and gives the focus back to the button that opened it, never to the
 * page.
 */

test('the popup’s list picker opens on Enter and closes on Escape, the focus kept, in Chromium', async ({ perch }) => {
  await signIn(perch, await perch.open('options'));
  const popup = await popupOn(perch, STATE_PAGES.others, { viewport: { width: 360, height: 600 } });
  const opener = popup.getByRole('button', { name: PICKER_OPENER });
  const picker = popup.getByRole('region', { name: PICKER });

  await tabTo(popup, opener);
  await popup.keyboard.press('Enter');
  const first = picker.getByRole('button').first();
  await expect(first).toHaveAccessibleName(PICKER_LIST_BUTTON);
  await expect(first).toBeFocused();
  await expectFocusShown(popup);

  await popup.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(popup.locator('body')).not.toBeFocused();
  await expectFocusShown(popup);

  // Again from the keyboard: it opens as it did.
  await popup.keyboard.press('Enter');
  await expect(picker.getByRole('button').first()).toBeFocused();
});

test('Enter on a List in the popup’s picker adds the account and back, the focus kept on that List, in Chromium', async ({ perch }) => {
  await signIn(perch, await perch.open('options'));
  const popup = await popupOn(perch, STATE_PAGES.others, { viewport: { width: 360, height: 600 } });
  const picker = popup.getByRole('region', { name: PICKER });
  await tabTo(popup, popup.getByRole('button', { name: PICKER_OPENER }));
  await popup.keyboard.press('Enter');
  const first = picker.getByRole('button').first();
  await expect(first).toBeFocused();
  const { was, list, now } = pickerFlip(await first.getAttribute('aria-label'));

  // Pressed: it says what it did, and the same List's button, now the other way round, keeps the focus.
  await popup.keyboard.press('Enter');
  await expect(picker.getByRole('status')).toContainText(/\S/);
  const flipped = picker.getByRole('button', { name: `${now} ${list}`, exact: true });
  await expect(flipped).toBeFocused();
  await expect(popup.locator('body')).not.toBeFocused();
  await expectFocusShown(popup);
  // And back again, from the same place.
  await popup.keyboard.press('Enter');
  await expect(picker.getByRole('button', { name: `${was} ${list}`, exact: true })).toBeFocused();
  await expectFocusShown(popup);
});
