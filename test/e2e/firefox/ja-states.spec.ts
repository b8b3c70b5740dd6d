import type { Page } from 'puppeteer-core';
import { STATE_PAGES } from '../support/a11y-states';
import { scanFirefox } from '../support/axe-firefox';
import { ADA } from '../support/emulator-control';
import { popupOn } from '../support/firefox-popup';
import { syncSettled } from '../support/sync-settled';
import { expectWordsWhole } from '../support/words-whole';
import { expect, setViewportSize, signIn, test, textOf } from './fixtures';

/**
 * The Chromium walk of the same name (test/e2e/chromium/ja-states.spec.ts) in Firefox ESR, whose `word-break:
 * keep-all` breaks Perch's Japanese only at spaces and punctuation: a long line outside <Phrases> could run out of a
 * 320 px sidebar. The privacy policy, a bookmark waiting for X's limit in the popup and queued in Activity, the
 * refusal of a file that is not Perch's export, and the popup saying why the person was signed out: each scanned
 * by axe-core with its controls' names checked (test/e2e/support/axe-firefox.ts), and its words measured whole.
 */
test.use({ lang: 'ja' });

const PANEL = '[role="tabpanel"]:not([hidden])';
const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

/** Measures `state`'s words whole at `width`, then scans it. */
async function check(page: Page, state: string, width: number): Promise<void> {
  await setViewportSize(page, width, 1200);
  await expectWordsWhole(page, `ff-ja-${state.replace(/\W+/g, '-')}`);
  await scanFirefox(page, `${state}, in Japanese`);
}

test('the Japanese states of errors, queued actions, an import refused and a sign-in lost', async ({ ff, emu }) => {
  // Each state takes a few seconds: more than the suite's 90 s for one test.
  test.setTimeout(300_000);
  // A tab the link opens is not one WebDriver BiDi may drive: the test opens the page the link names.
  expect(await ff.options.$eval('::-p-text(プライバシーポリシー)', (a) => a.closest('a')?.getAttribute('href'))).toBe('/privacy.html');
  const privacy = await ff.open('privacy');
  await expect.poll(() => textOf(privacy, 'h1')).not.toBe('');
  await check(privacy, 'privacy policy', 320);
  await privacy.close();

  await ff.options.bringToFront();
  await signIn(ff, ff.options, 'Authorize app', 'Xでログイン');
  // X's limit used up (429, x-api--fundamentals--rate-limits): the bookmark waits, and the popup says until when.
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 5, kind: 'rate_limit' });
  const post = await popupOn(ff, STATE_PAGES.others);
  await aria(post, 'ブックマーク', 'button').click();
  await expect.poll(() => textOf(post, '.quick-notes')).toMatch(/Xの制限に達しています|Xがこの操作を制限しています/);
  await check(post, 'popup, a bookmark waiting for X’s limit', 360);
  await post.close();

  const panel = await ff.open('sidepanel');
  await setViewportSize(panel, 320, 1200);
  await aria(panel, '履歴', 'tab').click();
  await panel.waitForSelector(`${PANEL} button[aria-label^="キャンセル: "]`);
  await check(panel, 'side panel, Activity, a bookmark queued', 320);

  // A file that is not Perch's export is refused in words (components/manager/bookmarks/use-import.ts). BiDi cannot
  // answer the browser's file chooser, so the page is handed the file.
  await aria(panel, 'ブックマーク', 'tab').click();
  await expect.poll(() => panel.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe('ブックマーク');
  await panel.waitForSelector(`${PANEL} input[type="file"]`);
  await panel.$eval(`${PANEL} input[type="file"]`, (input) => {
    const data = new DataTransfer();
    data.items.add(new File(['{"hello":1}'], 'notes.json', { type: 'application/json' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect.poll(() => textOf(panel, `${PANEL} [role="alert"]`)).toMatch(/^ファイルをインポートできませんでした。/);
  await check(panel, 'side panel, Bookmarks, a file that is not an export', 320);
  // The sign-in is taken away below only once the tab's sync is done, so the Mute pressed there is what meets it.
  await syncSettled(panel, emu, /^最終同期/);
  await panel.close();

  // The person removed the app on x.com (X answers 401 and refuses the refresh token, oauth-2-0--authorization-code):
  // the popup says they were signed out, and of which account.
  await emu.clearFaults();
  await emu.clearLog();
  await emu.revokeGrants(ADA.id);
  const profile = await popupOn(ff, 'https://x.com/gracehop');
  await profile.locator('::-p-aria(@gracehop[role="region"]) ::-p-aria(ミュート[role="button"])').click();
  await expect.poll(() => textOf(profile, '[role="alert"]')).toContain(`@${ADA.username}からログアウトしました。`);
  // Mute was what met the lost sign-in: X's first 401 after the revocation answered it.
  const refused = (await emu.log()).find((e) => e.status === 401);
  expect([refused?.method, refused?.path]).toEqual(['POST', `/2/users/${ADA.id}/muting`]);
  await check(profile, 'popup, signed out of X, and why', 360);
});
