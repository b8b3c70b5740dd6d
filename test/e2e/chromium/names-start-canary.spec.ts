import { expect, test } from '@playwright/test';
import { misnamedControls } from '../support/names-start';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/paths';

/**
 * The canary for test/e2e/support/names-start.ts, the check a11y-ja.spec.ts and firefox/sign-in-ja.spec.ts run on every
 * Japanese screen: on a plain page it builds here (no extension, no emulator, so no build is needed), it must report
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

test('the name-starts-with-label check reports each misnamed control, and only those in an open dialog', async ({ page }) => {
  await page.setContent(PAGE);
  expect(await misnamedControls(page)).toEqual({
    checked: 5,
    misnamed: [
      'button showing “開く” is named “下書きを開く”',
      'input showing “検索” is named “キーワードで検索”',
      'button showing “” is named “”',
    ],
  });

  // A modal dialog leaves the page behind it inert: only the dialog's own controls are there for a person.
  await page.evaluate(() => document.querySelector('dialog')!.showModal());
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await misnamedControls(page)).toEqual({
    checked: 2,
    misnamed: ['button showing “キャンセル” is named “閉じる”'],
  });
});
