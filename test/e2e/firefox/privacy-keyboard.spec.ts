import { scanFirefox } from '../support/axe-firefox';
import { tabToInFirefox as tabTo } from '../support/focus';
import { expectOnlyLinksMet, expectReadByKeyboard, PRIVACY_HEADING, PRIVACY_LINK, privacyLinks } from '../support/keyboard-walks';
import { walkTabStopsInFirefox } from '../support/tab-walk';
import { expect, setViewportSize, test, textOf } from './fixtures';

/**
 * The privacy policy with the keyboard alone, in Firefox: reached from the settings with Tab and Enter (it opens in a
 * tab of its own), then walked with Tab from its top, each of PRIVACY.md's links reached with the focus shown, read to
 * its end with Space in a small window, and scanned by axe.
 * (The Chromium walk is test/e2e/chromium/privacy-keyboard.spec.ts.)
 */

test('opens the privacy policy from the settings with Enter and walks it with Tab, in Firefox', async ({ ff }) => {
  await tabTo(ff.options, PRIVACY_LINK, 'link');
  await ff.options.keyboard.press('Enter');
  // It opens in a tab of its own, which WebDriver BiDi is not given to drive (a tab it did not open): the policy is
  // walked in a tab the test opens on the same page.
  const tabs = () => ff.options.evaluate(async () => (await browser.tabs.query({})).map((t) => t.url ?? ''));
  await expect.poll(tabs).toContain(`${ff.origin}/privacy.html`);
  const privacy = await ff.open('privacy');
  await expect.poll(() => textOf(privacy, 'h1')).toBe(PRIVACY_HEADING);
  await privacy.bringToFront();
  const stops = await walkTabStopsInFirefox(privacy);
  const links = await privacy.$$eval('a[href]', (all) => all.map((a) => a.textContent ?? ''));
  expect(links).toEqual(privacyLinks());
  expectOnlyLinksMet(stops, links);
  await setViewportSize(privacy, 360, 480);
  await expectReadByKeyboard(privacy);
  expect(await scanFirefox(privacy, 'privacy policy')).toBeTruthy();
});
