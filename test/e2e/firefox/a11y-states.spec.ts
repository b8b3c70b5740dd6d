import type { Page } from 'puppeteer-core';
import { SECOND_USER_ID } from '../../emulator/seed';
import {
  BOOKMARK_REFUSED,
  BOOKMARK_UNREACHABLE,
  EMPTY_TABS,
  EMPTY_TABS_JA,
  emptyOnX,
  heldOnX,
  HOLDS_NOTHING,
  KEPT_OFFLINE_NOTE,
  KEPT_OFFLINE_ROW,
  keptAfterTries,
  MUTED_SYNC_LIMITED,
  NO_BOOKMARKS_JA,
  NOTHING_TABS,
  NOTHING_USER,
  READ_UNANSWERED,
  REFUSED_WORDS,
  STATE_PAGES,
  SYNC_WAITING_WORDS,
  UNANSWERED_WORDS,
} from '../support/a11y-states';
import { FIREFOX_DARK_PREFS, scanFirefox } from '../support/axe-firefox';
import { ADA, type EmulatorControl } from '../support/emulator-control';
import { popupOn } from '../support/firefox-popup';
import { readTable } from '../support/idb';
import { expectWordsWhole } from '../support/words-whole';
import { expect, findPage, setViewportSize, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * The screen states a11y.spec.ts does not reach, scanned by axe-core in Firefox (test/e2e/support/axe-firefox.ts), the
 * same states as test/e2e/chromium/a11y-states.spec.ts (test/e2e/support/a11y-states.ts): each dialog open, the list
 * picker, a post X no longer has, a post X did not answer for, an action X refused, the privacy page, Check my X app's
 * results, the manager's tabs when the account has nothing in them (in English and in Japanese), an action kept while
 * X cannot be reached (in the popup and in Activity) and a sync waiting for X's limit. One Firefox a colour scheme: Ada
 * signs out through the dialog scanned, and Grace (who has nothing) signs in for the empty tabs. The states added
 * since are measured whole at the popup's width and the sidebar's narrowest too (test/e2e/support/words-whole.ts).
 */

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const openDialogs = (page: Page) => page.$$eval('dialog[open]', (d) => d.length);
const PANEL = '[role="tabpanel"]:not([hidden])';
/** The words of every status line in the tab shown. */
const statuses = (page: Page) => page.$$eval(`${PANEL} [role="status"]`, (lines) => lines.map((l) => l.textContent ?? ''));

/** Shows the sidebar's `tab` and waits for something in it. */
async function showTab(page: Page, tab: string): Promise<void> {
  await aria(page, tab, 'tab').click();
  await expect.poll(() => page.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
  await expect.poll(() => textOf(page, PANEL)).not.toBe('');
}

async function scanPopupStates(ff: FirefoxPerch, emu: EmulatorControl): Promise<string[]> {
  const scanned: string[] = [];
  // A tab the link opens is not one WebDriver BiDi may drive: the test opens the page the link names.
  expect(await ff.options.$eval('::-p-text(Privacy policy)', (a) => a.closest('a')?.getAttribute('href'))).toBe('/privacy.html');
  const privacy = await ff.open('privacy');
  await expect.poll(() => textOf(privacy, 'h1')).toBe('Perch privacy policy');
  scanned.push(await scanFirefox(privacy, 'privacy policy'));
  await privacy.close();

  await ff.options.bringToFront();
  await signIn(ff, ff.options);
  await aria(ff.options, 'Check my X app', 'button').click();
  await aria(ff.options, 'Check my X app results', 'list').wait();
  scanned.push(await scanFirefox(ff.options, 'settings, Check my X app results'));
  // Blocking through Perch is offered on the Enterprise plan only.
  await aria(ff.options, 'My X app is on the Enterprise plan', 'checkbox').click();
  await expect.poll(() => textOf(ff.options, 'p.status')).toBe('Perch now replies, quotes and blocks through your app.');

  const post = await popupOn(ff, STATE_PAGES.others);
  await aria(post, 'Block @gracehop', 'button').click();
  await aria(post, 'Block @gracehop?', 'dialog').wait();
  scanned.push(await scanFirefox(post, 'popup, block @gracehop?'));
  await post.keyboard.press('Escape');
  await expect.poll(() => openDialogs(post)).toBe(0);
  await aria(post, 'Add @gracehop to a list…', 'button').click();
  await post.locator('::-p-aria(Lists for @gracehop[role="region"]) ::-p-aria(Add to “Reading list 📚”[role="button"])').wait();
  scanned.push(await scanFirefox(post, 'popup, list picker'));
  await post.close();

  const gone = await popupOn(ff, STATE_PAGES.gone);
  await aria(gone, 'This post', 'region').wait();
  scanned.push(await scanFirefox(gone, 'popup, a post X does not have'));
  await gone.close();

  await emu.fault(READ_UNANSWERED);
  const unanswered = await popupOn(ff, STATE_PAGES.unanswered);
  await expect.poll(() => textOf(unanswered, '.post-panel [role="alert"]')).toContain(UNANSWERED_WORDS);
  scanned.push(await scanFirefox(unanswered, 'popup, X did not answer for a post'));
  await unanswered.close();
  await emu.clearFaults();

  await emu.fault(BOOKMARK_REFUSED);
  const refused = await popupOn(ff, STATE_PAGES.refused);
  await aria(refused, 'Bookmark', 'button').click();
  await expect.poll(() => textOf(refused, '.quick-notes [role="alert"]')).toContain(REFUSED_WORDS);
  scanned.push(await scanFirefox(refused, 'popup, X refused a bookmark'));
  await refused.close();

  const own = await popupOn(ff, STATE_PAGES.own);
  await aria(own, 'Delete post', 'button').click();
  await own.waitForSelector('dialog[open]');
  scanned.push(await scanFirefox(own, 'popup, delete this post?'));
  await own.keyboard.press('Escape');
  await expect.poll(() => openDialogs(own)).toBe(0);
  await aria(own, `${ADA.name} @${ADA.username}`, 'button').click();
  await aria(own, 'Sign out', 'menuitem').click();
  await own.waitForSelector('dialog[open]');
  scanned.push(await scanFirefox(own, 'popup, sign out?'));
  await own.locator('dialog[open] ::-p-aria(Sign out[role="button"])').click();
  await aria(own, 'Sign in with X', 'button').wait();
  await own.close();
  return scanned;
}

interface EmptyWords {
  signIn: string;
  noBookmarks: string;
  /** Each tab, and what it says once it has read that there is nothing ('' : anything). */
  tabs: readonly (readonly [string, string])[];
  width: number;
  /** Who signs in: Grace unless told. */
  user?: { id: string; username: string };
}

const GRACE = { id: SECOND_USER_ID, username: 'gracehop' };
/** Perch's English, and what each empty tab says: found by its name, scanned once something is in it. */
const EMPTY_EN: EmptyWords = {
  signIn: 'Sign in with X',
  noBookmarks: 'You have no bookmarks on X.',
  tabs: EMPTY_TABS.map((t) => [t, '']),
  width: 360,
};
/** Perch's Japanese: each tab scanned once it says it has nothing, at the sidebar's narrowest, its words measured. */
const EMPTY_JA: EmptyWords = { signIn: 'Xでログイン', noBookmarks: NO_BOOKMARKS_JA, tabs: EMPTY_TABS_JA, width: 320 };
/** The Lists and Muted tabs Grace never has empty, of an account with nothing on X, scanned once they say so. */
const NOTHING_EN: EmptyWords = { ...EMPTY_EN, tabs: NOTHING_TABS, user: NOTHING_USER };

async function scanEmptyTabs(ff: FirefoxPerch, emu: EmulatorControl, words: EmptyWords = EMPTY_EN): Promise<string[]> {
  const ja = words === EMPTY_JA;
  const user = words.user ?? GRACE;
  // Grace (the emulator's second account) has no bookmarks, blocks no one and has no drafts; in Japanese, her Lists
  // and her one mute are taken away on X too. The account with nothing holds nothing on X from the start.
  if (words.user) expect(await heldOnX(emu, user.id)).toEqual(HOLDS_NOTHING);
  await emu.setSessionUser(user.id);
  await ff.options.bringToFront();
  await aria(ff.options, words.signIn, 'button').click();
  await (await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'))).locator('::-p-aria(Authorize app[role="button"])').click();
  await ff.options.locator(`::-p-text(@${user.username})`).wait();
  if (ja) await emptyOnX(emu, SECOND_USER_ID);
  const page = await ff.open('manager', '#bookmarks');
  await setViewportSize(page, words.width, 800);
  await page.locator(`::-p-text(${words.noBookmarks})`).wait();
  const check = async (state: string, shot: string) => {
    if (ja) await expectWordsWhole(page, `ff-ja-manager-empty-${shot}`);
    return scanFirefox(page, ja ? `${state}, in Japanese` : words.user ? `${state}, nothing on X` : state);
  };
  const scanned = [await check('manager, no bookmarks', 'bookmarks')];
  for (const [tab, none] of words.tabs) {
    await showTab(page, tab);
    await expect.poll(() => textOf(page, PANEL)).toContain(none);
    scanned.push(await check(`manager, ${tab}, for an account with none`, tab));
  }
  return scanned;
}

/**
 * A bookmark kept while X cannot be reached, in the popup and as Activity's queued row, then the Muted tab's sync
 * waiting for X's limit: each measured whole, then scanned.
 */
async function scanKeptAndWaiting(ff: FirefoxPerch, emu: EmulatorControl): Promise<string[]> {
  test.setTimeout(300_000);
  await signIn(ff, ff.options);
  await emu.fault(BOOKMARK_UNREACHABLE);
  const post = await popupOn(ff, STATE_PAGES.others);
  await expect.poll(() => textOf(post, '.post-card')).toContain('@gracehop');
  await aria(post, 'Bookmark', 'button').click();
  await expect.poll(async () => keptAfterTries(await post.evaluate(readTable, 'actions')), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => textOf(post, '.quick-notes')).toMatch(KEPT_OFFLINE_NOTE);
  await setViewportSize(post, 360, 1200);
  await expectWordsWhole(post, 'ff-popup-kept-offline');
  const scanned = [await scanFirefox(post, 'popup, a bookmark kept while X cannot be reached')];
  await post.close();

  const panel = await ff.open('sidepanel');
  await setViewportSize(panel, 320, 1200);
  await showTab(panel, 'Activity');
  await expect.poll(() => textOf(panel, `${PANEL} .activity-state`)).toMatch(KEPT_OFFLINE_ROW);
  await panel.waitForSelector(`${PANEL} button[aria-label^="Cancel: "]`);
  await expectWordsWhole(panel, 'ff-sidebar-activity-kept-offline');
  scanned.push(await scanFirefox(panel, 'sidebar, Activity, a bookmark kept while X cannot be reached'));

  await emu.fault(MUTED_SYNC_LIMITED);
  await showTab(panel, 'Muted');
  await expect.poll(async () => (await statuses(panel)).some((line) => SYNC_WAITING_WORDS.test(line))).toBe(true);
  await expectWordsWhole(panel, 'ff-sidebar-muted-waiting');
  scanned.push(await scanFirefox(panel, 'sidebar, Muted, a sync waiting for X’s limit'));
  return scanned;
}

async function scanAll(ff: FirefoxPerch, emu: EmulatorControl): Promise<string[]> {
  // Each scan takes a second or two: more than the suite's 90 s for one test.
  test.setTimeout(300_000);
  return [...(await scanPopupStates(ff, emu)), ...(await scanEmptyTabs(ff, emu))];
}

test.describe('more screen states pass an axe scan in Firefox', () => {
  test('light', async ({ ff, emu }) => {
    const scanned = await scanAll(ff, emu);
    expect(scanned).toHaveLength(15);
    expect(scanned.every((s) => s.endsWith('(light)'))).toBe(true);
  });

  test('an action kept while X cannot be reached, and a sync waiting for X’s limit, light', async ({ ff, emu }) => {
    const scanned = await scanKeptAndWaiting(ff, emu);
    expect(scanned).toHaveLength(3);
    expect(scanned.every((s) => s.endsWith('(light)'))).toBe(true);
  });

  test.describe('dark', () => {
    test.use({ firefoxPrefs: FIREFOX_DARK_PREFS });
    test('dark', async ({ ff, emu }) => {
      const scanned = await scanAll(ff, emu);
      expect(scanned).toHaveLength(15);
      expect(scanned.every((s) => s.endsWith('(dark)'))).toBe(true);
    });

    test('an action kept while X cannot be reached, and a sync waiting for X’s limit, dark', async ({ ff, emu }) => {
      const scanned = await scanKeptAndWaiting(ff, emu);
      expect(scanned).toHaveLength(3);
      expect(scanned.every((s) => s.endsWith('(dark)'))).toBe(true);
    });

    test('the Lists and Muted tabs of an account with nothing on X, dark', async ({ ff, emu }) => {
      test.setTimeout(300_000);
      const scanned = await scanEmptyTabs(ff, emu, NOTHING_EN);
      expect(scanned).toHaveLength(3);
      expect(scanned.every((s) => s.endsWith('(dark)'))).toBe(true);
    });
  });

  test('the Lists and Muted tabs of an account with nothing on X, light', async ({ ff, emu }) => {
    test.setTimeout(300_000);
    const scanned = await scanEmptyTabs(ff, emu, NOTHING_EN);
    expect(scanned).toHaveLength(3);
    expect(scanned.every((s) => s.endsWith('(light)'))).toBe(true);
  });

  test.describe('in Japanese, dark', () => {
    test.use({ lang: 'ja', firefoxPrefs: FIREFOX_DARK_PREFS });
    test('every manager tab of an account with nothing in it, read whole at 320 px, dark', async ({ ff, emu }) => {
      test.setTimeout(300_000);
      const scanned = await scanEmptyTabs(ff, emu, EMPTY_JA);
      expect(scanned).toHaveLength(6);
      expect(scanned.every((s) => s.endsWith('(dark)'))).toBe(true);
    });
  });

  test.describe('in Japanese', () => {
    test.use({ lang: 'ja' });
    test('every manager tab of an account with nothing in it, read whole at 320 px', async ({ ff, emu }) => {
      test.setTimeout(300_000);
      const scanned = await scanEmptyTabs(ff, emu, EMPTY_JA);
      expect(scanned).toHaveLength(6);
      expect(scanned.every((s) => s.endsWith('(light)'))).toBe(true);
    });
  });
});
