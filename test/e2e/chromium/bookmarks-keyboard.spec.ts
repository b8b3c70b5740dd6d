import type { Locator, Page } from '@playwright/test';
import { scan } from '../support/axe-chromium';
import { signedInBookmarks } from '../support/bookmarks-tab';
import { expectFocusShown, tabTo } from '../support/focus';
import { expect, test } from './fixtures';

/**
 * The manager's Bookmarks with the keyboard alone: search, tag a card, save the search (its dialog takes the focus,
 * Escape gives it back), rename the saved search in the tags dialog, delete it and leave the dialog with Escape,
 * remove a bookmark and undo — each control reached with Tab and pressed with Enter or typed into, the focus shown,
 * and never dropped to the page when a dialog or a row goes away. Each dialog's state is scanned by axe.
 */

/** The focus is somewhere inside `scope` (a dialog), not on the page behind it. */
const focusWithin = (scope: Locator) => expect.poll(() => scope.evaluate((el) => el.contains(document.activeElement))).toBe(true);

async function focusNotDropped(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toBeFocused();
}

test('searches, tags, saves a search, renames it and removes a bookmark with the keyboard alone, in Chromium', async ({ perch }) => {
  test.setTimeout(180_000);
  const { page, panel } = await signedInBookmarks(perch);
  const scanned: string[] = [];

  await tabTo(page, panel.getByRole('searchbox', { name: 'Search bookmarks' }));
  // A word some bookmarks hold (in Japanese: typed as a person's input method would put it).
  await page.keyboard.type('勉強');
  await expect(panel.getByText(/ of 800 /)).toBeVisible();

  // A card's Add tag field, named by its post: Enter adds the tag, and the focus stays for the next one.
  const first = panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem').first();
  const addTag = first.getByRole('combobox', { name: /^Add tag — @\w+: “/ });
  await tabTo(page, addTag);
  await page.keyboard.type('birds');
  await page.keyboard.press('Enter');
  await expect(first.getByRole('button', { name: /^Remove tag birds — / })).toBeVisible();
  await expect(addTag).toBeFocused();

  // Save search: a dialog that takes the focus; Escape closes it and gives the focus back to Save search.
  const saveSearch = panel.getByRole('button', { name: 'Save search', exact: true });
  const saveDialog = page.getByRole('dialog', { name: 'Save search' });
  // Back up from the card to the toolbar.
  await tabTo(page, saveSearch, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(saveDialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expectFocusShown(page);
  scanned.push(await scan(page, 'manager, the Save search dialog'));
  await page.keyboard.press('Escape');
  await expect(saveDialog).toBeHidden();
  await expect(saveSearch).toBeFocused();

  // Again, named and saved with Enter: the focus comes back to Save search, and the line says it was saved.
  await page.keyboard.press('Enter');
  await expect(saveDialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Robins');
  await page.keyboard.press('Enter');
  await expect(saveDialog).toBeHidden();
  await expect(saveSearch).toBeFocused();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved the search “Robins”.' })).toBeVisible();

  // The tags dialog: the focus moves in; a rename cancelled with Escape gives it back to its Rename button; Escape
  // then closes the dialog and gives the focus back to Tags.
  const tags = panel.getByRole('button', { name: 'Tags', exact: true });
  const tagsDialog = page.getByRole('dialog', { name: 'Tags and saved searches' });
  await tabTo(page, tags, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(tagsDialog).toBeVisible();
  await focusWithin(tagsDialog);
  const rename = tagsDialog.getByRole('button', { name: 'Rename saved search Robins' });
  await tabTo(page, rename);
  await page.keyboard.press('Enter');
  await expect(tagsDialog.getByRole('textbox', { name: 'New name for the search Robins' })).toBeFocused();
  scanned.push(await scan(page, 'manager, the tags dialog renaming a saved search'));
  await page.keyboard.press('Escape');
  await expect(rename).toBeFocused();
  await expect(tagsDialog).toBeVisible();
  // Deleted, the saved search's row goes with its buttons: the focus moves to Close (no other search is left), not
  // to the page behind the dialog.
  await tabTo(page, tagsDialog.getByRole('button', { name: 'Delete saved search Robins' }));
  await page.keyboard.press('Enter');
  await expect(tagsDialog.getByRole('status')).toHaveText('Deleted the search “Robins”.');
  await expect(tagsDialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tagsDialog).toBeHidden();
  await expect(tags).toBeFocused();

  // Remove with Undo: the row is gone, the status line keeps the focus, Undo keeps it there.
  await tabTo(page, first.getByRole('button', { name: /^Remove — @\w+: “/ }));
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: /: done\./ })).toBeFocused();
  await tabTo(page, panel.getByRole('button', { name: /^Undo: / }));
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: /: undone\./ })).toBeFocused();
  await focusNotDropped(page);
  expect(scanned).toHaveLength(2);
});

test('a tag renamed into another, spelled in capitals, merges, and the focus goes to that tag’s Rename', async ({ perch }) => {
  test.setTimeout(120_000);
  const { page, panel } = await signedInBookmarks(perch);

  // Two bookmarks, two tags: birds on one, fish on the other.
  const cards = panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem');
  for (const [i, tag] of [
    [0, 'birds'],
    [1, 'fish'],
  ] as const) {
    await tabTo(page, cards.nth(i).getByRole('combobox', { name: /^Add tag — @\w+: “/ }));
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
    await expect(cards.nth(i).getByRole('button', { name: new RegExp(`^Remove tag ${tag} — `) })).toBeVisible();
  }

  const tags = panel.getByRole('button', { name: 'Tags', exact: true });
  const tagsDialog = page.getByRole('dialog', { name: 'Tags and saved searches' });
  await tabTo(page, tags, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await focusWithin(tagsDialog);
  await tabTo(page, tagsDialog.getByRole('button', { name: 'Rename tag fish' }));
  await page.keyboard.press('Enter');
  await expect(tagsDialog.getByRole('textbox', { name: 'New name for the tag fish' })).toBeFocused();
  // Typed as "Birds": the same tag as birds (tags are kept in small letters), so fish merges into it.
  await page.keyboard.type('Birds');
  await page.keyboard.press('Enter');
  // Said as the tag is kept, the name its row shows.
  await expect(tagsDialog.getByRole('status')).toHaveText('Renamed fish to birds on 1 bookmark.');
  await expect(tagsDialog.getByRole('button', { name: 'Rename tag fish' })).toHaveCount(0);
  await expect(tagsDialog.getByRole('button', { name: 'Rename tag birds' })).toBeFocused();
  await expect(tagsDialog.getByText('2 bookmarks')).toBeVisible();
  await focusNotDropped(page);
  // And it stays there: nothing the merge changes afterwards takes it away.
  await page.waitForTimeout(1_000);
  await expect(tagsDialog.getByRole('button', { name: 'Rename tag birds' })).toBeFocused();
});
