import type { Page } from '@playwright/test';
import {
  OVERSIZE_CJK_LIST_NAME,
  OVERSIZE_CJK_NAME,
  OVERSIZE_CJK_USERNAME,
  OVERSIZE_LATIN_NAME,
  OVERSIZE_LATIN_USERNAME,
  OVERSIZE_LIST_NAME,
  type OversizeSeed,
} from '../../emulator/oversize';
import { expectLaidOut, expectNameShown } from '../support/layout-expect';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/**
 * Names and texts as long as X allows or longer, words with no spaces, CJK and emoji (test/emulator/oversize.ts), in
 * the popup and in the side panel at its narrow widths: the page never scrolls sideways, every control is whole inside
 * the window and not covered, and text either wraps or, where a line must stay one line, is cut with an ellipsis and
 * its whole text kept in a title or the accessible name.
 */

const POPUP = { width: 360, height: 1400 };

async function popupAt(perch: Perch, url: string, shot: string, shows: string): Promise<Page> {
  const popup = await popupOn(perch, url, { viewport: POPUP });
  await expect(popup.getByText(shows).first()).toBeVisible({ timeout: 15_000 });
  await expectLaidOut(popup, shot);
  return popup;
}

/** The side panel with Perch's copies of Ada's bookmarks and Lists read from X (the popup names only Lists it holds). */
async function syncedPanel(perch: Perch, width: number): Promise<Page> {
  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width, height: 2400 });
  await expect(panel.getByRole('list', { name: 'Bookmarks' }).getByText(OVERSIZE_LATIN_NAME).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(panel.getByText(/^Last synced /)).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('tab', { name: 'Lists' }).click();
  await expect(panel.getByRole('button', { name: OVERSIZE_LIST_NAME, exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByRole('button', { name: OVERSIZE_CJK_LIST_NAME, exact: true })).toBeVisible();
  return panel;
}

test.describe('oversize names and texts, in Chromium', () => {
  let seed: OversizeSeed;
  test.beforeEach(async ({ perch, emu }) => {
    seed = await emu.oversize();
    await signIn(perch, await perch.open('options'));
  });

  test('the popup on a post, a profile and a List keeps every control whole and every text inside', async ({ perch }) => {
    await syncedPanel(perch, 320);
    const at = `https://x.com/${OVERSIZE_LATIN_USERNAME}`;
    await popupAt(perch, `${at}/status/${seed.posts.word}`, 'popup-post-word', OVERSIZE_LATIN_NAME);
    await popupAt(perch, `${at}/status/${seed.posts.url}`, 'popup-post-url', OVERSIZE_LATIN_NAME);
    await popupAt(perch, `https://x.com/${OVERSIZE_CJK_USERNAME}/status/${seed.posts.cjk}`, 'popup-post-cjk', OVERSIZE_CJK_NAME);
    await popupAt(perch, at, 'popup-profile', OVERSIZE_LATIN_NAME);
    await popupAt(perch, `https://x.com/${OVERSIZE_CJK_USERNAME}`, 'popup-profile-cjk', OVERSIZE_CJK_NAME);
    await popupAt(perch, `https://x.com/i/lists/${seed.lists.latin}`, 'popup-list', OVERSIZE_LIST_NAME);
    await popupAt(perch, `https://x.com/i/lists/${seed.lists.cjk}`, 'popup-list-cjk', OVERSIZE_CJK_LIST_NAME);
  });

  for (const width of [180, 320]) {
    test(`the side panel at ${width} px: Bookmarks, Lists, a List, Muted, Blocked and Activity rows`, async ({ perch }) => {
      const panel = await syncedPanel(perch, width);
      // Two things Perch did, for the Activity tab: follow the long-named account, pin the long-named List.
      const profile = await popupOn(perch, `https://x.com/${OVERSIZE_LATIN_USERNAME}`, { viewport: POPUP });
      await profile.getByRole('button', { name: 'Follow', exact: true }).click();
      await expect(profile.getByRole('button', { name: /^(Unfollow|Following)/ })).toBeVisible();
      const list = await popupOn(perch, `https://x.com/i/lists/${seed.lists.latin}`, { viewport: POPUP });
      await list.getByRole('button', { name: 'Pin list', exact: true }).click();
      await expect(list.getByText('X pinned this list.')).toBeVisible();
      await panel.bringToFront();

      await panel.getByRole('tab', { name: 'Bookmarks' }).click();
      await expectLaidOut(panel, `panel-${width}-bookmarks`);

      await panel.getByRole('tab', { name: 'Lists' }).click();
      await expect(panel.getByRole('button', { name: `Unpin ${OVERSIZE_LIST_NAME}` })).toBeVisible({ timeout: 15_000 });
      await expectLaidOut(panel, `panel-${width}-lists`);
      await panel.getByRole('button', { name: OVERSIZE_LIST_NAME, exact: true }).click();
      await panel.getByRole('button', { name: `Load members of ${OVERSIZE_LIST_NAME} from X` }).click();
      await expect(panel.getByRole('region', { name: 'Members' }).getByText(OVERSIZE_LATIN_NAME).first()).toBeVisible({
        timeout: 15_000,
      });
      await expectLaidOut(panel, `panel-${width}-list`);
      await expectNameShown(panel, `Members of ${OVERSIZE_LIST_NAME}`, OVERSIZE_LATIN_NAME, `panel-${width}-list`);

      await panel.getByRole('tab', { name: 'Muted' }).click();
      await expect(panel.getByText(OVERSIZE_LATIN_NAME).first()).toBeVisible({ timeout: 15_000 });
      await expectLaidOut(panel, `panel-${width}-muted`);
      await expectNameShown(panel, 'Muted accounts, most recent first', OVERSIZE_LATIN_NAME, `panel-${width}-muted`);

      await panel.getByRole('tab', { name: 'Blocked' }).click();
      await expect(panel.getByText(OVERSIZE_CJK_NAME).first()).toBeVisible({ timeout: 15_000 });
      await expectLaidOut(panel, `panel-${width}-blocked`);
      // Full-width characters are twice as wide as Latin ones: the Japanese name still shows eight of them.
      await expectNameShown(panel, 'Blocked accounts, most recent first', OVERSIZE_CJK_NAME, `panel-${width}-blocked`);

      await panel.getByRole('tab', { name: 'Activity' }).click();
      const done = panel.getByRole('list', { name: 'What Perch did on X' });
      await expect(done.getByText(OVERSIZE_LIST_NAME).first()).toBeVisible({ timeout: 15_000 });
      await expect(done.getByText(OVERSIZE_LATIN_USERNAME).first()).toBeVisible();
      await expectLaidOut(panel, `panel-${width}-activity`);
    });
  }
});
