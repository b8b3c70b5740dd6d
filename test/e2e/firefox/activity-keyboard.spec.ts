import type { ElementHandle, Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expectFocusShown, tabToElementInFirefox } from '../support/focus';
import { walkTabStopsInFirefox } from '../support/tab-walk';
import { expect, menuClick, signIn, test, textOf } from './fixtures';

/**
 * The manager's Activity tab with the keyboard alone, in Firefox (chromium/activity-keyboard.spec.ts walks the side
 * panel's in Chromium): a bookmark X took (Undo), a mute X refused (403, "Forbidden":
 * x-api--fundamentals--response-codes-and-errors; no Retry, it would be refused again), a repost X does not answer
 * (503, "Service Unavailable": Perch tries again by itself; Cancel), and a mute that waits for the person (the app out
 * of credits: Retry). Every control is met in order, named for its visible label first; Retry, Cancel and Undo, pressed
 * with Enter, take their button away, and the row's words saying the new state keep the focus, shown, never dropped to
 * the page (Firefox drops it from a button that goes). Actions are queued from a right-click entry on x.com (the test
 * build's `perchTest` hook).
 */

const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;
const XDEV = { id: '2244994945', username: 'XDevelopers' };
const PANEL = '[role="tabpanel"]:not([hidden])';
const BOOKMARK = 'Bookmark a post by @gracehop';
const REPOST = 'Repost a post by @gracehop';
const MUTE = `Mute @${XDEV.username}`;

const rowCount = (page: Page) => page.$$eval(`${PANEL} li.activity-item`, (rows) => rows.length);

/** The shown tab's button whose accessible name is `name`, as the page holds it now. */
async function button(page: Page, name: string): Promise<ElementHandle<Element>> {
  return (await page.waitForSelector(`${PANEL} ::-p-aria(${name}[role="button"])`))!;
}

/** Presses `name` with Enter; the first row whose words read `state` has the focus, shown, never dropped on the way. */
async function pressAndKeep(page: Page, name: string, state: string): Promise<void> {
  await tabToElementInFirefox(page, await button(page, name), `button “${name}”`);
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { message: `the focus on “${state}” after ${name}` })
    .toBe(state);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('activity-state'))).toBe(true);
  await expectFocusShown(page);
  expect(await page.evaluate(focusDrops), `the focus never fell to the page after ${name}`).toEqual([]);
}

test('reaches and presses Retry, Cancel and Undo in the manager’s Activity with the keyboard alone, in Firefox', async ({ ff, emu }) => {
  test.setTimeout(180_000);
  await signIn(ff, ff.options);
  await menuClick(ff, 'perch-bookmark-post', POST_LINK);
  await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'status', status: 403 });
  await menuClick(ff, 'perch-mute-account', `https://x.com/${XDEV.username}`);
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/retweets`, count: 50, kind: 'status', status: 503 });
  await menuClick(ff, 'perch-repost-post', POST_LINK);

  const page = await ff.open('manager', '#activity');
  await page.bringToFront();
  await expect.poll(() => rowCount(page), { timeout: 30_000 }).toBe(3);
  await expect.poll(() => textOf(page, `${PANEL} li.activity-item:first-child .activity-state`)).toMatch(/^Queued until /);
  expect(await textOf(page, `${PANEL} li.activity-item:nth-child(2) .activity-state`)).toMatch(/^Failed: X does not allow this\./);

  // Newest first, each control named for its visible label, then for the action: the refused mute has no Retry.
  const stops = (await walkTabStopsInFirefox(page)).map((s) => `${s.kind} ${s.words}`);
  expect(stops.slice(stops.indexOf('a View post'))).toEqual([
    'a View post',
    'button Cancel',
    'a View profile',
    'a View post',
    'button Undo',
  ]);
  const names = await page.$$eval(`${PANEL} li.activity-item :is(a, button)`, (els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names).toEqual([
    `View post: ${REPOST}`,
    `Cancel: ${REPOST}`,
    `View profile: ${MUTE}`,
    `View post: ${BOOKMARK}`,
    `Undo: ${BOOKMARK}`,
  ]);
  // The walk went to the page's end: from the top again, where Firefox's toolbar gives the keys back.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });

  // A mute that waits for the person (out of credits): Retry sends it, X takes it; its words keep the focus.
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'usage_capped' });
  await menuClick(ff, 'perch-mute-account', `https://x.com/${XDEV.username}`);
  await page.bringToFront();
  await expect.poll(() => rowCount(page)).toBe(4);
  await pressAndKeep(page, `Retry: ${MUTE}`, 'Done');
  await expect.poll(async () => (await emu.relations()).muting).toContain(XDEV.id);

  // Cancel the repost X does not answer: never sent, and the words say so.
  await pressAndKeep(page, `Cancel: ${REPOST}`, 'Cancelled before it was sent');
  await emu.clearFaults();
  expect((await emu.relations()).reposts).not.toContain(POST);

  // Undo the bookmark: X removes it; the row says it was done, then undone.
  await pressAndKeep(page, `Undo: ${BOOKMARK}`, 'Done, then undone');
  await expect.poll(async () => (await emu.relations()).bookmarks).not.toContain(POST);
});
