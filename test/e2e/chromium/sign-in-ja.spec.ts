import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { boxesOf, measurePopup } from '../support/popup-layout';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * One path through Perch in Japanese, Chromium's UI language set to ja (chrome.i18n follows it): sign in, bookmark
 * the post the popup is opened on, find it in the side panel's Bookmarks. Every control is found by the Japanese
 * label a person reads (lib/locales/ja.yml), written out here so a wrong or missing translation fails.
 */
test.use({ lang: 'ja' });

const GRACE = 'gracehop';
// A post of Grace's that Ada has not bookmarked on X (the seed bookmarks gracePhoto already).
const POST = SEED_POSTS.graceQuotesXdev;
const POST_TEXT = 'Worth a read';

/** The popup aimed at a post, clicked through its "opened by another page" gate (「別のページから開かれました」). */
async function popupOn(perch: Perch, url: string): Promise<Page> {
  const page = await perch.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(url)}`);
  const gate = page.getByRole('region', { name: '別のページから開かれました' });
  await expect(gate).toContainText('Xには何も問い合わせません');
  await gate.getByRole('button', { name: 'このポストを表示' }).click();
  return page;
}

test.describe('Perch in Japanese, in Chromium', () => {
  test('signs in with 「Xでログイン」, bookmarks a post from the popup and finds it under ブックマーク', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await expect(options.getByRole('heading', { name: 'Perchの設定' })).toBeVisible();
    // The page says it is in Japanese, so a screen reader reads it with a Japanese voice.
    await expect(options.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(options.getByLabel('コールバックURL')).toHaveText(`https://${perch.id}.chromiumapp.org/`);
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    await expect(options.getByRole('button', { name: `${ADA.name} @${ADA.username}` })).toBeVisible();
    expect((await emu.relations()).bookmarks).not.toContain(POST);

    const popup = await popupOn(perch, `https://x.com/${GRACE}/status/${POST}`);
    await expect(popup.locator('html')).toHaveAttribute('lang', 'ja');
    const post = popup.getByRole('region', { name: 'このポスト' });
    await expect(post).toContainText(`@${GRACE}`);
    await expect(popup.getByRole('button', { name: 'リポスト', exact: true })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'x.comで返信' })).toBeVisible();
    await scan(popup, 'popup on a post, in Japanese');
    // At 360 px the Japanese labels fit their buttons on one line, and the rows do not move when a label changes.
    const before = await popup.evaluate(measurePopup);
    expect(before.controls.length).toBeGreaterThanOrEqual(8);
    expect(before.wrapped).toEqual([]);
    expect(before.small).toEqual([]);
    await popup.getByRole('button', { name: 'ブックマーク', exact: true }).click();
    await expect(popup.getByRole('button', { name: 'ブックマークから削除', exact: true })).toBeVisible();
    const after = await popup.evaluate(measurePopup);
    expect(boxesOf(after)).toEqual(boxesOf(before));
    expect(after.wrapped).toEqual([]);
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(POST)).toBe(true);

    const panel = await perch.open('sidepanel');
    await panel.setViewportSize({ width: 360, height: 720 });
    // All six tabs fit the 360 px side panel in Japanese.
    const tabs = panel.getByRole('tab');
    await expect(tabs).toHaveText(['ブックマーク', 'リスト', 'ミュート', 'ブロック', '履歴', '下書き']);
    for (const box of await tabs.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(360);
    }
    await panel.getByRole('tab', { name: 'ブックマーク' }).click();
    const tab = panel.getByRole('tabpanel', { name: 'ブックマーク' });
    await expect(tab).toBeVisible();
    await tab
      .getByRole('searchbox', { name: 'ブックマークを検索' })
      .or(tab.getByRole('textbox', { name: 'ブックマークを検索' }))
      .fill(POST_TEXT);
    const card = tab.getByRole('list', { name: 'ブックマーク' }).getByRole('listitem').filter({ hasText: POST_TEXT });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('link', { name: 'Xで開く' })).toHaveAttribute('href', `https://x.com/${GRACE}/status/${POST}`);
    await expect(tab).toContainText(/\d+件中\d+件のブックマーク|\d+件のブックマーク/);
    await scan(panel, 'side panel bookmarks, in Japanese');

    // The Export menu's items each read on one line at 360 px: the menu had its button's width, so
    // 「Markdownでエクスポート」 broke into 「Markdownでエクス」 / 「ポート」.
    await tab.getByRole('button', { name: 'エクスポート' }).click();
    const items = tab.getByRole('menu').getByRole('menuitem');
    await expect(items).toHaveText(['JSONでエクスポート', 'CSVでエクスポート', 'Markdownでエクスポート', 'PerchのJSONをインポート…']);
    const lines = await items.evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines).toEqual([1, 1, 1, 1]);
    const menu = await tab.getByRole('menu').boundingBox();
    expect(menu!.x).toBeGreaterThanOrEqual(0);
    expect(menu!.x + menu!.width).toBeLessThanOrEqual(360);
    await scan(panel, 'side panel Export menu, in Japanese');
  });
});
