import { readdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { scanFirefox } from '../support/axe-firefox';
import {
  expectFocusShown,
  focusedName,
  focusOnInFirefox as focusOn,
  tabToElementInFirefox,
  tabToInFirefox as tabTo,
} from '../support/focus';
import { bookmarkWalkWords as words } from '../support/keyboard-walks';
import { focusDropped } from '../support/tab-walk';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * Organising a bookmark with the keyboard alone, in the manager in Firefox: a note added (Enter on Add note, the focus
 * in its box, Save, the focus back on the card's Edit note); a card marked read under is:unread, or its searched tag
 * removed, so that it leaves the list: the focus goes on in the list, never to the page; the Export menu walked with
 * Enter, the arrow keys and Escape, the focus back on Export. (The Chromium walk is
 * test/e2e/chromium/bookmark-organise-keyboard.spec.ts.)
 */

const PANEL = '[role="tabpanel"]:not([hidden])';
/** The n-th bookmark card the list shows (1 first). */
const card = (n: number) => `${PANEL} [role="list"][aria-label="Bookmarks"] > [role="listitem"][aria-posinset="${n}"]`;
const countOf = (page: Page) => textOf(page, `${PANEL} .bookmarks-count`);

/** Presses Tab (or Shift+Tab) until the first element matching `selector` has the focus; the focus shows. */
const tabToMatch = async (page: Page, selector: string) => tabToElementInFirefox(page, (await page.waitForSelector(selector))!, selector);

/** In the page: whether the focused element matches `selector`. */
const focusMatches = (page: Page, selector: string) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);

async function bookmarksRead(ff: FirefoxPerch): Promise<Page> {
  test.setTimeout(150_000);
  await signIn(ff, ff.options);
  const page = await ff.open('manager', '#bookmarks');
  await expect.poll(() => countOf(page), { timeout: 30_000 }).toBe(words.read);
  return page;
}

test('adds a note and marks a card read under the Unread filter, the focus kept, in Firefox', async ({ ff }) => {
  const page = await bookmarksRead(ff);

  // A note: Enter on Add note opens its box with the focus; Save closes it, the focus on the card's Edit note.
  await tabToMatch(page, `${card(1)} button[aria-label^="Add note — "]`);
  await page.keyboard.press('Enter');
  await expect.poll(() => focusOn(page, 'Note', 'textbox')).toBe(true);
  expect(await focusMatches(page, `${card(1)} textarea`), 'the box is the first card’s').toBe(true);
  await page.keyboard.type(words.note);
  await tabTo(page, 'Save', 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => textOf(page, card(1))).toContain(words.note);
  await expect.poll(() => focusMatches(page, `${card(1)} button[aria-label^="Edit note — "]`)).toBe(true);
  await expectFocusShown(page);

  // Only unread bookmarks: Mark read takes the card off the list, and the focus goes to the next card's Mark read.
  await tabTo(page, 'Search bookmarks', 'searchbox');
  await page.keyboard.type(words.unread);
  await expect.poll(() => countOf(page)).toMatch(/ of 800 /);
  const markRead = (n: number) => `${card(n)} button[aria-label^="Mark read — "]`;
  const leaving = await page.$eval(markRead(1), (b) => b.getAttribute('aria-label'));
  const next = await page.$eval(markRead(2), (b) => b.getAttribute('aria-label'));
  await tabToMatch(page, markRead(1));
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.$$eval(`${PANEL} button`, (all, name) => all.filter((b) => b.getAttribute('aria-label') === name).length, leaving))
    .toBe(0);
  expect(await focusDropped(page), 'the focus stays in the list when a card leaves it').toBe(false);
  await expect.poll(() => page.evaluate(focusedName)).toBe(next);
  await expectFocusShown(page);
});

/** The bookmarks' Export menu, in order: the three formats, then the import of a file Perch exported. */
const EXPORT_ITEMS = ['Export JSON', 'Export CSV', 'Export Markdown', 'Import Perch JSON…'];

test.describe('the Export menu', () => {
  // Firefox opens its downloads panel as a download starts, and the panel takes the focus out of the page (where keys
  // sent over BiDi do not reach; a person closes it with Escape). Told not to, Firefox leaves the focus to Perch.
  test.use({ firefoxPrefs: { 'browser.download.alwaysOpenPanel': false } });

  test('exports the bookmarks from the Export menu with the keyboard alone, the focus back on Export, in Firefox', async ({ ff }) => {
    const page = await bookmarksRead(ff);
    const menuOpen = () => page.$$eval('[role="menu"]', (menus) => menus.filter((m) => m.getClientRects().length > 0).length);

    // Enter opens the menu on its first item; ArrowDown moves; Enter saves the file and gives the focus back to Export.
    await tabTo(page, 'Export', 'button');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusOn(page, 'Export JSON', 'menuitem')).toBe(true);
    await expectFocusShown(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusOn(page, 'Export CSV', 'menuitem')).toBe(true);
    await page.keyboard.press('Enter');
    // The file as Firefox saved it (waited for: quitting mid-download would stop at Firefox's prompt): one .csv, no .part.
    await expect.poll(() => readdirSync(ff.downloads)).toEqual([expect.stringMatching(/\.csv$/)]);
    await expect
      .poll(() => page.$$eval(`${PANEL} [role="status"]`, (all) => all.map((s) => s.textContent ?? '')))
      .toContainEqual(expect.stringMatching(words.savedCsv));
    expect(await menuOpen()).toBe(0);
    expect(await focusOn(page, 'Export', 'button')).toBe(true);
    await expectFocusShown(page);

    // Open again: the menu passes an axe scan with each item named for its words; ArrowDown reaches every item.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusOn(page, 'Export JSON', 'menuitem')).toBe(true);
    await scanFirefox(page, 'manager, Bookmarks, Export menu open');
    expect(await page.$$eval(`${PANEL} [role="menu"] [role="menuitem"]`, (all) => all.map((i) => i.textContent))).toEqual(EXPORT_ITEMS);
    for (const item of EXPORT_ITEMS.slice(1)) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusOn(page, item, 'menuitem')).toBe(true);
    }
    // Escape from the open menu closes it, the focus back on Export.
    await page.keyboard.press('Escape');
    await expect.poll(menuOpen).toBe(0);
    expect(await focusOn(page, 'Export', 'button')).toBe(true);
    await expectFocusShown(page);
  });
});

test('removing a searched tag takes its card off the list, the focus kept in the list, in Firefox', async ({ ff }) => {
  const page = await bookmarksRead(ff);

  // Two cards tagged birds; only they are shown.
  for (const n of [1, 2]) {
    await tabToMatch(page, `${card(n)} input[aria-label^="Add tag — @"]`);
    await page.keyboard.type(words.tag);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${card(n)} button[aria-label^="Remove tag ${words.tag} — "]`);
  }
  await tabTo(page, 'Search bookmarks', 'searchbox');
  await page.keyboard.type(words.tagged);
  await expect.poll(() => countOf(page)).toMatch(/^2 of 800 /);

  // Its tag removed, the first card leaves: the focus goes to the card in its place, not to the page.
  await tabToMatch(page, `${card(1)} button[aria-label^="Remove tag ${words.tag} — "]`);
  await page.keyboard.press('Enter');
  await expect.poll(() => countOf(page)).toMatch(/^1 of 800 /);
  expect(await focusDropped(page), 'the focus stays in the list when a card leaves it').toBe(false);
  await expect.poll(() => page.evaluate((c) => !!document.querySelector(c)?.contains(document.activeElement), card(1))).toBe(true);
  await expectFocusShown(page);
});
