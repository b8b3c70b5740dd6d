import type { Page } from 'puppeteer-core';
import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { scanFirefox } from '../support/axe-firefox';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

/**
 * Issue 15, alt text "shown in the popup card and the manager for posts that carry it": the picture carries X's
 * description as its `alt`, and X's "ALT" badge shows the description to everyone, as x.com does.
 */
const GRACE = 'gracehop';
const POST = SEED_POSTS.gracePhoto;
const PANEL = '[role="tabpanel"]:not([hidden])';

/** The `alt` of every picture of the post's media inside `scope` (not the author's avatar). */
const alts = (page: Page, scope: string) =>
  page.$$eval(`${scope} .bookmarks-thumb img`, (imgs) => imgs.map((i) => i.getAttribute('alt'))).catch(() => []);
/** The ALT badge's aria-expanded inside `scope`, or null when there is none. */
const expanded = (page: Page, scope: string) =>
  page.$eval(`${scope} ::-p-aria(ALT: image description[role="button"])`, (b) => b.getAttribute('aria-expanded')).catch(() => null);

test.describe('alt text shown, in Firefox', () => {
  test('the popup’s post card and the manager show the picture with its description, and ALT reveals it', async ({ ff }) => {
    await signIn(ff, ff.options);

    const popup = await popupOn(ff, `https://x.com/${GRACE}/status/${POST}`);
    await expect.poll(() => alts(popup, '.post-card')).toEqual([GRACE_PHOTO_ALT]);
    expect(await expanded(popup, '.post-card')).toBe('false');
    expect(await textOf(popup, '.post-card')).not.toContain(GRACE_PHOTO_ALT);
    await popup.locator('.post-card ::-p-aria(ALT: image description[role="button"])').click();
    await expect.poll(() => expanded(popup, '.post-card')).toBe('true');
    expect(await textOf(popup, '.post-card')).toContain(GRACE_PHOTO_ALT);
    await scanFirefox(popup, 'popup on a post with a described picture, description shown');

    const manager = await ff.open('manager');
    await manager.locator('::-p-aria(Search bookmarks[role="searchbox"])').fill('First actual case of bug');
    const card = `${PANEL} [role="listitem"]`;
    await expect.poll(() => alts(manager, card)).toEqual([GRACE_PHOTO_ALT]);
    await manager.locator(`${card} ::-p-aria(ALT: image description[role="button"])`).click();
    await expect.poll(() => textOf(manager, card)).toContain(GRACE_PHOTO_ALT);
  });
});
