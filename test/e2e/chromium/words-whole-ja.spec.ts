import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { expectWordsWhole } from '../support/words-whole';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * The Firefox spec's walk (test/e2e/firefox/words-whole-ja.spec.ts) in Chromium, which breaks Perch's Japanese
 * between phrases itself (`word-break: auto-phrase`; components/base.css keeps Firefox's keep-all and <Phrases> out
 * of its way): at the popup's width and in the side panel at its narrowest, no katakana word of Perch's own is cut
 * over two lines and no text runs out of its box (test/e2e/support/words-whole.ts).
 */
test.use({ lang: 'ja' });

/** Waits for the side panel's `tab` to be the one shown, with something in it. */
async function showTab(panel: Page, tab: string): Promise<void> {
  await panel.getByRole('tab', { name: tab, exact: true }).click();
  await expect(panel.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.locator('[role="tabpanel"]:not([hidden])')).not.toBeEmpty();
}

test.describe('Perch’s own Japanese words read whole in Chromium', () => {
  test('the settings, signed out and signed in, with X’s price tables, at 320 and 360 px', async ({ perch }) => {
    const options = await perch.open('options');
    await expect(options.getByRole('heading', { name: 'Perchの設定' })).toBeVisible();
    let words = 0;
    for (const width of [320, 360]) {
      await options.setViewportSize({ width, height: 900 });
      words += await expectWordsWhole(options, `cr-settings-out-${width}`);
    }
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    await expect(options.locator('table.costs-table').first()).toBeVisible();
    for (const width of [320, 360]) {
      await options.setViewportSize({ width, height: 900 });
      words += await expectWordsWhole(options, `cr-settings-in-${width}`);
    }
    expect(words).toBeGreaterThan(20);
  });

  test('the popup on a post and on a profile, 360 px wide', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    let words = 0;
    for (const [name, url, mute] of [
      ['post', `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, '@gracehopさんをミュート'],
      ['profile', 'https://x.com/gracehop', 'ミュート'],
    ] as const) {
      // The popup's own width; tall enough that no scroll bar takes from it.
      const popup = await popupOn(perch, url, { viewport: { width: 360, height: 1600 } });
      await expect(popup.getByRole('button', { name: mute, exact: true })).toBeVisible();
      words += await expectWordsWhole(popup, `cr-popup-${name}`);
      await popup.close();
    }
    expect(words).toBeGreaterThan(5);
  });

  test('every tab of the side panel at 320 px', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    const panel = await perch.open('sidepanel');
    await panel.setViewportSize({ width: 320, height: 900 });
    let words = 0;
    for (const tab of ['ブックマーク', 'リスト', 'ミュート', 'ブロック', '履歴', '下書き']) {
      await showTab(panel, tab);
      words += await expectWordsWhole(panel, `cr-sidebar-${tab}`);
    }
    expect(words).toBeGreaterThan(10);
  });
});
