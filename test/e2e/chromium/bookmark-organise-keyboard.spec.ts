import { scan } from '../support/axe-chromium';
import { signedInBookmarks } from '../support/bookmarks-tab';
import { expectFocusShown, tabTo } from '../support/focus';
import { bookmarkWalkWords as words } from '../support/keyboard-walks';
import { focusDropped } from '../support/tab-walk';
import { expect, test } from './fixtures';

/**
 * Organising a bookmark with the keyboard alone, in the manager: a note added (Enter on Add note, the focus in the
 * note's box, Save, the focus back on the card's Edit note), and a card marked read while only unread ones are shown,
 * so that it leaves the list: the focus goes on to the card that takes its place, never to the page.
 */

test('adds a note and marks a card read under the Unread filter, the focus kept, in Chromium', async ({ perch }) => {
  test.setTimeout(120_000);
  const { page, panel } = await signedInBookmarks(perch);
  const cards = panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem');

  // A note: Enter on Add note opens its box with the focus; Save closes it, the focus on the card's Edit note.
  const first = cards.first();
  const addNote = first.getByRole('button', { name: /^Add note — / });
  await tabTo(page, addNote);
  await page.keyboard.press('Enter');
  await expect(first.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type(words.note);
  await tabTo(page, first.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  await expect(first.getByText(words.note)).toBeVisible();
  await expect(first.getByRole('button', { name: /^Edit note — / })).toBeFocused();
  await expectFocusShown(page);

  // Only unread bookmarks: Mark read takes the card off the list, and the focus goes to the next card's Mark read.
  await tabTo(page, panel.getByRole('searchbox', { name: 'Search bookmarks' }), 'Shift+Tab');
  await page.keyboard.type(words.unread);
  await expect(panel.getByText(/ of 800 /)).toBeVisible();
  const markRead = cards.first().getByRole('button', { name: /^Mark read — / });
  const leaving = await markRead.getAttribute('aria-label');
  const next = await cards
    .nth(1)
    .getByRole('button', { name: /^Mark read — / })
    .getAttribute('aria-label');
  await tabTo(page, markRead);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: leaving!, exact: true })).toHaveCount(0);
  expect(await focusDropped(page), 'the focus stays in the list when a card leaves it').toBe(false);
  await expect(panel.getByRole('button', { name: next!, exact: true })).toBeFocused();
  await expectFocusShown(page);
});

/** The bookmarks' Export menu, in order: the three formats, then the import of a file Perch exported. */
const EXPORT_ITEMS = ['Export JSON', 'Export CSV', 'Export Markdown', 'Import Perch JSON…'];

test('exports the bookmarks from the Export menu with the keyboard alone, the focus back on Export, in Chromium', async ({ perch }) => {
  test.setTimeout(120_000);
  const { page, panel } = await signedInBookmarks(perch);

  // Enter opens the menu on its first item; ArrowDown moves; Enter saves the file and gives the focus back to Export.
  const exportButton = panel.getByRole('button', { name: 'Export', exact: true });
  await tabTo(page, exportButton);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem', { name: 'Export JSON' })).toBeFocused();
  await expectFocusShown(page);
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Export CSV' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await expect(panel.getByRole('status').filter({ hasText: words.savedCsv })).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(exportButton).toBeFocused();
  await expectFocusShown(page);

  // Open again: the menu passes an axe scan with each item named for its words; ArrowDown reaches every item.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Export JSON' })).toBeFocused();
  await scan(page, 'manager, Bookmarks, Export menu open');
  await expect(menu.getByRole('menuitem')).toHaveText(EXPORT_ITEMS);
  for (const item of EXPORT_ITEMS.slice(1)) {
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeFocused();
  }
  // Escape from the open menu closes it, the focus back on Export.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(exportButton).toBeFocused();
});

test('removing a searched tag takes its card off the list, the focus kept in the list, in Chromium', async ({ perch }) => {
  test.setTimeout(120_000);
  const { page, panel } = await signedInBookmarks(perch);
  const cards = panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem');

  // Two cards tagged birds; only they are shown.
  for (const i of [0, 1]) {
    await tabTo(page, cards.nth(i).getByRole('combobox', { name: /^Add tag — @\w+: “/ }));
    await page.keyboard.type(words.tag);
    await page.keyboard.press('Enter');
    await expect(cards.nth(i).getByRole('button', { name: /^Remove tag birds — / })).toBeVisible();
  }
  await tabTo(page, panel.getByRole('searchbox', { name: 'Search bookmarks' }), 'Shift+Tab');
  await page.keyboard.type(words.tagged);
  await expect(panel.getByText(/^2 of 800 /)).toBeVisible();

  // Its tag removed, the first card leaves: the focus goes to the card in its place, not to the page.
  await tabTo(page, cards.first().getByRole('button', { name: /^Remove tag birds — / }));
  await page.keyboard.press('Enter');
  await expect(panel.getByText(/^1 of 800 /)).toBeVisible();
  expect(await focusDropped(page), 'the focus stays in the list when a card leaves it').toBe(false);
  await expect(cards.first().locator(':focus')).toHaveCount(1);
  await expectFocusShown(page);
});
