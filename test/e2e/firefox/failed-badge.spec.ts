import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA, TEST_EMULATOR_PORT } from '../support/emulator-control';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * A queued action that fails while no Perch screen is open (issue 15), in Firefox: the toolbar badge counts it, the
 * popup's first line says what failed with Retry, Undo or Dismiss, and acting clears the badge. Actions are queued
 * from a context-menu click on x.com (delivered to the listener through the test build's `perchTest` hook); the
 * options page the harness drives is not a screen that shows the outbox.
 */

const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;
const XDEV = { id: '2244994945', username: 'XDevelopers' };

const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);
const badgeText = (ff: FirefoxPerch) => ff.options.evaluate(() => browser.action.getBadgeText({}));
const badgeTitle = (ff: FirefoxPerch) => ff.options.evaluate(() => browser.action.getTitle({}));
const lineText = (popup: Page) => textOf(popup, 'section.failed-line > p').catch(() => '');
const hasLine = (popup: Page) => popup.$('section.failed-line').then((e) => e !== null);

/** A right-click entry chosen on a link on x.com, delivered to Perch's background for a plain web tab. */
async function menuClick(ff: FirefoxPerch, menuItemId: string, linkUrl: string): Promise<void> {
  const page = await ff.browser.newPage();
  await page.goto(`http://127.0.0.1:${TEST_EMULATOR_PORT}/#x-home`).catch(() => undefined);
  await ff.options.evaluate(
    async (id, link) => {
      const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.includes('x-home'));
      const hooks = ((await browser.runtime.getBackgroundPage()) as unknown as typeof globalThis).perchTest;
      if (!hooks) throw new Error('not a test build');
      await hooks.menuClick({ menuItemId: id, linkUrl: link, pageUrl: 'https://x.com/home' }, tab);
    },
    menuItemId,
    linkUrl,
  );
  await page.close();
}

async function popup(ff: FirefoxPerch): Promise<Page> {
  const page = await ff.open('popup', `?url=${encodeURIComponent('https://x.com/home')}`);
  await (await page.waitForSelector('.popup-gate button'))!.click();
  return page;
}

test.describe('word when a queued action fails with no screen open (Firefox)', () => {
  test('X refuses a bookmark: badge and first line; Retry sends it and the badge clears', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    expect(await badgeText(ff)).toBe('');
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    await menuClick(ff, 'perch-bookmark-post', POST_LINK);

    await expect.poll(() => badgeText(ff)).toBe('1');
    expect(await badgeTitle(ff)).toMatch(/^Perch: Bookmark a post by @gracehop: not done\. X does not allow this\./);

    const page = await popup(ff);
    await expect.poll(() => lineText(page)).toMatch(/^Bookmark a post by @gracehop: not done\. X does not allow this\./);
    await button(page, 'Retry: Bookmark a post by @gracehop').click();
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
    await expect.poll(() => hasLine(page)).toBe(false);
    await expect.poll(() => badgeText(ff)).toBe('');
  });

  test('out of credits and a refusal: “2 actions failed”; Undo and Dismiss clear the badge', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'usage_capped' });
    await menuClick(ff, 'perch-bookmark-post', POST_LINK);
    await expect.poll(() => badgeText(ff)).toBe('1');
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'status', status: 403 });
    await menuClick(ff, 'perch-mute-account', `https://x.com/${XDEV.username}`);
    await expect.poll(() => badgeText(ff)).toBe('2');
    expect(await badgeTitle(ff)).toBe('Perch: 2 actions failed');

    const page = await popup(ff);
    await expect.poll(() => lineText(page)).toBe('2 actions failed');
    await button(page, 'Show them').click();
    await button(page, 'Undo: Bookmark a post by @gracehop').click();
    await expect.poll(() => lineText(page)).toMatch(new RegExp(`^Mute @${XDEV.username}: not done\\.`));
    await expect.poll(() => badgeText(ff)).toBe('1');
    await button(page, `Dismiss: Mute @${XDEV.username}`).click();
    await expect.poll(() => hasLine(page)).toBe(false);
    await expect.poll(() => badgeText(ff)).toBe('');
    expect((await emu.relations()).bookmarks).not.toContain(POST);
    expect((await emu.relations()).muting).not.toContain(XDEV.id);
  });
});
