import type { Page } from '@playwright/test';
import { STATE_PAGES } from '../support/a11y-states';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { syncSettled } from '../support/sync-settled';
import { expectWordsWhole } from '../support/words-whole';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * The states a person meets in Japanese that neither the Japanese scans (a11y-ja.spec.ts) nor the narrow-words walk
 * (words-whole-ja.spec.ts) reached: the privacy policy opened from the Japanese settings, an action waiting for X's
 * limit in the popup and as a queued row in Activity (with its Cancel), the refusal of a file that is not Perch's
 * export, and the popup saying why the person was signed out. Each is scanned by axe-core light and dark, its controls
 * checked to be named for their labels (test/e2e/support/names-start.ts, inside the scan), and its Japanese words
 * measured whole at the popup's width or the side panel's narrowest (test/e2e/support/words-whole.ts).
 */
test.use({ lang: 'ja' });

/** Scans `state` and measures its words whole at `width`. */
async function check(page: Page, state: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 1200 });
  await expectWordsWhole(page, `cr-ja-${state.replace(/\W+/g, '-')}`);
  await scan(page, `${state}, in Japanese`);
}

test('the Japanese states of errors, queued actions, an import refused and a sign-in lost', async ({ perch, emu }) => {
  // Each state takes a few seconds, light and dark: more than the suite's 90 s for one test.
  test.setTimeout(300_000);
  const options = await perch.open('options');
  const opened = perch.context.waitForEvent('page');
  await options.getByRole('link', { name: /^プライバシーポリシー/ }).click();
  const privacy = await opened;
  await expect(privacy.getByRole('heading', { level: 1 })).toBeVisible();
  await check(privacy, 'privacy policy', 320);
  await privacy.close();

  await signIn(perch, options, 'Authorize app', 'Xでログイン');
  // X's limit used up (429, x-api--fundamentals--rate-limits): the bookmark waits, and the popup says until when.
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 5, kind: 'rate_limit' });
  const post = await popupOn(perch, STATE_PAGES.others, { viewport: { width: 360, height: 1200 } });
  await post.getByRole('button', { name: 'ブックマーク', exact: true }).click();
  await expect(post.getByText(/Xの制限に達しています|Xがこの操作を制限しています/)).toBeVisible();
  await check(post, 'popup, a bookmark waiting for X’s limit', 360);
  await post.close();

  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width: 320, height: 1200 });
  await panel.getByRole('tab', { name: '履歴', exact: true }).click();
  const activity = panel.getByRole('tabpanel', { name: '履歴' });
  await expect(activity.getByRole('button', { name: /^キャンセル: / })).toBeVisible();
  await check(panel, 'side panel, Activity, a bookmark queued', 320);

  // A file that is not Perch's export is refused in words (components/manager/bookmarks/use-import.ts).
  await panel.getByRole('tab', { name: 'ブックマーク', exact: true }).click();
  const chooser = panel.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'エクスポート', exact: true }).click();
  await panel.getByRole('menu', { name: 'エクスポート' }).getByRole('menuitem', { name: 'PerchのJSONをインポート…' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(panel.getByRole('alert')).toHaveText(/^ファイルをインポートできませんでした。/);
  await check(panel, 'side panel, Bookmarks, a file that is not an export', 320);
  // The sign-in is taken away below only once the tab's sync is done, so the Mute pressed there is what meets it.
  await syncSettled(panel, emu, /^最終同期/);
  await panel.close();

  // The person removed the app on x.com (X answers 401 and refuses the refresh token, oauth-2-0--authorization-code):
  // the popup says they were signed out, and of which account.
  await emu.clearFaults();
  await emu.clearLog();
  await emu.revokeGrants(ADA.id);
  const profile = await popupOn(perch, 'https://x.com/gracehop', { viewport: { width: 360, height: 1200 } });
  await profile.getByRole('region', { name: '@gracehop' }).getByRole('button', { name: 'ミュート', exact: true }).click();
  await expect(profile.getByRole('alert').first()).toContainText(`@${ADA.username}からログアウトしました。`);
  // Mute was what met the lost sign-in: X's first 401 after the revocation answered it.
  const refused = (await emu.log()).find((e) => e.status === 401);
  expect([refused?.method, refused?.path]).toEqual(['POST', `/2/users/${ADA.id}/muting`]);
  await check(profile, 'popup, signed out of X, and why', 360);
});
