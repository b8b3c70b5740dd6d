import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const POST = SEED_POSTS.gracePhoto;
const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);
const popupOn = (ff: FirefoxPerch, url: string, title = '') =>
  ff.open('popup', `?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`);

test.describe('the popup in Firefox', () => {
  test('on a post: bookmark and like, each undone, checked on X', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${GRACE.username}/status/${POST}`);
    await expect.poll(() => textOf(popup, '.post-card')).toContain(`@${GRACE.username}`);
    await button(popup, 'Bookmark').click();
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(POST)).toBe(true);
    await button(popup, 'Remove bookmark').click();
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(POST)).toBe(false);
    await button(popup, 'Like').click();
    await expect.poll(async () => (await emu.relations()).likes.includes(POST)).toBe(true);
    await button(popup, 'Unlike').click();
    await expect.poll(async () => (await emu.relations()).likes.includes(POST)).toBe(false);
  });

  test('on a profile: unfollow and follow again', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${GRACE.username}`);
    await button(popup, 'Unfollow').click();
    await expect.poll(async () => (await emu.relations()).following.includes(GRACE.id)).toBe(false);
    await button(popup, 'Follow').click();
    await expect.poll(async () => (await emu.relations()).following.includes(GRACE.id)).toBe(true);
  });

  test('anywhere else: shares the page', async ({ ff }) => {
    await signIn(ff, ff.options);
    const url = 'https://example.com/articles/a-very-long-path-that-would-count-far-more-than-twenty-three-characters';
    const popup = await popupOn(ff, url, 'An article');
    await expect.poll(() => popup.$eval('textarea', (t) => t.value).catch(() => '')).toBe(`An article ${url}`);
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('246 characters left');
  });
});
