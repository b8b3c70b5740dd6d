import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { STATE_PAGES } from '../support/a11y-states';
import { scanFirefox } from '../support/axe-firefox';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * One path through Perch in Japanese, in Firefox: Firefox's app locale set to ja (`intl.locale.requested` and a
 * language pack, test/e2e/support/firefox-langpack.ts; browser.i18n follows it). Sign in, bookmark the post the
 * popup is opened on, find it in the side panel's Bookmarks. Every control is found by the Japanese label a person
 * reads (lib/locales/ja.yml), written out here so a wrong or missing translation fails. Each screen on the way, and the
 * popup's three questions (block, delete a post, sign out), passes an axe scan with every control named for its words.
 */
test.use({ lang: 'ja' });

const GRACE = 'gracehop';
// A post of Grace's that Ada has not bookmarked on X (the seed bookmarks gracePhoto already).
const POST = SEED_POSTS.graceQuotesXdev;
const POST_TEXT = 'Worth a read';
const PANEL = '[role="tabpanel"]:not([hidden])';

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const openDialogs = (page: Page) => page.$$eval('dialog[open]', (d) => d.length);
/** Whether an element with this role and exactly this accessible name is on the page now. */
const has = (page: Page, name: string, role: string) =>
  page
    .$(`::-p-aria(${name}[role="${role}"])`)
    .then((e) => e !== null)
    .catch(() => false);

/** The popup aimed at a post, clicked through its "opened by another page" gate (「別のページから開かれました」). */
async function popupOn(ff: FirefoxPerch, url: string): Promise<Page> {
  const popup = await ff.open('popup', `?url=${encodeURIComponent(url)}`);
  await expect.poll(() => textOf(popup, '.popup-gate')).toContain('Xには何も問い合わせません');
  await aria(popup, 'このポストを表示', 'button').click();
  return popup;
}

test.describe('Perch in Japanese, in Firefox', () => {
  test('signs in with 「Xでログイン」, bookmarks a post from the popup and finds it under ブックマーク', async ({ ff, emu }) => {
    // Twelve scans, each a second or two: more than the suite's 90 s for one test.
    test.setTimeout(300_000);
    expect(await ff.options.evaluate(() => browser.i18n.getUILanguage())).toBe('ja');
    await aria(ff.options, 'Perchの設定', 'heading').wait();
    await signIn(ff, ff.options, 'Authorize app', 'Xでログイン');
    await aria(ff.options, `${ADA.name} @${ADA.username}`, 'button').wait();
    await scanFirefox(ff.options, 'settings, signed in, in Japanese');
    expect((await emu.relations()).bookmarks).not.toContain(POST);

    const popup = await popupOn(ff, `https://x.com/${GRACE}/status/${POST}`);
    await expect.poll(() => textOf(popup, '::-p-aria(このポスト[role="region"])')).toContain(`@${GRACE}`);
    await aria(popup, 'リポスト', 'button').wait();
    await aria(popup, 'x.comで返信', 'link').wait();
    await scanFirefox(popup, 'popup on a post, in Japanese');
    await aria(popup, 'ブックマーク', 'button').click();
    await expect.poll(() => has(popup, 'ブックマークから削除', 'button')).toBe(true);
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(POST)).toBe(true);

    const panel = await ff.open('sidepanel');
    await expect
      .poll(() => panel.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.textContent?.trim())).catch(() => []))
      .toEqual(['ブックマーク', 'リスト', 'ミュート', 'ブロック', '履歴', '下書き']);
    await aria(panel, 'ブックマーク', 'tab').click();
    await aria(panel, 'ブックマークを検索', 'searchbox').fill(POST_TEXT);
    // The one card left: the post just bookmarked, with Open on X (「Xで開く」) pointing at it.
    const cards = () =>
      panel.$$eval(`${PANEL} [role="listitem"]`, (all) => all.map((c) => c.textContent ?? '')).catch(() => [] as string[]);
    await expect.poll(async () => (await cards()).filter((t) => t.includes(POST_TEXT)).length).toBe(1);
    // Named by its post after its label (「Xで開く — @gracehopのポスト「…」」): found by the start of its name.
    const href = await panel.$eval(`${PANEL} a[aria-label^="Xで開く — "]`, (a) => a.getAttribute('href')).catch(() => null);
    expect(href).toBe(`https://x.com/${GRACE}/status/${POST}`);
    await expect.poll(() => textOf(panel, PANEL)).toMatch(/\d+件中\d+件のブックマーク|\d+件のブックマーク/);
    await scanFirefox(panel, 'side panel bookmarks, in Japanese');
    // Every other tab, in Japanese: each passes axe, and each control is named for the words it shows.
    for (const tab of ['リスト', 'ミュート', 'ブロック', '履歴', '下書き']) {
      await aria(panel, tab, 'tab').click();
      await expect.poll(() => panel.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
      await expect.poll(() => textOf(panel, PANEL)).not.toBe('');
      await scanFirefox(panel, `side panel ${tab}, in Japanese`);
    }

    // Blocking through Perch is offered on the Enterprise plan only: the popup then offers Block, and asks first
    // (「@gracehopさんをブロックしますか？」); Escape leaves the question unanswered.
    const enterprise = '::-p-aria(XアプリはEnterpriseプランです[role="checkbox"])';
    await ff.options.bringToFront();
    await ff.options.locator(enterprise).click();
    await expect.poll(() => ff.options.$eval(enterprise, (c) => (c as HTMLInputElement).checked)).toBe(true);
    const post = await popupOn(ff, `https://x.com/${GRACE}/status/${POST}`);
    await aria(post, `@${GRACE}さんをブロック`, 'button').click();
    await aria(post, `@${GRACE}さんをブロックしますか？`, 'dialog').wait();
    await scanFirefox(post, 'popup, block @gracehop?, in Japanese');
    await post.keyboard.press('Escape');
    await expect.poll(() => openDialogs(post)).toBe(0);
    await post.close();

    // On Ada's own post: Delete post asks first, and so does Sign out in the account menu; both left with Escape.
    const own = await popupOn(ff, STATE_PAGES.own);
    await aria(own, 'ポストを削除', 'button').click();
    await own.waitForSelector('dialog[open]');
    await scanFirefox(own, 'popup, delete this post?, in Japanese');
    await own.keyboard.press('Escape');
    await expect.poll(() => openDialogs(own)).toBe(0);
    await aria(own, `${ADA.name} @${ADA.username}`, 'button').click();
    await aria(own, 'ログアウト', 'menuitem').click();
    await own.waitForSelector('dialog[open]');
    await scanFirefox(own, 'popup, sign out?, in Japanese');
    await own.keyboard.press('Escape');
    await expect.poll(() => openDialogs(own)).toBe(0);
    await aria(own, `${ADA.name} @${ADA.username}`, 'button').wait();
  });
});
