import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { popupOn } from '../support/firefox-popup';
import { expectWordsWhole } from '../support/words-whole';
import { expect, setViewportSize, signIn, test, textOf } from './fixtures';

/**
 * Perch in Japanese in Firefox ESR, which has no phrase breaking (`word-break: auto-phrase`): at the popup's width
 * and in the sidebar at its usual narrowest, no katakana word of Perch's own is cut over two lines (「ブロッ」 / 「ク」,
 * 「アカウン」 / 「ト」), and no text runs out of its box (test/e2e/support/words-whole.ts).
 */
test.use({ lang: 'ja' });

const PANEL = '[role="tabpanel"]:not([hidden])';
const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

test.describe('Perch’s own Japanese words read whole in Firefox', () => {
  test('the settings, signed out and signed in, with X’s price tables, at 320 and 360 px', async ({ ff }) => {
    const options = ff.options;
    await aria(options, 'Perchの設定', 'heading').wait();
    let words = 0;
    for (const width of [320, 360]) {
      await setViewportSize(options, width, 900);
      words += await expectWordsWhole(options, `ff-settings-out-${width}`);
    }
    await signIn(ff, options, 'Authorize app', 'Xでログイン');
    await expect.poll(() => textOf(options, 'table.costs-table')).not.toBe('');
    for (const width of [320, 360]) {
      await setViewportSize(options, width, 900);
      words += await expectWordsWhole(options, `ff-settings-in-${width}`);
    }
    expect(words).toBeGreaterThan(20);
  });

  test('the popup on a post and on a profile, 360 px wide', async ({ ff }) => {
    await signIn(ff, ff.options, 'Authorize app', 'Xでログイン');
    let words = 0;
    for (const [name, url, mute] of [
      ['post', `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, '@gracehopさんをミュート'],
      ['profile', 'https://x.com/gracehop', 'ミュート'],
    ] as const) {
      const popup = await popupOn(ff, url);
      await aria(popup, mute, 'button').wait();
      // The popup's own width; tall enough that no scroll bar takes from it.
      await setViewportSize(popup, 360, 1600);
      words += await expectWordsWhole(popup, `ff-popup-${name}`);
      await popup.close();
    }
    expect(words).toBeGreaterThan(5);
  });

  test('every tab of the sidebar at 320 px', async ({ ff }) => {
    await signIn(ff, ff.options, 'Authorize app', 'Xでログイン');
    const panel = await ff.open('sidepanel');
    await setViewportSize(panel, 320, 900);
    let words = 0;
    for (const tab of ['ブックマーク', 'リスト', 'ミュート', 'ブロック', '履歴', '下書き']) {
      await aria(panel, tab, 'tab').click();
      await expect.poll(() => panel.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
      await expect.poll(() => textOf(panel, PANEL)).not.toBe('');
      words += await expectWordsWhole(panel, `ff-sidebar-${tab}`);
    }
    expect(words).toBeGreaterThan(10);
  });
});
