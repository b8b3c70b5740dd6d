import { scan } from '../support/axe-chromium';
import { tabTo } from '../support/focus';
import { expectOnlyLinksMet, expectReadByKeyboard, PRIVACY_HEADING, PRIVACY_LINK, privacyLinks } from '../support/keyboard-walks';
import { walkTabStops } from '../support/tab-walk';
import { expect, test } from './fixtures';

/**
 * The privacy policy with the keyboard alone: reached from the settings with Tab and Enter, then walked with Tab from
 * its top — each of PRIVACY.md's links reached, the focus shown, each named for the words it shows — read to its end
 * with Space in a small window, and scanned by axe.
 */

test('opens the privacy policy from the settings with Enter and walks it with Tab, in Chromium', async ({ perch }) => {
  const options = await perch.open('options');
  const link = options.getByRole('link', { name: PRIVACY_LINK, exact: true });
  await tabTo(options, link);
  const opened = perch.context.waitForEvent('page');
  await options.keyboard.press('Enter');
  const privacy = await opened;
  await expect(privacy.getByRole('heading', { level: 1 })).toHaveText(PRIVACY_HEADING);
  const stops = await walkTabStops(privacy);
  expectOnlyLinksMet(stops, privacyLinks());
  await expect(privacy.getByRole('link')).toHaveText(privacyLinks());
  await privacy.setViewportSize({ width: 360, height: 480 });
  await expectReadByKeyboard(privacy);
  expect(await scan(privacy, 'privacy policy')).toBeTruthy();
});
