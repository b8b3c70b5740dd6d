import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { popupOn } from '../support/firefox-popup';
import { expect, menuClick, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * A queued action that fails (issue 15), in Firefox: the toolbar badge counts it whatever Perch page is open, the
 * popup's first line says what failed with Retry, Undo or Dismiss — and once shown there, it leaves the badge. Actions
 * are queued from a context-menu click on x.com (delivered to the listener through the test build's `perchTest` hook);
 * the options page the harness drives is not a screen that shows the outbox.
 */

const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;
const XDEV = { id: '2244994945', username: 'XDevelopers' };

const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);
const badgeText = (ff: FirefoxPerch) => ff.options.evaluate(() => browser.action.getBadgeText({}));
const badgeTitle = (ff: FirefoxPerch) => ff.options.evaluate(() => browser.action.getTitle({}));
const lineText = (popup: Page) => textOf(popup, 'section.failed-line > p').catch(() => '');
const hasLine = (popup: Page) => popup.$('section.failed-line').then((e) => e !== null);

test.describe('word when a queued action fails (Firefox)', () => {
  test('X refuses a bookmark: badge and first line, which clears the badge; Retry sends it', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    expect(await badgeText(ff)).toBe('');
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    await menuClick(ff, 'perch-bookmark-post', POST_LINK);

    await expect.poll(() => badgeText(ff)).toBe('1');
    expect(await badgeTitle(ff)).toMatch(/^Perch: Bookmark a post by @gracehop: not done\. X does not allow this\./);

    const page = await popupOn(ff, 'https://x.com/home');
    await expect.poll(() => lineText(page)).toMatch(/^Bookmark a post by @gracehop: not done\. X does not allow this\./);
    // Said to the person in the popup: the badge has nothing left to tell.
    await expect.poll(() => badgeText(ff)).toBe('');
    await button(page, 'Retry: Bookmark a post by @gracehop').click();
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
    await expect.poll(() => hasLine(page)).toBe(false);
    expect(await badgeText(ff)).toBe('');
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

    const page = await popupOn(ff, 'https://x.com/home');
    await expect.poll(() => lineText(page)).toBe('2 actions failed');
    // Shown in the popup: off the badge, still on the line until the person acts.
    await expect.poll(() => badgeText(ff)).toBe('');
    await button(page, 'Show them').click();
    await button(page, 'Undo: Bookmark a post by @gracehop').click();
    await expect.poll(() => lineText(page)).toMatch(new RegExp(`^Mute @${XDEV.username}: not done\\.`));
    await button(page, `Dismiss: Mute @${XDEV.username}`).click();
    await expect.poll(() => hasLine(page)).toBe(false);
    expect(await badgeText(ff)).toBe('');
    expect((await emu.relations()).bookmarks).not.toContain(POST);
    expect((await emu.relations()).muting).not.toContain(XDEV.id);
  });

  test('a manager tab open in another tab does not hide a failure: the badge counts it until Activity shows its row', async ({
    ff,
    emu,
  }) => {
    await signIn(ff, ff.options);
    const manager = await ff.open('manager');
    await manager.waitForSelector('[role="tab"]');
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    await menuClick(ff, 'perch-bookmark-post', POST_LINK);

    // The person is on x.com: the open manager tab is not them seeing it.
    await expect.poll(() => badgeText(ff)).toBe('1');
    await manager.bringToFront();
    await manager.locator('::-p-aria(Activity[role="tab"])').click();
    await expect.poll(() => textOf(manager, '.activity-list > li')).toContain('Failed');
    await expect.poll(() => badgeText(ff)).toBe('');
  });

  test('a failure the person saw happen on the button they clicked in the popup does not badge later', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    const page = await popupOn(ff, POST_LINK);
    await button(page, 'Bookmark').click();
    await expect
      .poll(() => page.$$eval('[role="alert"]', (els) => els.map((e) => e.textContent).join(' ')))
      .toMatch(/X does not allow this/);
    // Said where they clicked: no second word in the popup's first line, none on the badge, after closing either.
    expect(await hasLine(page)).toBe(false);
    await page.close();
    const again = await popupOn(ff, 'https://x.com/home');
    await again.waitForSelector('.popup-way-in-link');
    expect(await hasLine(again)).toBe(false);
    expect(await badgeText(ff)).toBe('');
  });
});
