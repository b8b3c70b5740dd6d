import type { Page } from 'puppeteer-core';
import { SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { recordWayInBoxes, STILL_LINKS, wayInBoxes } from '../support/way-in-boxes';
import { expect, setViewportSize, signIn, test, type FirefoxPerch } from './fixtures';

/** The popup's pages, each with what shows once its screen is whole. */
const PAGES = [
  { name: 'its own page (the new post)', url: 'https://x.com/home', whole: '.composer textarea' },
  { name: 'a page to share', url: 'https://example.com/', whole: '.composer textarea' },
  { name: 'a post', url: `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, whole: '.post-card' },
  { name: 'a profile', url: 'https://x.com/gracehop', whole: '.profile-panel .quick-actions' },
  { name: 'a List', url: `https://x.com/i/lists/${SEED_LISTS.graceNavy}`, whole: '.list-panel .quick-actions' },
];

/**
 * The popup at its own size aimed at `url`, its links recorded from the gate's click on: opened by the test, the popup
 * waits for that click (lib/popup-gate.ts) and draws nothing of the page before it, so the recorder is in before
 * anything of the screen comes (BiDi's preload scripts do not run in extension pages). X's home has nothing to act on:
 * the popup shows its own page there, the new post.
 */
async function popupRecorded(ff: FirefoxPerch, url: string): Promise<Page> {
  const page = await ff.open('popup', `?url=${encodeURIComponent(url)}&title=${encodeURIComponent('Example page')}`);
  await setViewportSize(page, 360, 600);
  const gate = await page.waitForSelector('.popup-gate button');
  await page.evaluate(recordWayInBoxes);
  await gate!.click();
  return page;
}

test.describe('the way-in links stay where they first appear, in Firefox', () => {
  for (const { name, url, whole } of PAGES) {
    test(`on ${name}, no link moves while the screen above it comes in`, async ({ ff }) => {
      await signIn(ff, ff.options);
      const popup = await popupRecorded(ff, url);
      await popup.waitForSelector(whole);
      await popup.waitForSelector('::-p-aria(Drafts[role="link"])');
      await expect.poll(() => popup.$$eval('main [aria-busy="true"]', (els) => els.length)).toBe(0);
      const boxes = await popup.evaluate(wayInBoxes);
      for (const label of STILL_LINKS) expect(boxes[label], `${label}: ${JSON.stringify(boxes)}`).toHaveLength(1);
    });
  }
});
