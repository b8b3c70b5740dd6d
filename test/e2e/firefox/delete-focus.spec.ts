import type { KeyInput, Page } from 'puppeteer-core';
import { SEED_LISTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { typeInto } from '../support/firefox-input';
import { expectFocusShown, focusedName, focusOnInFirefox, hasFocus, tabToElementInFirefox, tabToInFirefox } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, signIn, test, textOf } from './fixtures';

/**
 * Where the focus goes, and that it shows, when the side panel's questions and the account menu close by the keyboard
 * alone in Firefox: the Delete draft dialog and the Delete list question, answered with Enter on their Cancel, with
 * Escape, and confirmed; the account menu closed with Escape and by choosing an item. Each time the focus is on a
 * control or line a person can see (never the page), and its ring is drawn; while X has not yet answered the List's
 * deletion (a `hold` fault on deleteLists), the focus is on the line saying it is on its way, never fallen to the
 * page on the way there. The tabs are reached by the keyboard too:
 * Tab to the tab list, then its keys (no mouse: a click lands where a control was, before the session's header).
 */

/** Waits until the focus is on what is named `name` (or whose words start so), then checks it shows. */
async function focusLandsOn(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.evaluate(focusedName)).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expectFocusShown(page);
}

/**
 * Opens the manager's tab named `name` by the keyboard: Tab to the tab list (one Tab stop, on its selected tab), then
 * `keys` (its arrow keys, Home, End); waits until that tab is selected and has the focus.
 */
async function openTab(page: Page, keys: readonly KeyInput[], name: string): Promise<void> {
  const selected = '[role="tab"][aria-selected="true"]';
  await tabToElementInFirefox(page, (await page.waitForSelector(selected))!, 'the selected tab');
  for (const key of keys) await page.keyboard.press(key);
  await expect.poll(() => page.$eval(selected, (t) => t.textContent)).toBe(name);
  expect(await focusOnInFirefox(page, name, 'tab')).toBe(true);
}

async function shiftTab(page: Page): Promise<void> {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

/**
 * Walks a Delete question opened from the focused `opener` by keyboard: Enter on `keep` (its Cancel) and Escape each
 * give the focus back to the opener, shown; then Shift+Tab from `keep` to `confirm`, `before` (if any), and Enter.
 */
async function answerQuestion(page: Page, opener: string, keep: string, confirm: string, before?: () => Promise<void>): Promise<void> {
  await page.keyboard.press('Enter');
  expect(await focusOnInFirefox(page, keep, 'button')).toBe(true);
  await expectFocusShown(page);
  await page.keyboard.press('Enter');
  await focusLandsOn(page, opener);
  await page.keyboard.press('Enter');
  expect(await focusOnInFirefox(page, keep, 'button')).toBe(true);
  await page.keyboard.press('Escape');
  await focusLandsOn(page, opener);
  await page.keyboard.press('Enter');
  expect(await focusOnInFirefox(page, keep, 'button')).toBe(true);
  await shiftTab(page);
  expect(await focusOnInFirefox(page, confirm, 'button')).toBe(true);
  await before?.();
  await page.keyboard.press('Enter');
}

test('gives the focus back, shown, when the Delete questions and the account menu close by keyboard in Firefox', async ({ ff, emu }) => {
  test.setTimeout(180_000);
  await signIn(ff, ff.options);
  const popup = await ff.open('popup');
  await typeInto(popup, 'A plain thought for later', '.composer textarea');
  const panel = await ff.open('sidepanel');

  // The Delete draft dialog: Enter on Keep draft, Escape, then Delete draft.
  await openTab(panel, ['End'], 'Drafts');
  await expect.poll(() => textOf(panel, '[aria-label="Your drafts"]')).toContain('A plain thought for later');
  const deleteDraft = 'Delete draft: New post';
  await tabToInFirefox(panel, deleteDraft, 'button');
  await answerQuestion(panel, deleteDraft, 'Keep draft', 'Delete draft');
  // The row and its button are gone: the line saying so has the focus.
  await focusLandsOn(panel, 'Draft deleted: New post');

  // The account menu: Escape, then choosing the account in use, each back on the menu's button.
  const account = `${ADA.name} @${ADA.username}`;
  await tabToInFirefox(panel, account, 'button');
  for (const close of [['Escape'], ['Enter']] as const) {
    await panel.keyboard.press('Enter');
    expect(await focusOnInFirefox(panel, account, 'menuitemradio')).toBe(true);
    await expectFocusShown(panel);
    await panel.keyboard.press(close[0]);
    await expect.poll(() => panel.$$('.account-menu').then((m) => m.length)).toBe(0);
    await focusLandsOn(panel, account);
  }

  // The Delete list question: Enter on Keep it, Escape, then Yes, delete.
  await openTab(panel, ['Home', 'ArrowRight'], 'Lists');
  const list = 'Compiler folks 🛠️';
  await tabToElementInFirefox(panel, await panel.locator(`::-p-aria(${list}[role="button"])`).waitHandle(), list);
  await panel.keyboard.press('Enter');
  const deleteList = `Delete list ${list}`;
  await tabToInFirefox(panel, deleteList, 'button');
  // X holds its answer (deleteLists): the step is under way, and a keyboard user's next Tab must not start from the top.
  await answerQuestion(panel, deleteList, 'Keep it', `Yes, delete ${list}`, async () => {
    await emu.fault({ method: 'DELETE', path: `/2/lists/${SEED_LISTS.adaCompilers}`, count: 1, kind: 'hold' });
    await panel.evaluate(watchFocusDrops);
  });
  await expect.poll(() => emu.held()).toBe(1);
  await focusLandsOn(panel, `Delete the list “${list}”: sending to X…`);
  await emu.release();
  // Back at all Lists, the List's button gone with it: the line saying it is deleted has the focus, not the page.
  await expect.poll(() => panel.$$(`::-p-aria(${list}[role="button"])`).then((b) => b.length)).toBe(0);
  await focusLandsOn(panel, `Delete the list “${list}”: done.`);
  const note = await panel.waitForSelector('[role="tabpanel"]:not([hidden]) .mgr-note');
  expect(await note!.evaluate(hasFocus)).toBe(true);
  expect(await panel.evaluate(focusDrops), 'the focus never fell to the page while the List was deleted').toEqual([]);
});
