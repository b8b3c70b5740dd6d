import { expect, test } from '@playwright/test';
import { scanProblems } from '../support/axe-chromium';
import { namingProblems } from '../support/names-start';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/paths';

/**
 * The canary for test/e2e/support/names-start.ts, the check every shared axe scan (axe-chromium.ts, axe-firefox.ts) runs
 * on each screen state it scans: on a plain page it builds here (no extension, no emulator, so no build is needed), it must report
 * each control a speech user could not call by the words it shows, and only those (WCAG 2.5.3 Label in Name).
 */
test.use({ channel: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });

const PAGE = `<!doctype html><html lang="ja"><body>
  <button aria-label="下書きを開く">開く</button>
  <button aria-label="開く: 下書き">開く</button>
  <label for="find">検索</label><input id="find" aria-label="キーワードで検索">
  <label for="subject">件名</label><input id="subject" value="週末の予定">
  <button><svg aria-hidden="true" width="16" height="16"><circle cx="8" cy="8" r="6"/></svg></button>
  <dialog>
    <p>この下書きを削除しますか?</p>
    <button>削除</button>
    <button aria-label="閉じる">キャンセル</button>
  </dialog>
</body></html>`;

test('the name-starts-with-label check counts every control and reports each misnamed one, only a dialog’s when open', async ({ page }) => {
  await page.setContent(PAGE);
  // The exact count is what catches a control query that finds nothing: it would report no misnamed control (so
  // every scan would pass) and check none.
  expect(await namingProblems(page, 'drafts')).toEqual({
    checked: 5,
    misnamed: [
      'drafts: button showing “開く” is named “下書きを開く”',
      'drafts: input showing “検索” is named “キーワードで検索”',
      'drafts: button showing “” is named “”',
    ],
  });
  expect(await namingProblems(page, 'drafts', '[role="no-such-role"]')).toEqual({ checked: 0, misnamed: [] });

  // A modal dialog leaves the page behind it inert: only the dialog's own controls are there for a person.
  await page.evaluate(() => document.querySelector('dialog')!.showModal());
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await namingProblems(page, 'delete?')).toEqual({
    checked: 2,
    misnamed: ['delete?: button showing “キャンセル” is named “閉じる”'],
  });
});

test('the shared scan fails a state on a control axe lets pass but a speech user could not call by its words', async ({ page }) => {
  // axe's label-content-name-mismatch asks only that the name contain the words: this page passes axe, light and dark.
  await page.setContent(`<!doctype html><html lang="ja"><head><title>下書き</title></head><body><main>
    <h1>下書き</h1>
    <button aria-label="下書きを開く">開く</button>
    <button aria-label="削除: 週末の予定">削除</button>
  </main></body></html>`);
  expect(await scanProblems(page, 'drafts')).toEqual(['drafts: button showing “開く” is named “下書きを開く”']);
});
