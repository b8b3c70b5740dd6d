import type { Page } from '@playwright/test';
import { solidPng } from '../../emulator/media';
import { EMPTY_TABS_JA, emptyOnX, NO_BOOKMARKS_JA, STATE_PAGES } from '../support/a11y-states';
import { scan } from '../support/axe-chromium';
import { ADA, GRACE } from '../support/emulator-control';
import { SPLIT_600 } from '../support/posts';
import { expectWordsWhole } from '../support/words-whole';
import { expect, popupOn, signIn, signInAs, test } from './fixtures';

/**
 * The screen states a person meets in Japanese (Chromium's UI language ja, lib/locales/ja.yml), scanned by axe-core
 * light and dark (test/e2e/support/axe.ts), with each visible control checked to be named for the words it shows
 * (test/e2e/support/names-start.ts, inside the scan): settings, the composer with an over-long post and an image's description box,
 * the popup's dialogs and account menu open, the popup on a profile and sharing a page, an alert for X's limit, and
 * the side panel's tabs, its drafts and a sync X refused, in the order a person would meet them; and the manager's
 * tabs of an account with nothing in them, measured whole at the side panel's narrowest too (words-whole.ts).
 */
test.use({ lang: 'ja' });

const POPUP = { viewport: { width: 360, height: 600 } };

/** Scans one state (axe, and its controls' names: the shared scan checks both); returns the state's name. */
async function check(page: Page, state: string): Promise<string> {
  await scan(page, `${state}, in Japanese`);
  return state;
}

test('every screen state in Japanese passes an axe scan and names its controls for their labels', async ({ perch, emu }) => {
  // Each state takes a few seconds, light and dark: more than the suite's 90 s for one test.
  test.setTimeout(300_000);
  const scanned: string[] = [];
  const options = await perch.open('options');
  await expect(options.getByRole('button', { name: 'Xでログイン' })).toBeVisible();
  scanned.push(await check(options, 'settings, signed out'));
  await signIn(perch, options, 'Authorize app', 'Xでログイン');
  // Blocking through Perch is offered on the Enterprise plan only.
  await options.getByRole('checkbox', { name: 'XアプリはEnterpriseプランです' }).check();
  scanned.push(await check(options, 'settings, signed in'));

  const composer = await perch.open('popup');
  await composer.setViewportSize(POPUP.viewport);
  await composer.getByRole('textbox', { name: 'ポストの本文' }).fill(SPLIT_600);
  await expect(composer.getByRole('button', { name: 'スレッドに分割' })).toBeVisible();
  const chooser = composer.waitForEvent('filechooser');
  await composer.getByRole('button', { name: '画像を追加' }).click();
  await (await chooser).setFiles({ name: 'robin.png', mimeType: 'image/png', buffer: solidPng(8, 8) });
  await composer.getByRole('button', { name: /^説明を追加/ }).click();
  await expect(composer.getByRole('textbox', { name: /robin\.png/ })).toBeFocused();
  scanned.push(await check(composer, 'composer, an over-long post with an image’s description box'));
  await composer.close();

  const own = await popupOn(perch, STATE_PAGES.own, POPUP);
  await own.getByRole('button', { name: 'ポストを削除', exact: true }).click();
  await expect(own.getByRole('dialog')).toBeVisible();
  scanned.push(await check(own, 'popup, delete this post?'));
  await own.keyboard.press('Escape');
  await expect(own.getByRole('dialog')).toHaveCount(0);
  await own.getByRole('button', { name: `${ADA.name} @${ADA.username}` }).click();
  await expect(own.getByRole('menuitem', { name: 'ログアウト' })).toBeVisible();
  scanned.push(await check(own, 'popup, account menu open'));
  await own.getByRole('menuitem', { name: 'ログアウト' }).click();
  await expect(own.getByRole('dialog')).toBeVisible();
  scanned.push(await check(own, 'popup, sign out?'));
  await own.close();

  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'rate_limit' });
  const post = await popupOn(perch, STATE_PAGES.others, POPUP);
  await post.getByRole('button', { name: 'ブックマーク', exact: true }).click();
  // X's limit used up (429): the bookmark waits in the queue, and the popup says so under the buttons.
  await expect(post.getByText(/Xの制限に達しています|Xがこの操作を制限しています/)).toBeVisible();
  scanned.push(await check(post, 'popup, X’s limit reached'));
  await post.getByRole('button', { name: '@gracehopさんをブロック', exact: true }).click();
  await expect(post.getByRole('dialog')).toBeVisible();
  scanned.push(await check(post, 'popup, block @gracehop?'));
  await post.close();

  const profile = await popupOn(perch, 'https://x.com/gracehop', POPUP);
  await expect(profile.getByRole('button', { name: 'ミュート', exact: true })).toBeVisible();
  scanned.push(await check(profile, 'popup on a profile'));
  await profile.close();
  const share = await popupOn(perch, 'https://example.com/article', POPUP);
  await expect(share.getByRole('textbox').first()).toBeVisible();
  scanned.push(await check(share, 'popup sharing a page'));
  await share.close();

  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width: 360, height: 800 });
  for (const tab of ['リスト', 'ミュート', 'ブロック', '履歴', '下書き']) {
    await panel.getByRole('tab', { name: tab }).click();
    await expect(panel.getByRole('tabpanel', { name: tab })).not.toBeEmpty();
    scanned.push(await check(panel, `side panel, ${tab}`));
  }
  await expect(panel.getByRole('list', { name: 'あなたの下書き' }).getByRole('listitem')).toHaveCount(1);
  await emu.fault({ method: 'GET', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'usage_capped' });
  await panel.getByRole('tab', { name: 'ミュート' }).click();
  const muted = panel.getByRole('tabpanel', { name: 'ミュート' });
  await muted.getByRole('button', { name: '今すぐ同期' }).click();
  await expect(muted.getByText(/Xアプリのクレジットがないか利用上限を超えている/)).toBeVisible();
  scanned.push(await check(panel, 'side panel, Muted, X refused the sync'));
});

test('every manager tab of an account with nothing in it, in Japanese, scanned and read whole at 320 px', async ({ perch, emu }) => {
  test.setTimeout(300_000);
  // Grace (the emulator's second account) has no bookmarks, blocks no one and has no drafts; her Lists and her one
  // mute are taken away on X.
  await signInAs(perch, emu, GRACE, 'Xでログイン');
  await emptyOnX(emu, GRACE.id);
  const page = await perch.open('manager', '#bookmarks');
  await page.setViewportSize({ width: 320, height: 900 });
  await expect(page.getByText(NO_BOOKMARKS_JA)).toBeVisible();
  await expectWordsWhole(page, 'cr-ja-manager-no-bookmarks');
  const scanned = [await check(page, 'manager, no bookmarks')];
  for (const [tab, none] of EMPTY_TABS_JA) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: tab })).toContainText(none);
    await expectWordsWhole(page, `cr-ja-manager-empty-${tab}`);
    scanned.push(await check(page, `manager, ${tab}, for an account with none`));
  }
  expect(scanned).toHaveLength(6);
});
