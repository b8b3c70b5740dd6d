import { expectFocusShown, focusedName, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { popupOn } from '../support/firefox-popup';
import { expect, setViewportSize, signIn, test } from './fixtures';

/**
 * Follow on a protected account with the keyboard alone, in Firefox. X answers the follow with `pending_follow: true`
 * (followUser; x-api--users--follows--quickstart: "If the target account is protected, `pending_follow` will be
 * `true` until the follow request is approved"), and the popup's button becomes Requested, which the person cannot
 * press. It used to become a natively disabled button, and Firefox dropped the focus from it to the page: a keyboard
 * user had to start again from the popup's top, and a screen reader said nothing of the request. The focus now stays
 * on Requested, and a second Enter there sends nothing.
 */

const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };

test('Follow pressed with Enter on a protected account keeps the focus on Requested, in Firefox', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, `https://x.com/${KJOHNSON.username}`);
  await setViewportSize(popup, 360, 600);
  await popup.bringToFront();
  // The popup puts the focus on Follow, its first action, after the click that opened it: walked to Mute and back, as
  // a keyboard user would, so the focus is the keyboard's and shows.
  await tabTo(popup, 'Mute', 'button');
  await tabTo(popup, 'Follow', 'button');
  await emu.clearLog();
  await popup.keyboard.press('Enter');

  await expect.poll(async () => (await emu.relations()).pending_follows.includes(KJOHNSON.id)).toBe(true);
  expect((await emu.relations()).following).not.toContain(KJOHNSON.id);
  await expect.poll(() => popup.evaluate(focusedName), { message: 'the focus stays on the button, now Requested' }).toBe('Requested');
  expect(await focusOn(popup, 'Requested', 'button')).toBe(true);
  await expectFocusShown(popup);

  // Requested cannot be pressed: Enter on it sends nothing more to X.
  await popup.keyboard.press('Enter');
  await popup.keyboard.press('Tab');
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Mute');
  // A second follow wrongly sent would still be on its way: read X's log once nothing more arrives.
  await emu.untilQuiet();
  const follows = (await emu.log()).filter((e) => e.method === 'POST' && e.path.endsWith('/following'));
  expect(follows.map((e) => e.status)).toEqual([200]);
});
