import type { Page } from 'puppeteer-core';
import { STATE_PAGES } from '../support/a11y-states';
import { expectFocusShown, focusedName, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { popupOn } from '../support/firefox-popup';
import { PICKER, PICKER_LIST_BUTTON, PICKER_OPENER, pickerFlip } from '../support/keyboard-walks';
import { focusDropped } from '../support/tab-walk';
import { expect, setViewportSize, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * The popup's "Add to a list" picker with the keyboard alone, in Firefox: Enter on its button opens it with the focus
 * on the first List, the focus shown; Escape closes it and gives the focus back to the button that opened it; Enter on
 * a List adds the account (or takes it off) and that List's button keeps the focus. (The Chromium walk is
 * test/e2e/chromium/popup-list-keyboard.spec.ts.)
 */

const PICKER_AT = `section[aria-label="${PICKER}"]`;

/** The name of the picker's first List, once it has the focus ('' before). */
const firstListFocused = (page: Page) =>
  page.evaluate((at) => {
    const first = document.querySelector(`${at} button`);
    return first && first === document.activeElement ? (first.getAttribute('aria-label') ?? '') : '';
  }, PICKER_AT);

/** Signs Ada in and opens the popup on Grace's post at 360 px, its picker opened with Enter. */
async function pickerOpened(ff: FirefoxPerch): Promise<Page> {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, STATE_PAGES.others);
  await setViewportSize(popup, 360, 600);
  await tabTo(popup, PICKER_OPENER, 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => firstListFocused(popup)).toMatch(PICKER_LIST_BUTTON);
  await expectFocusShown(popup);
  return popup;
}

test('the popup’s list picker opens on Enter and closes on Escape, the focus kept, in Firefox', async ({ ff }) => {
  const popup = await pickerOpened(ff);
  await popup.keyboard.press('Escape');
  await expect.poll(() => popup.$$eval(PICKER_AT, (found) => found.length)).toBe(0);
  expect(await focusDropped(popup), 'the focus goes back to the opener, not to the page').toBe(false);
  expect(await focusOn(popup, PICKER_OPENER, 'button')).toBe(true);
  await expectFocusShown(popup);

  // Again from the keyboard: it opens as it did.
  await popup.keyboard.press('Enter');
  await expect.poll(() => firstListFocused(popup)).toMatch(PICKER_LIST_BUTTON);
});

test('Enter on a List in the popup’s picker adds the account and back, the focus kept on that List, in Firefox', async ({ ff }) => {
  const popup = await pickerOpened(ff);
  const { was, list, now } = pickerFlip(await firstListFocused(popup));

  // Pressed: it says what it did, and the same List's button, now the other way round, keeps the focus.
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, `${PICKER_AT} [role="status"]`)).toMatch(/\S/);
  await expect.poll(() => popup.evaluate(focusedName)).toBe(`${now} ${list}`);
  await expectFocusShown(popup);
  // And back again, from the same place.
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.evaluate(focusedName)).toBe(`${was} ${list}`);
  await expectFocusShown(popup);
});
