import { SEED_POSTS } from '../../emulator/seed';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expect, signIn, test } from './fixtures';

const button = (page: Parameters<typeof hasButton>[0], name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

// A problem met after the person acted is read out: its alert region is on the page, empty, before the click, so
// a screen reader announces the words that fill it (a region created together with its words is often not read).
test('on a post, in Firefox: Bookmark the background cannot take is said in the alert that was there, empty, before', async ({ ff }) => {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`);
  await expect.poll(() => hasButton(popup, 'Bookmark')).toBe(true);
  const alerts = () => popup.$$eval('.post-panel [role="alert"]', (els) => els.map((e) => e.textContent)).catch(() => null);
  expect(await alerts()).toEqual(['']);

  // From here on the popup's actions find no background (as when Perch's worker is gone).
  await popup.evaluate(() => {
    const send = browser.runtime.sendMessage.bind(browser.runtime);
    browser.runtime.sendMessage = ((m: { type?: string }) =>
      m.type === 'action.do'
        ? Promise.reject(new Error('Could not establish connection.'))
        : send(m)) as typeof browser.runtime.sendMessage;
  });
  await button(popup, 'Bookmark').click();
  await expect.poll(alerts).toEqual(['Perch’s background could not be reached. Try again.']);
});
