import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { popupOn } from '../support/firefox-popup';
import { hideComposer } from '../support/hidden-chunk';
import { FIREFOX_BUILD } from '../support/paths';
import { expect, signIn, test, textOf } from './fixtures';

/**
 * Firefox's side of chromium/popup-chunk-unloaded.spec.ts. The popup loads its composer from a file of its own when New
 * post is pressed (entrypoints/popup/lazy.tsx). Here that file is gone when it is asked for (as when Perch is updated
 * under an open popup, or the disk fails), then back: the popup says the screen could not load, keeps its way-in
 * links, and Try again, pressed by keyboard, brings the composer with the focus in its box: Firefox keeps the
 * first failure for the page's life, so the popup reloads itself on the same post and reopens the composer there.
 */

const POST = `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`;

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const alerts = (page: Page) => page.$$eval('[role="alert"]', (all) => all.map((a) => a.textContent ?? ''));
/** The way-in links' names, in the popup's navigation. */
const wayIn = (page: Page) => page.$$eval('nav[aria-label="Perch"] a', (all) => all.map((a) => a.textContent?.trim() ?? ''));

test('a composer whose file fails to load says so, keeps the way-in links, and loads on Try again', async ({ ff }) => {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, POST);
  await popup.bringToFront();
  await expect.poll(() => textOf(popup, '.post-card')).toContain('@gracehop');
  const restore = hideComposer(FIREFOX_BUILD);
  try {
    await aria(popup, 'New post', 'button').click();
    await expect.poll(() => alerts(popup)).toEqual(['Perch could not load this screen. Try again']);
    expect(await popup.$('nav[aria-label="Perch"] ::-p-aria(New post[role="button"])')).not.toBeNull();
    await expect.poll(() => wayIn(popup)).toEqual(expect.arrayContaining(['Bookmarks', 'Lists', 'Drafts']));

    restore();
    const again = await aria(popup, 'Try again', 'button').waitHandle();
    await again.focus();
    await popup.keyboard.press('Enter');
    // Firefox loads it only in a new page (a failed file's failure is kept for the page's life): the popup reloads,
    // at the same address, and reopens New post's composer with the focus in its box, where a keyboard user goes on
    // typing. Read by evaluate: a locator keeps to the page before.
    const composer = () =>
      popup.evaluate(() => {
        const box = document.querySelector('.composer textarea');
        return {
          shown: !!box,
          post: !!document.querySelector('.post-card'),
          focused: !!box && document.activeElement === box,
        };
      });
    await expect.poll(composer).toEqual({ shown: true, post: false, focused: true });
    expect(await popup.evaluate(() => location.search)).toBe(`?url=${encodeURIComponent(POST)}&title=`);
    expect(await popup.evaluate(() => document.body.textContent?.includes('Perch could not load this screen.'))).toBe(false);
    expect(await wayIn(popup)).toContain('Drafts');
  } finally {
    restore();
  }
});
