import type { Page } from 'puppeteer-core';
import { LONG_LIST_MEMBERS, LONG_LIST_NAME, longListReader, seedLongList } from '../../emulator/long-list';
import { scanFirefox } from '../support/axe-firefox';
import { expectFocusShown, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { hasButton } from '../support/firefox-popup';
import { expectMembersReadInThreePages, longListWords as words } from '../support/keyboard-walks';
import { expect, signIn, test } from './fixtures';

/**
 * "Load more members" on a List of more members than X gives in one page, with the keyboard alone in Firefox, in the
 * manager's Lists tab: each press adds X's next page, the focus staying on the button while there is more; the last
 * page takes the button away and hands the focus to the first member it brought, and Tab goes on from there.
 * (The Chromium walk is test/e2e/chromium/list-members-more-keyboard.spec.ts.)
 */

const MEMBERS = `[role="list"][aria-label="${words.members}"] > [role="listitem"]`;

/** The first member row's aria-setsize: how many members the list says it holds. */
const setSize = (page: Page) => page.$eval(MEMBERS, (row) => row.getAttribute('aria-setsize')).catch(() => '');

/** In the page: the focused element's list row, its place in the list, and whether it is inside the window. */
const focusedRow = (page: Page) =>
  page.evaluate((rows) => {
    const at = document.activeElement;
    const row = at?.closest(rows);
    const box = at?.getBoundingClientRect();
    return {
      posinset: row?.getAttribute('aria-posinset') ?? '',
      inView: !!box && box.top >= 0 && box.bottom <= innerHeight,
    };
  }, MEMBERS);

async function shiftTab(page: Page): Promise<void> {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

test('reads a long List’s members page by page with the keyboard, the focus kept near them, in Firefox', async ({ ff, emu, emulator }) => {
  test.setTimeout(180_000);
  seedLongList(emulator.state);
  await signIn(ff, ff.options);
  const page = await ff.open('manager', '#lists');

  await tabTo(page, LONG_LIST_NAME, 'button');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`))
    .toBe(`H2 ${LONG_LIST_NAME}`);

  await tabTo(page, words.load, 'button');
  await page.keyboard.press('Enter');
  // The rows are drawn a screenful at a time: each says how many there are in all.
  await expect.poll(() => setSize(page)).toBe('100');
  expect(await page.$eval(MEMBERS, (row) => row.textContent)).toContain(longListReader(1).name);

  await tabTo(page, words.more, 'button');
  await page.keyboard.press('Enter');
  await expect.poll(() => setSize(page)).toBe('200');
  // More to read: the focus stays on the button, for the next page.
  expect(await focusOn(page, words.more, 'button')).toBe(true);
  await expectFocusShown(page);

  await page.keyboard.press('Enter');
  await expect.poll(() => setSize(page)).toBe(String(LONG_LIST_MEMBERS));
  await expect.poll(() => hasButton(page, words.more)).toBe(false);
  // The last page read: the focus is on the first member it brought (the 201st), on their Profile, in sight.
  await expect.poll(() => focusOn(page, words.profile(201), 'link')).toBe(true);
  expect(await focusedRow(page)).toEqual({ posinset: '201', inView: true });
  await expectFocusShown(page);
  expect(await page.$$eval(MEMBERS, (rows) => rows.map((r) => r.textContent).join(' '))).toContain(
    `@${longListReader(LONG_LIST_MEMBERS).username}`,
  );
  await scanFirefox(page, 'manager, a followed List’s last page of members read');

  // Tab goes on from there, to the next member; Shift+Tab goes back up.
  await page.keyboard.press('Tab');
  expect(await focusOn(page, words.profile(202), 'link')).toBe(true);
  await shiftTab(page);
  await shiftTab(page);
  expect(await focusOn(page, words.profile(200), 'link')).toBe(true);
  await expectFocusShown(page);

  await expectMembersReadInThreePages(emu);
});
