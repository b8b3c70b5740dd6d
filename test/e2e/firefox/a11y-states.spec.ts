import type { Page } from 'puppeteer-core';
import { SECOND_USER_ID } from '../../emulator/seed';
import { BOOKMARK_REFUSED, EMPTY_TABS, READ_UNANSWERED, REFUSED_WORDS, STATE_PAGES, UNANSWERED_WORDS } from '../support/a11y-states';
import { FIREFOX_DARK_PREFS, scanFirefox } from '../support/axe-firefox';
import { ADA, type EmulatorControl } from '../support/emulator-control';
import { popupOn } from '../support/firefox-popup';
import { expect, findPage, setViewportSize, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * The screen states a11y.spec.ts does not reach, scanned by axe-core in Firefox (test/e2e/support/axe-firefox.ts), the
 * same states as test/e2e/chromium/a11y-states.spec.ts (test/e2e/support/a11y-states.ts): each dialog open, the list
 * picker, a post X no longer has, a post X did not answer for, an action X refused, the privacy page, Check my X app's
 * results, and the manager's tabs when the account has nothing in them. One Firefox a colour scheme: Ada signs out
 * through the dialog scanned, and Grace (who has nothing) signs in for the empty tabs.
 */

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const openDialogs = (page: Page) => page.$$eval('dialog[open]', (d) => d.length);

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

async function scanEmptyTabs(ff: FirefoxPerch, emu: EmulatorControl): Promise<string[]> {
  // Grace (the emulator's second account) has no bookmarks, blocks no one and has no drafts.
  await emu.setSessionUser(SECOND_USER_ID);
  await ff.options.bringToFront();
  await aria(ff.options, 'Sign in with X', 'button').click();
  await (await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'))).locator('::-p-aria(Authorize app[role="button"])').click();
  await ff.options.locator('::-p-text(@gracehop)').wait();
  const page = await ff.open('manager', '#bookmarks');
  await setViewportSize(page, 360, 800);
  await page.locator('::-p-text(You have no bookmarks on X.)').wait();
  const scanned = [await scanFirefox(page, 'manager, no bookmarks')];
  for (const tab of EMPTY_TABS) {
    await aria(page, tab, 'tab').click();
    await expect.poll(() => page.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
    await expect.poll(() => textOf(page, '[role="tabpanel"]:not([hidden])')).not.toBe('');
    scanned.push(await scanFirefox(page, `manager, ${tab}, for an account with none`));
  }
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

  test.describe('dark', () => {
    test.use({ firefoxPrefs: FIREFOX_DARK_PREFS });
    test('dark', async ({ ff, emu }) => {
      const scanned = await scanAll(ff, emu);
      expect(scanned).toHaveLength(15);
      expect(scanned.every((s) => s.endsWith('(dark)'))).toBe(true);
    });
  });
});
