import type { Page } from '@playwright/test';
import { SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { recordWayInBoxes, STILL_LINKS, wayInBoxes } from '../support/way-in-boxes';
import { expect, signIn, test, type Perch } from './fixtures';

/** The popup's pages, each with what shows once its screen is whole. */
const PAGES = [
  { name: 'its own page (the new post)', url: undefined, whole: '.composer textarea' },
  { name: 'a page to share', url: 'https://example.com/', whole: '.composer textarea' },
  { name: 'a post', url: `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, whole: '.post-card' },
  { name: 'a profile', url: 'https://x.com/gracehop', whole: '.profile-panel .quick-actions' },
  { name: 'a List', url: `https://x.com/i/lists/${SEED_LISTS.graceNavy}`, whole: '.list-panel .quick-actions' },
];

/** The popup at its own size, its links recorded from before its scripts run; aimed at `url` through the gate. */
async function popupRecorded(perch: Perch, url: string | undefined): Promise<Page> {
  const page = await perch.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.addInitScript(recordWayInBoxes);
  const search = url === undefined ? '' : `?url=${encodeURIComponent(url)}&title=${encodeURIComponent('Example page')}`;
  await page.goto(`chrome-extension://${perch.id}/popup.html${search}`);
  if (url !== undefined) {
    // Opened by the test, the popup waits for a click first (lib/popup-gate.ts).
    await page.getByRole('main').getByRole('region').getByRole('button').click();
  }
  return page;
}

test.describe('the way-in links stay where they first appear, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  for (const { name, url, whole } of PAGES) {
    test(`on ${name}, no link moves while the screen above it comes in`, async ({ perch }) => {
      const popup = await popupRecorded(perch, url);
      await popup.locator(whole).waitFor();
      const nav = popup.getByRole('navigation', { name: 'Perch' });
      await expect(nav.getByRole('link', { name: /^Drafts/ })).toBeVisible();
      await expect(popup.locator('main [aria-busy="true"]')).toHaveCount(0);
      const boxes = await popup.evaluate(wayInBoxes);
      for (const label of STILL_LINKS) expect(boxes[label], `${label}: ${JSON.stringify(boxes)}`).toHaveLength(1);
    });
  }
});
