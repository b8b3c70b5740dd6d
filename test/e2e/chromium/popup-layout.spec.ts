import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { boxesOf, measurePopup } from '../support/popup-layout';
import { expect, signIn, test, type Perch } from './fixtures';

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const POST = SEED_POSTS.gracePhoto;

/** The popup aimed at a page, at a given width, clicked through its "opened by another page" gate. */
async function popupAt(perch: Perch, url: string, width: number): Promise<Page> {
  const page = await perch.context.newPage();
  await page.setViewportSize({ width, height: 700 });
  await page.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(url)}&title=`);
  await page.getByRole('region', { name: 'Opened by another page' }).getByRole('button').click();
  return page;
}

// Issue 12, item 11: the action rows do not move when a status note appears or a label changes, no label wraps,
// and nothing in the popup is smaller than 14 px (13 px on a button).
test.describe('the popup’s action rows in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  for (const width of [360, 400]) {
    test(`on a post at ${width} px: Like waiting for X moves no button, wraps no label, text ≥ 14 px`, async ({ perch, emu }) => {
      const popup = await popupAt(perch, `https://x.com/${GRACE.username}/status/${POST}`, width);
      await expect(popup.getByRole('button', { name: `Mute @${GRACE.username}` })).toBeVisible();
      const before = await popup.evaluate(measurePopup);
      expect(before.controls.length).toBeGreaterThanOrEqual(8);
      expect(before.wrapped).toEqual([]);
      expect(before.small).toEqual([]);

      await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'rate_limit' });
      await popup.getByRole('button', { name: 'Like', exact: true }).click();
      await expect(
        popup.getByRole('status').filter({ hasText: /^Like: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/ }),
      ).toBeVisible();
      await expect(popup.getByRole('button', { name: 'Unlike', exact: true })).toBeVisible();
      const after = await popup.evaluate(measurePopup);
      expect(boxesOf(after)).toEqual(boxesOf(before));
      expect(after.wrapped).toEqual([]);
      expect(after.small).toEqual([]);
      // The note is under the rows, not between or inside the buttons.
      const note = await popup
        .getByRole('status')
        .filter({ hasText: /^Like: Queued until/ })
        .boundingBox();
      const lowest = Math.max(...after.controls.map((c) => Number(c.box.split(',')[1]) + Number(c.box.split(',')[3])));
      expect(note!.y).toBeGreaterThanOrEqual(lowest);
    });

    test(`on a profile at ${width} px: Mute waiting for X moves no button, wraps no label, text ≥ 14 px`, async ({ perch, emu }) => {
      const popup = await popupAt(perch, `https://x.com/${GRACE.username}`, width);
      await expect(popup.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
      const before = await popup.evaluate(measurePopup);
      expect(before.controls.length).toBeGreaterThanOrEqual(4);
      expect(before.wrapped).toEqual([]);
      expect(before.small).toEqual([]);

      await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'rate_limit' });
      await popup.getByRole('button', { name: 'Mute', exact: true }).click();
      await expect(popup.getByRole('status').filter({ hasText: /^Mute: Queued until/ })).toBeVisible();
      await expect(popup.getByRole('button', { name: 'Unmute', exact: true })).toBeVisible();
      const after = await popup.evaluate(measurePopup);
      expect(boxesOf(after)).toEqual(boxesOf(before));
      expect(after.wrapped).toEqual([]);
      expect(after.small).toEqual([]);
    });
  }
});
