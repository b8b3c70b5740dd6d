import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { boxesOf, measurePopup } from '../support/popup-layout';
import { hasButton } from '../support/firefox-popup';
import { expect, setViewportSize, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const POST = SEED_POSTS.gracePhoto;
const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

/** The popup aimed at a page, at a given width, clicked through its "opened by another page" gate. */
async function popupAt(ff: FirefoxPerch, url: string, width: number): Promise<Page> {
  const popup = await ff.open('popup', `?url=${encodeURIComponent(url)}&title=`);
  await setViewportSize(popup, width, 700);
  await (await popup.waitForSelector('.popup-gate button'))!.click();
  return popup;
}

// Issue 12, item 11: the action rows do not move when a status note appears or a label changes, no label wraps,
// and nothing in the popup is smaller than 14 px (13 px on a button).
test.describe('the popup’s action rows in Firefox', () => {
  for (const width of [360, 400]) {
    test(`on a post at ${width} px: Like waiting for X moves no button, wraps no label, text ≥ 14 px`, async ({ ff, emu }) => {
      await signIn(ff, ff.options);
      const popup = await popupAt(ff, `https://x.com/${GRACE.username}/status/${POST}`, width);
      await expect.poll(() => hasButton(popup, `Mute @${GRACE.username}`)).toBe(true);
      const before = await popup.evaluate(measurePopup);
      expect(before.controls.length).toBeGreaterThanOrEqual(8);
      expect(before.wrapped).toEqual([]);
      expect(before.small).toEqual([]);

      await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'rate_limit' });
      await button(popup, 'Like').click();
      await expect
        .poll(() => textOf(popup, '.quick-note:not(:empty)'))
        .toMatch(/^Like: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/);
      await expect.poll(() => hasButton(popup, 'Unlike')).toBe(true);
      const after = await popup.evaluate(measurePopup);
      expect(boxesOf(after)).toEqual(boxesOf(before));
      expect(after.wrapped).toEqual([]);
      expect(after.small).toEqual([]);
    });

    test(`on a profile at ${width} px: Mute waiting for X moves no button, wraps no label, text ≥ 14 px`, async ({ ff, emu }) => {
      await signIn(ff, ff.options);
      const popup = await popupAt(ff, `https://x.com/${GRACE.username}`, width);
      await expect.poll(() => hasButton(popup, 'Mute')).toBe(true);
      const before = await popup.evaluate(measurePopup);
      expect(before.controls.length).toBeGreaterThanOrEqual(4);
      expect(before.wrapped).toEqual([]);
      expect(before.small).toEqual([]);

      await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'rate_limit' });
      await button(popup, 'Mute').click();
      await expect.poll(() => textOf(popup, '.quick-note:not(:empty)')).toMatch(/^Mute: Queued until/);
      await expect.poll(() => hasButton(popup, 'Unmute')).toBe(true);
      const after = await popup.evaluate(measurePopup);
      expect(boxesOf(after)).toEqual(boxesOf(before));
      expect(after.wrapped).toEqual([]);
      expect(after.small).toEqual([]);
    });
  }
});
