import type { Locator, Page } from '@playwright/test';
import { tabTo } from '../support/focus';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * The manager's Bookmarks and Muted tabs with the keyboard alone: search, remove a bookmark and undo it, unmute an
 * account and undo it — each control reached with Tab and pressed with Enter, each showing where the focus is, and
 * the focus kept on the tab's status line once the row, or the Undo pressed, is gone: never dropped to the page.
 */

async function openManager(perch: Perch, tab: 'bookmarks' | 'muted'): Promise<Page> {
  const page = await perch.context.newPage();
  await page.goto(`chrome-extension://${perch.id}/manager.html#${tab}`);
  return page;
}

/** Undo, pressed from the keyboard: the undo is said on the status line, which keeps the focus. */
async function undoKeepsFocus(page: Page, panel: Locator): Promise<void> {
  const line = panel.getByRole('status').filter({ has: page.getByRole('button', { name: /^Undo: / }) });
  await tabTo(page, line.getByRole('button', { name: /^Undo: / }));
  await page.keyboard.press('Enter');
  const said = panel.getByRole('status').filter({ hasText: /: undone\./ });
  await expect(said).toBeVisible();
  await expect(page.locator('body')).not.toBeFocused();
  await expect(said).toBeFocused();
}

test.describe('the manager with the keyboard alone, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('searches the bookmarks, removes one and undoes it, the focus kept on the status line', async ({ perch }) => {
    const page = await openManager(perch, 'bookmarks');
    const panel = page.getByRole('tabpanel', { name: 'Bookmarks' });
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });

    await tabTo(page, panel.getByRole('searchbox', { name: 'Search bookmarks' }));
    await page.keyboard.type('robin');
    await expect(panel.getByText(/ of 800 /)).toBeVisible();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible();

    const first = panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem').first();
    await tabTo(page, first.getByRole('button', { name: /^Remove — @\w+: “/ }));
    await page.keyboard.press('Enter');
    // The row is gone: the status line, where Undo is, has the focus.
    await expect(panel.getByRole('status').filter({ hasText: /: done\./ })).toBeFocused();
    await undoKeepsFocus(page, panel);
  });

  test('unmutes an account and undoes it, the focus kept on the status line', async ({ perch }) => {
    const page = await openManager(perch, 'muted');
    const panel = page.getByRole('tabpanel', { name: 'Muted' });
    await tabTo(page, panel.getByRole('button', { name: 'Sync now' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText(/^Last synced /)).toBeVisible();

    await tabTo(page, panel.getByRole('button', { name: /^Unmute / }).first());
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status').filter({ hasText: /: done\./ })).toBeFocused();
    await undoKeepsFocus(page, panel);
  });
});
