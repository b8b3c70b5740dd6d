import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expect, sayEnterprisePlan, signIn, test, textOf } from './fixtures';

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };
const POST = SEED_POSTS.gracePhoto;
const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);
/** The href of the link with this accessible name, or null while there is none. */
const linkHref = (page: Page, name: string) =>
  page
    .$(`::-p-aria(${name}[role="link"])`)
    .then((a) => a?.evaluate((e) => e.getAttribute('href')) ?? null)
    .catch(() => null);

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

  test('on a post that does not mention me: Reply and Quote on x.com; with the Enterprise setting, Reply', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const url = `https://x.com/${GRACE.username}/status/${POST}`;
    let popup = await popupOn(ff, url);
    await expect.poll(() => linkHref(popup, 'Reply on x.com')).toBe(`https://x.com/intent/tweet?in_reply_to=${POST}`);
    await expect.poll(() => linkHref(popup, 'Quote on x.com')).toBe(`https://x.com/intent/tweet?url=${encodeURIComponent(url)}`);
    await expect.poll(() => linkHref(popup, `Block @${GRACE.username} on x.com`)).toBe(`https://x.com/${GRACE.username}`);
    expect(await hasButton(popup, 'Reply')).toBe(false);

    await emu.config({ enterprise: true });
    try {
      await sayEnterprisePlan(ff);
      popup = await popupOn(ff, url);
      await button(popup, 'Reply').click();
      await popup.locator('::-p-aria(Post text[role="textbox"])').fill('Replying on the Enterprise plan');
      await emu.clearLog();
      await button(popup, 'Post').click();
      await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
      expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
    } finally {
      await emu.config({ enterprise: false });
    }
  });

  test('on a protected profile: Follow shows Requested', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${KJOHNSON.username}`);
    await button(popup, 'Follow').click();
    await expect.poll(() => hasButton(popup, 'Requested')).toBe(true);
    await expect.poll(async () => (await emu.relations()).pending_follows.includes(KJOHNSON.id)).toBe(true);
    expect((await emu.relations()).following).not.toContain(KJOHNSON.id);
    expect(await hasButton(popup, 'Unfollow')).toBe(false);
    expect(await linkHref(popup, 'Cancel the request on x.com')).toBe(`https://x.com/${KJOHNSON.username}`);
  });

  test('anywhere else: shares the page', async ({ ff }) => {
    await signIn(ff, ff.options);
    const url = 'https://example.com/articles/a-very-long-path-that-would-count-far-more-than-twenty-three-characters';
    const popup = await popupOn(ff, url, 'An article');
    await expect.poll(() => popup.$eval('textarea', (t) => t.value).catch(() => '')).toBe(`An article ${url}`);
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('246 characters left');
  });
});
