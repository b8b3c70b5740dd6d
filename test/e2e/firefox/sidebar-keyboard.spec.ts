import type { KeyInput, Page } from 'puppeteer-core';
import { ADA } from '../support/emulator-control';
import { typeInto } from '../support/firefox-input';
import { expectFocusShown, focusOnInFirefox, hasFocus, tabToElementInFirefox, tabToInFirefox } from '../support/focus';
import { focusDropped, walkTabStopsInFirefox } from '../support/tab-walk';
import { expect, setViewportSize, signIn, test, textOf } from './fixtures';

/**
 * Firefox's sidebar (the side panel), 320 px wide, with the keyboard alone: Tab, Shift+Tab and the tab list's arrow
 * keys, Home and End. Each tab is walked from the top of the panel once its content is in: every stop in the order a
 * person sees it, each control named for the words it shows, its ring drawn; every control that takes the focus is met
 * by the walk, and none that takes it is out of sight. Unmute and its Undo (Muted) and Cancel (Activity) take their
 * button away: the focus stays on the words that say what happened, never dropped to the page.
 * (The Chromium walks are test/e2e/chromium/*-keyboard.spec.ts.)
 */

const PANEL = '[role="tabpanel"]:not([hidden])';
const SELECTED = '[role="tab"][aria-selected="true"]';
const LIST = 'Reading list 📚';
const DRAFT = 'A plain thought for later';

/** The panel's top, above the tab list: the account menu, the skip link, the composer, Open in a tab; then the tab. */
const top = (tab: string) => [
  `button ${ADA.name} @${ADA.username}`,
  `a Skip to ${tab}`,
  'summary New post',
  'button Open in a tab',
  `tab ${tab}`,
];

/**
 * In the page: each element that takes Tab but is out of sight (no size, see-through, or past the panel's sides), and
 * how many take Tab in all. The skip link is out of view until it has the focus (the walk checks it shows then).
 */
function tabbableHere(): { count: number; unseen: string[] } {
  const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[inert]') &&
      el.getClientRects().length > 0 &&
      el.checkVisibility({ visibilityProperty: true }),
  );
  const unseen = all
    .filter((el) => !el.classList.contains('skip-link'))
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width < 1 || r.height < 1 || !el.checkVisibility({ opacityProperty: true }) || r.left < -0.5 || r.right > innerWidth + 0.5;
    })
    .map((el) => `${el.getAttribute('role') ?? el.tagName.toLowerCase()} “${el.getAttribute('aria-label') ?? el.textContent ?? ''}”`);
  return { count: all.length, unseen };
}

/** In the page: what has the focus, as "role name" (its aria-label, or its words). */
function focusedHere(): string {
  const el = document.activeElement;
  if (!el || el === document.body) return 'the page';
  return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
}

async function shiftTab(page: Page): Promise<void> {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

/** From the focused stop, `n` Tabs forward, then Shift+Tab back over the same stops in reverse, each ring drawn. */
async function expectShiftTabRetraces(page: Page, n: number): Promise<void> {
  const forth = [await page.evaluate(focusedHere)];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    forth.push(await page.evaluate(focusedHere));
  }
  const back = [forth.at(-1)];
  for (let i = 0; i < n; i++) {
    await shiftTab(page);
    await expectFocusShown(page);
    back.push(await page.evaluate(focusedHere));
  }
  expect(back, 'Shift+Tab goes back over the stops Tab went through').toEqual(forth.toReversed());
}

/** Presses `keys` on the focused tab list: the tab named `name` is selected, has the focus, and shows it. */
async function arrowTo(page: Page, keys: readonly KeyInput[], name: string): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
  await expect.poll(() => textOf(page, SELECTED)).toBe(name);
  expect(await focusOnInFirefox(page, name, 'tab')).toBe(true);
  await expectFocusShown(page);
}

/**
 * Walks the panel from its top with Tab, `presses` stops, or without them every control that takes Tab, checking each
 * is met (never past the page's end, where Firefox takes the focus to its own toolbar); checks no control that takes
 * Tab is out of sight, and returns the stops as "kind words".
 */
