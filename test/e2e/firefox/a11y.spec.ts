import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { FIREFOX_DARK_PREFS, scanFirefox } from '../support/axe-firefox';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const GRACE = 'gracehop';
const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

/** Every screen a new user meets in Firefox, scanned by axe-core (injected through puppeteer). */
async function scanEveryScreen(ff: FirefoxPerch): Promise<string[]> {
  // Each scan takes a second or two, light and dark: more than the suite's 90 s for one test.
  test.setTimeout(300_000);
  const scanned: string[] = [];
  await aria(ff.options, 'Sign in with X', 'button').wait();
  scanned.push(await scanFirefox(ff.options, 'settings, signed out'));
  await signIn(ff, ff.options);
  scanned.push(await scanFirefox(ff.options, 'settings, signed in'));

  const onPost = await popupOn(ff, `https://x.com/${GRACE}/status/${SEED_POSTS.gracePhoto}`);
  await expect.poll(() => textOf(onPost, '.post-card')).toContain(`@${GRACE}`);
  scanned.push(await scanFirefox(onPost, 'popup on a post'));
  await aria(onPost, 'Bookmark', 'button').click();
  await aria(onPost, 'Remove bookmark', 'button').wait();
  scanned.push(await scanFirefox(onPost, 'popup on a post, bookmarked'));
  await onPost.close();

  const onProfile = await popupOn(ff, `https://x.com/${GRACE}`);
  await aria(onProfile, 'Mute', 'button').wait();
  scanned.push(await scanFirefox(onProfile, 'popup on a profile'));
  await onProfile.close();

  const panel = await ff.open('sidepanel');
  await expect.poll(() => textOf(panel, '[role="tabpanel"]:not([hidden]) .bookmarks-count'), { timeout: 30_000 }).toBe('800 bookmarks');
  scanned.push(await scanFirefox(panel, 'sidebar, bookmarks'));
  for (const tab of ['Lists', 'Muted', 'Blocked', 'Activity']) {
    await aria(panel, tab, 'tab').click();
    await expect.poll(() => panel.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
    await expect.poll(() => textOf(panel, '[role="tabpanel"]:not([hidden])')).not.toBe('');
    scanned.push(await scanFirefox(panel, `sidebar, ${tab}`));
  }

  return scanned;
}

test('every screen passes an axe scan in Firefox, light', async ({ ff }) => {
  const scanned = await scanEveryScreen(ff);
  expect(scanned).toHaveLength(10);
  expect(scanned.every((s) => s.endsWith('(light)'))).toBe(true);
});

test.describe('dark', () => {
  test.use({ firefoxPrefs: FIREFOX_DARK_PREFS });
  test('every screen passes an axe scan in Firefox, dark', async ({ ff }) => {
    const scanned = await scanEveryScreen(ff);
    expect(scanned).toHaveLength(10);
    expect(scanned.every((s) => s.endsWith('(dark)'))).toBe(true);
  });
});
