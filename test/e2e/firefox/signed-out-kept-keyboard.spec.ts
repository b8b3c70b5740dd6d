import { ADA } from '../support/emulator-control';
import { expectFocusShown, focusedName, tabToInFirefox as tabTo } from '../support/focus';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

/**
 * X ends the sign-in as the person presses Mute on a profile with the keyboard, in Firefox (the person removed the app
 * on x.com: X answers 401 and refuses the refresh token, oauth-2-0--authorization-code). The popup's screen goes with
 * the account, Mute with it: the focus fell to the page, so the next Tab started from the top and a screen reader
 * said nothing of where the person was. Now the header, which says why they were signed out, has it on Sign in with X,
 * where signing in again sends the kept Mute (chromium/signed-out-kept.spec.ts checks it is sent).
 */

test('puts the focus on Sign in with X when X ends the sign-in as Mute is pressed, in Firefox', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, 'https://x.com/gracehop');
  await popup.bringToFront();
  await popup.locator('::-p-aria(Mute[role="button"])').wait();

  await emu.revokeGrants(ADA.id);
  await tabTo(popup, 'Mute', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '[role="alert"]')).toContain(`You were signed out of @${ADA.username}`);
  await expect.poll(() => popup.evaluate(focusedName), { message: 'the focus on Sign in with X, not on the page' }).toBe('Sign in with X');
  expect(await popup.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('button');
  await expectFocusShown(popup);
  expect(await popup.$('::-p-aria(Unmute[role="button"])')).toBeNull();
});