async function walk(page: Page, presses?: number): Promise<string[]> {
  const { count, unseen } = await page.evaluate(tabbableHere);
  expect(unseen, 'controls that take Tab out of sight').toEqual([]);
  const stops = (await walkTabStopsInFirefox(page, presses ?? count)).map((s) => `${s.kind} ${s.words}`);
  if (presses === undefined) expect(stops.length, 'every control that takes Tab is met').toBe(count);
  expect((await page.evaluate(tabbableHere)).unseen, 'controls that take Tab out of sight, after the walk').toEqual([]);
  return stops;
}

/** The focus is on the panel's line saying what happened (`said`), shown: not dropped to the page. */
async function focusOnNote(page: Page, said: RegExp): Promise<void> {
  const note = `${PANEL} .mgr-note`;
  await expect.poll(() => textOf(page, note)).toMatch(said);
  expect(await focusDropped(page), 'the focus is not dropped to the page').toBe(false);
  await expect.poll(async () => (await page.waitForSelector(note))!.evaluate(hasFocus)).toBe(true);
  await expectFocusShown(page);
}

test('walks the sidebar’s tabs at 320 px with the keyboard alone, the focus kept, in Firefox', async ({ ff, emu }) => {
  test.setTimeout(240_000);
  await signIn(ff, ff.options);
  // A draft: a new post written in the popup and left.
  const popup = await ff.open('popup');
  await typeInto(popup, DRAFT, '.composer textarea');
  const page = await ff.open('sidepanel');
  await setViewportSize(page, 320, 700);
  await page.bringToFront();

  // Bookmarks, first: the search, the folder, Export, Sync now, then the first card's link and controls (and no stop
  // for the list's box).
  await expect.poll(() => textOf(page, `${PANEL} .bookmarks-count`), { timeout: 30_000 }).toBe('800 bookmarks');
  // Whole once the sync is done: X's folders read (their filter drawn) and Sync now back.
  await page.waitForSelector(`${PANEL} .bookmarks-folder select`);
  await page.locator(`::-p-aria(Sync now[role="button"])`).wait();
  const bookmarks = await walk(page, 14);
  expect(bookmarks.slice(0, 5)).toEqual(top('Bookmarks'));
  expect(bookmarks[5]).toMatch(/^tabpanel /);
  expect(bookmarks.slice(6)).toEqual([
    'input Search bookmarks',
    'select Folder',
    'button Export',
    'button Sync now',
    'a example.com/on-computable…',
    'input ',
    'a Open on X',
    'button Remove',
  ]);

  // The tab list is one Tab stop: its arrow keys move between the tabs, and round; Home and End go to the ends.
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await arrowTo(page, ['ArrowRight'], 'Lists');
  await arrowTo(page, ['ArrowLeft'], 'Bookmarks');
  await arrowTo(page, ['ArrowLeft'], 'Drafts');
  await arrowTo(page, ['Home'], 'Bookmarks');
  await arrowTo(page, ['End'], 'Drafts');
  await arrowTo(page, ['ArrowRight'], 'Bookmarks');
  await expectShiftTabRetraces(page, 8);

  // Lists: Sync now, New list, then each List's button and its Pin.
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await arrowTo(page, ['ArrowRight'], 'Lists');
  await page.locator(`::-p-aria(${LIST}[role="button"])`).wait();
  const lists = await walk(page, 12);
  expect(lists.slice(0, 5)).toEqual(top('Lists'));
  expect(lists.slice(6)).toEqual([
    'button Sync now',
    'button New list',
    `button ${LIST}`,
    'button Pin',
    'button Close friends 🔒',
    'button Pin',
  ]);
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await expectShiftTabRetraces(page, 6);
  // A Pin X answers "out of credits" (usage-capped, response-codes-and-errors): it waits for the person in Activity.
  await emu.fault({ method: 'POST', path: '/2/users/*', count: 1, kind: 'usage_capped' });
  await tabToInFirefox(page, `Pin ${LIST}`, 'button');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await emu.log()).some((e) => e.method === 'POST' && e.path.endsWith('/pinned_lists'))).toBe(true);

  // Muted: the link to muted words, Sync now, the lookup, the search, Export, then each account's Profile and Unmute.
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await arrowTo(page, ['ArrowRight'], 'Muted');
  await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain('41 muted accounts');
  const muted = await walk(page, 20);
  expect(muted.slice(0, 5)).toEqual(top('Muted'));
  expect(muted.slice(6)).toEqual([
    'a Open muted words on x.com',
    'button Sync now',
    'input Mute an account by @username',
    'input ',
    'button Export',
    ...Array.from({ length: 4 }, () => ['a Profile', 'button Unmute']).flat(),
    'a Profile',
  ]);
  await expectShiftTabRetraces(page, 10);
  // Unmute takes its row away: the line saying so has the focus; its Undo likewise.
  await tabToElementInFirefox(page, (await page.waitForSelector(`${PANEL} button[aria-label^="Unmute @"]`))!, 'the first Unmute');
  await page.keyboard.press('Enter');
  await focusOnNote(page, /: done\./);
  await tabToElementInFirefox(page, (await page.waitForSelector(`${PANEL} .mgr-note button[aria-label^="Undo: "]`))!, 'Undo');
  await page.keyboard.press('Enter');
  await focusOnNote(page, /: undone\./);

  // Blocked, on a self-serve app: Sync now, the lookup, the search, Export, then each account's Profile and Unblock.
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await arrowTo(page, ['ArrowRight'], 'Blocked');
  await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain('9 blocked accounts');
  const blocked = await walk(page, 16);
  expect(blocked.slice(0, 5)).toEqual(top('Blocked'));
  expect(blocked.slice(6)).toEqual([
    'button Sync now',
    'input Block an account by @username',
    'input ',
    'button Export',
    ...Array.from({ length: 3 }, () => ['a Profile', 'a Unblock']).flat(),
  ]);
  await expectShiftTabRetraces(page, 8);

  // Activity, newest first: the Undo of the unmute (a mute, undoable in turn), the unmute, then the waiting Pin's link
  // to its List, Retry and Cancel; every stop met, and the page's end not passed.
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await arrowTo(page, ['ArrowRight'], 'Activity');
  await page.locator(`::-p-aria(Cancel: Pin “${LIST}”[role="button"])`).wait();
  const activity = await walk(page);
  expect(activity.slice(0, 5)).toEqual(top('Activity'));
  expect(activity.slice(6)).toEqual(['a View profile', 'button Undo', 'a View profile', 'a View list', 'button Retry', 'button Cancel']);
  // Cancel takes Retry and Cancel away: the focus stays on the row's words, which say it was cancelled.
  await tabToInFirefox(page, `Cancel: Pin “${LIST}”`, 'button');
  await page.keyboard.press('Enter');
  const cancelled = `${PANEL} .activity-cancelled .activity-state`;
  await expect.poll(() => textOf(page, cancelled)).toBe('Cancelled before it was sent');
  expect(await focusDropped(page), 'the focus is not dropped to the page after Cancel').toBe(false);
  expect(await (await page.waitForSelector(cancelled))!.evaluate(hasFocus)).toBe(true);
  await expectFocusShown(page);

  // Drafts: the draft's Open and Delete; every stop met.
  await tabToElementInFirefox(page, (await page.waitForSelector(SELECTED))!, 'the selected tab');
  await arrowTo(page, ['End'], 'Drafts');
  await expect.poll(() => textOf(page, `${PANEL} [aria-label="Your drafts"]`)).toContain(DRAFT);
  const drafts = await walk(page);
  expect(drafts.slice(0, 5)).toEqual(top('Drafts'));
  expect(drafts.slice(6)).toEqual(['button Open', 'button Delete']);
});
