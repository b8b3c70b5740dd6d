import type { Page } from 'puppeteer-core';
import { FIREFOX_DARK_PREFS, scanFirefox } from '../support/axe-firefox';
import { expectFocusShown, focusIsAfter, focusOnInFirefox as focusOn, focusShown, tabToInFirefox as tabTo } from '../support/focus';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * The manager's Bookmarks with the keyboard alone, in Firefox: search, tag a card, save the search (its dialog takes
 * the focus, Escape gives it back), rename the saved search in the tags dialog, delete it and leave the dialog with
 * Escape, remove a bookmark and undo — each control reached with Tab or Shift+Tab and pressed with Enter or typed into,
 * the focus shown, and never dropped to the page when a dialog or a row goes away. Each dialog's state passes axe,
 * light and dark. (The Chromium walk is test/e2e/chromium/bookmarks-keyboard.spec.ts.)
 */

const PANEL = '[role="tabpanel"]:not([hidden])';
/** The first bookmark card the list draws. */
const FIRST = `${PANEL} [role="list"][aria-label="Bookmarks"] > [role="listitem"][aria-posinset="1"]`;
const countOf = (page: Page) => textOf(page, `${PANEL} .bookmarks-count`);

/** What has the focus: its role (or tag) and its text, or its name for a control named apart from its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const at = document.activeElement;
    if (!at || at === document.body) return 'the page';
    return `${at.getAttribute('role') ?? at.tagName.toLowerCase()}: ${at.getAttribute('aria-label') ?? at.textContent ?? ''}`;
  });

/** The focus is inside the open modal dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => !!document.querySelector('dialog[open]')?.contains(document.activeElement));

/**
 * Presses Tab, or Shift+Tab while the focus is after it, until the first element matching `selector` has the focus;
 * the focus shows. For a card's controls, whose names hold the post's words (which the ARIA query would have to quote).
 */
async function tabToMatch(page: Page, selector: string): Promise<void> {
  const target = await page.waitForSelector(selector);
  for (let i = 0; i < 150 && !(await target!.evaluate((el) => el === document.activeElement)); i++) {
    const back = await target!.evaluate(focusIsAfter);
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
  }
  expect(await target!.evaluate((el) => el === document.activeElement), `Tab reaches ${selector}`).toBe(true);
  expect(await page.evaluate(focusShown), 'the focused control shows the focus').toBe(true);
}

async function walk(ff: FirefoxPerch): Promise<string[]> {
  test.setTimeout(240_000);
  await signIn(ff, ff.options);
  const page = await ff.open('manager');
  await expect.poll(() => countOf(page), { timeout: 30_000 }).toBe('800 bookmarks');
  const scanned: string[] = [];

  await tabTo(page, 'Search bookmarks', 'searchbox');
  // A word some bookmarks hold (Japanese, as a person's input method would put it).
  await page.keyboard.type('勉強');
  await expect.poll(() => countOf(page)).toMatch(/ of 800 /);

  // The first card's Add tag field, named by its post: Enter adds the tag, and the focus stays for the next one.
  const addTag = `${FIRST} input[aria-label^="Add tag — @"]`;
  await tabToMatch(page, addTag);
  await page.keyboard.type('birds');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${FIRST} button[aria-label^="Remove tag birds — "]`);
  expect(await page.$eval(addTag, (el) => el === document.activeElement)).toBe(true);

  // Save search: a dialog that takes the focus; Escape closes it and gives the focus back to Save search.
  await tabTo(page, 'Save search', 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusOn(page, 'Name', 'textbox')).toBe(true);
  expect(await focusInDialog(page)).toBe(true);
  await expectFocusShown(page);
  scanned.push(await scanFirefox(page, 'manager, the Save search dialog'));
  await page.keyboard.press('Escape');
  await expect.poll(() => page.$$eval('dialog[open]', (d) => d.length)).toBe(0);
  await expect.poll(() => focusOn(page, 'Save search', 'button')).toBe(true);

  // Again, named and saved with Enter: the focus comes back to Save search, and the line says it was saved.
  await page.keyboard.press('Enter');
  await expect.poll(() => focusOn(page, 'Name', 'textbox')).toBe(true);
  await page.keyboard.type('Robins');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.$$eval('dialog[open]', (d) => d.length)).toBe(0);
  await expect.poll(() => focusOn(page, 'Save search', 'button')).toBe(true);
  await expect
    .poll(() => page.$$eval(`${PANEL} [role="status"]`, (all) => all.map((s) => s.textContent).join(' | ')))
    .toContain('Saved the search “Robins”.');

  // The tags dialog: the focus moves in; a rename cancelled with Escape gives it back to its Rename button; Escape
  // then closes the dialog and gives the focus back to Tags.
  await tabTo(page, 'Tags', 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusInDialog(page)).toBe(true);
  await tabTo(page, 'Rename saved search Robins', 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusOn(page, 'New name for the search Robins', 'textbox')).toBe(true);
  scanned.push(await scanFirefox(page, 'manager, the tags dialog renaming a saved search'));
  await page.keyboard.press('Escape');
  await expect.poll(() => focusOn(page, 'Rename saved search Robins', 'button')).toBe(true);
  expect(await page.$$eval('dialog[open]', (d) => d.length)).toBe(1);
  // Deleted, the saved search's row goes with its buttons: the focus moves to Close (no other search is left), not
  // to the page behind the dialog.
  await tabTo(page, 'Delete saved search Robins', 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => textOf(page, 'dialog[open] [role="status"]')).toBe('Deleted the search “Robins”.');
  await expect.poll(() => focusOn(page, 'Close', 'button')).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.$$eval('dialog[open]', (d) => d.length)).toBe(0);
  await expect.poll(() => focusOn(page, 'Tags', 'button')).toBe(true);

  // Remove with Undo: the row is gone, the status line keeps the focus, Undo keeps it there.
  await tabToMatch(page, `${FIRST} button[aria-label^="Remove — @"]`);
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatch(/^status: .*: done\./);
  await tabToMatch(page, `${PANEL} button[aria-label^="Undo: "]`);
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatch(/^status: .*: undone\./);
  return scanned;
}

test.describe('bookmarks searched, tagged, saved and removed with the keyboard alone in Firefox', () => {
  test('light', async ({ ff }) => {
    expect(await walk(ff)).toHaveLength(2);
  });

  test.describe('dark', () => {
    test.use({ firefoxPrefs: FIREFOX_DARK_PREFS });
    test('dark', async ({ ff }) => {
      expect(await walk(ff)).toHaveLength(2);
    });
  });
});
