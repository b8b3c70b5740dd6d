import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

/** Every button tells the truth (issue 12): a post that failed to load, and one's own post, in Firefox. */

const linkHref = (page: Page, name: string) =>
  page
    .$(`::-p-aria(${name}[role="link"])`)
    .then((a) => a?.evaluate((e) => e.getAttribute('href')) ?? null)
    .catch(() => null);
/** The visible names of the popup's buttons. */
const buttons = (page: Page) => page.$$eval('button', (all) => all.map((b) => b.textContent?.trim() ?? '')).catch(() => [] as string[]);

test.describe('the popup tells the truth in Firefox', () => {
  test('a post that failed to load offers only Open on x.com and Try again', async ({ ff }) => {
    await signIn(ff, ff.options);
    const missing = '1999999999999999999';
    const popup = await popupOn(ff, `https://x.com/gracehop/status/${missing}`);
    await expect.poll(() => textOf(popup, '[role="alert"]')).toContain('X could not find this post');
    await expect.poll(() => linkHref(popup, 'Open on x.com')).toBe(`https://x.com/i/status/${missing}`);
    expect(await buttons(popup)).toContain('Try again');
    for (const name of ['Bookmark', 'Repost', 'Like', 'Reply', 'Quote']) expect(await buttons(popup)).not.toContain(name);
  });

  test('my own post offers Delete post, and no Mute or Block of myself', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${ADA.username}/status/${SEED_POSTS.adaHello}`);
    await expect.poll(() => textOf(popup, '.post-card')).toContain('Hello from Perch!');
    await expect.poll(() => buttons(popup)).toContain('Delete post');
    const names = await buttons(popup);
    expect(names.filter((b) => /^(Mute|Block|Unmute|Unblock) @/.test(b))).toEqual([]);
    expect(await linkHref(popup, `Block @${ADA.username} on x.com`)).toBeNull();
  });
});
