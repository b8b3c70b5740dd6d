import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { SPLIT_600 } from '../support/posts';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expect, signIn, test } from './fixtures';

/**
 * The composer's lines and the word that your post is deleted are read out, in Firefox: each live region is on the
 * page, empty, before the action, and the words come into that same region (one created with its words is often not
 * read at all). The regions found before are marked, and their words read again after.
 */

const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

/** Marks the regions `selector` finds now, and returns their words. */
const markRegions = (page: Page, selector: string) =>
  page.$$eval(selector, (all) =>
    all.map((e) => {
      e.setAttribute('data-was-there', '');
      return e.textContent ?? '';
    }),
  );

/** The words of the regions marked before that are still on the page. */
const wordsOfMarked = (page: Page) => page.$$eval('[data-was-there]', (all) => all.map((e) => e.textContent ?? ''));

test('what went wrong and what was done come in the composer’s regions that were there, empty, before, in Firefox', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const popup = await ff.open('popup');
  await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
  expect(await markRegions(popup, '.composer [role="alert"]')).toEqual(['', '', '', '']);
  expect(await markRegions(popup, '.composer [role="status"]')).not.toContain('Split into 3 posts, numbered 1/3 to 3/3.');

  await popup.$eval(
    'textarea',
    (el, value) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    SPLIT_600,
  );
  await button(popup, 'Split into a thread').click();
  await expect.poll(() => wordsOfMarked(popup)).toContain('Split into 3 posts, numbered 1/3 to 3/3.');

  await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'status', status: 403 });
  await button(popup, 'Post all').click();
  await expect.poll(() => wordsOfMarked(popup)).toContain('X does not allow this. X said: “\u2068Forbidden\u2069”');
});

test('the word that your post is deleted comes in the status that was there, empty, before Delete, in Firefox', async ({ ff }) => {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, `https://x.com/${ADA.username}/status/${SEED_POSTS.adaHello}`);
  await expect.poll(() => hasButton(popup, 'Delete post')).toBe(true);
  expect(await markRegions(popup, '.post-panel [role="status"]')).not.toContain('Deleted.');

  await button(popup, 'Delete post').click();
  const ask = await popup.waitForSelector('dialog[open]');
  await (await ask!.$('::-p-aria(Delete post[role="button"])'))!.click();
  await expect.poll(() => wordsOfMarked(popup)).toContain('Deleted.');
  expect(await hasButton(popup, 'Like')).toBe(false);
});
