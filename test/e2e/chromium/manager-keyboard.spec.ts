import type { Locator, Page } from '@playwright/test';
import { SECOND_USER_ID } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped, walkTabStops } from '../support/tab-walk';
import { expect, signIn, test } from './fixtures';

/**
 * The manager's Bookmarks, Muted and Drafts tabs with the keyboard alone: search, remove a bookmark and undo it, unmute
 * an account and undo it, walk Muted, mute an account by @username and export the list, open a draft and delete it
 * (its question kept or answered) — each control reached with Tab and pressed with Enter, each showing where the focus
 * is, and the focus kept on the tab's status line once the row, or the Undo pressed, is gone: never dropped to the page.
 */

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
    const page = await perch.open('manager', '#bookmarks');
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
    const page = await perch.open('manager', '#muted');
    const panel = page.getByRole('tabpanel', { name: 'Muted' });
    await tabTo(page, panel.getByRole('button', { name: 'Sync now' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText(/^Last synced /)).toBeVisible();

    await tabTo(page, panel.getByRole('button', { name: /^Unmute / }).first());
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status').filter({ hasText: /: done\./ })).toBeFocused();
    await undoKeepsFocus(page, panel);
  });

  test('walks the Muted tab, mutes by @username and exports, the focus kept', async ({ perch, emu }) => {
    const page = await perch.open('manager', '#muted');
    const panel = page.getByRole('tabpanel', { name: 'Muted' });
    await tabTo(page, panel.getByRole('button', { name: 'Sync now' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText(/^Last synced /)).toBeVisible();
    const stops = (await walkTabStops(page)).map((s) => `${s.kind} ${s.words}`);
    // The tab's own controls in the order seen (the link to muted words on x.com first), then each account's Profile
    // and Unmute.
    expect(stops.slice(1, 9)).toEqual([
      'a Skip to Muted',
      'tab Muted',
      expect.stringMatching(/^tabpanel Muted accounts/),
      'a Open muted words on x.com',
      'button Sync now',
      'input Mute an account by @username',
      'input ',
      'button Export',
    ]);
    // As far as the walk goes (its bound, past the first screenful of rows drawn).
    const rows = stops.slice(9);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => (i % 2 ? 'button Unmute' : 'a Profile')));
    await scan(page, 'manager, Muted walked');

    // Looked up by @username, found: the focus on Mute; muted: said, and the focus back in the field for the next one.
    const field = panel.getByRole('textbox', { name: 'Mute an account by @username' });
    await tabTo(page, field);
    await page.keyboard.type('@gracehop');
    await page.keyboard.press('Enter');
    const mute = panel.getByRole('button', { name: 'Mute @gracehop' });
    await expect(mute).toBeFocused();
    await expectFocusShown(page);
    await scan(page, 'manager, Muted, an account found to mute');
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status').filter({ hasText: 'Mute @gracehop: done.' })).toBeVisible();
    await expect.poll(async () => (await emu.relations()).muting).toContain(SECOND_USER_ID);
    expect(await focusDropped(page), 'the focus is not dropped once muted').toBe(false);
    await expect(field).toBeFocused();

    // Export: its menu opens on Enter with the focus on its first item; Escape closes it, the focus back on Export.
    const exportButton = panel.getByRole('button', { name: 'Export' });
    await tabTo(page, exportButton);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu').getByRole('menuitem').first()).toBeFocused();
    await expectFocusShown(page);
    await scan(page, 'manager, Muted, Export menu open');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(exportButton).toBeFocused();
    // A format chosen with Enter: the file is saved, the menu closes, and the focus is back on Export.
    await page.keyboard.press('Enter');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await download;
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(exportButton).toBeFocused();
    await expectFocusShown(page);
  });

  test('opens a draft and deletes it, the question answered with the keyboard, the focus kept', async ({ perch }) => {
    // A draft: a new post written in the popup and left.
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('A plain thought for later');
    await popup.reload();
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('A plain thought for later');
    await popup.close();

    const page = await perch.open('manager', '#drafts');
    const panel = page.getByRole('tabpanel', { name: 'Drafts' });
    const drafts = panel.getByRole('list', { name: 'Your drafts' });
    await expect(drafts.getByRole('listitem')).toHaveCount(1);
    const stops = (await walkTabStops(page)).map((s) => `${s.kind} ${s.words}`);
    // After the tab and its panel, the draft's two buttons, in the order seen.
    expect(stops.slice(stops.indexOf('tab Drafts'))).toEqual([
      'tab Drafts',
      expect.stringMatching(/^tabpanel Drafts/),
      'button Open',
      'button Delete',
    ]);
    await scan(page, 'manager, Drafts walked');

    // Open: Perch's window with the draft; the manager keeps the focus on the button and says where it went.
    const open = drafts.getByRole('button', { name: 'Open draft: New post' });
    await tabTo(page, open);
    const opened = perch.context.waitForEvent('page', (p) => p.url().endsWith('/popup.html'));
    await page.keyboard.press('Enter');
    await (await opened).close();
    await expect(panel.getByRole('status')).toHaveText('Opened in a Perch window: New post');
    await expect(open).toBeFocused();

    // Delete asks first, the focus on Keep draft; Escape keeps it and gives the focus back to Delete.
    const del = drafts.getByRole('button', { name: 'Delete draft: New post' });
    await tabTo(page, del);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
    await expect(dialog.getByRole('button', { name: 'Keep draft' })).toBeFocused();
    await expectFocusShown(page);
    await scan(page, 'manager, Drafts, delete a draft? asked by keyboard');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(del).toBeFocused();
    await expectFocusShown(page);

    // Deleted: the row goes, and the focus is on the line that says so.
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Delete draft' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    const said = panel.getByRole('status').filter({ hasText: 'Draft deleted: New post' });
    await expect(said).toBeFocused();
    await expect(drafts).toHaveCount(0);
    expect(await focusDropped(page)).toBe(false);
    await expectFocusShown(page);
    await scan(page, 'manager, Drafts, a draft deleted by keyboard');
  });
});
