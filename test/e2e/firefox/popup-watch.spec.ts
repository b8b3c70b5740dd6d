import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA, type EmulatorControl } from '../support/emulator-control';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

const GRACE = { username: 'gracehop' };
const POST = SEED_POSTS.gracePhoto;
/** What X answered to each bookmark Perch sent, in order. */
const bookmarkPosts = async (emu: EmulatorControl) =>
  (await emu.log()).filter((e) => e.method === 'POST' && e.path === `/2/users/${ADA.id}/bookmarks`).map((e) => e.status);
const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

test.describe('the popup watches the outbox (Firefox)', () => {
  test('after X’s 429, says until when it waits, then settles when X takes it — no polling', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/${GRACE.username}/status/${POST}`);
    await expect.poll(() => hasButton(popup, 'Bookmark')).toBe(true);
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'rate_limit' });
    await button(popup, 'Bookmark').click();
    await expect
      .poll(() => textOf(popup, '.quick-note'))
      .toMatch(/^Bookmark: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/);
    expect(await hasButton(popup, 'Remove bookmark')).toBe(true);
    expect(await bookmarkPosts(emu)).toEqual([429]);

    // X's window resets, for X and for Perch; another page of Perch asks it to send what is due.
    await emu.advanceClock(15 * 60 + 5);
    await ff.options.evaluate((ms) => browser.storage.local.set({ 'test.clockOffsetMs': ms }), (15 * 60 + 5) * 1000);
    await ff.options.evaluate((accountId) => browser.runtime.sendMessage({ type: 'actions.retry', accountId }), ADA.id);

    await expect.poll(() => bookmarkPosts(emu)).toEqual([429, 200]);
    // The status regions stay (so a screen reader hears each change); settled, none of them says anything.
    await expect.poll(() => popup.$$eval('.quick-note', (all) => all.filter((n) => n.textContent?.trim()).length)).toBe(0);
    expect(await hasButton(popup, 'Remove bookmark')).toBe(true);
  });
});
