import type { Page } from 'puppeteer-core';
import { SEED_BLOCKED_IDS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expectFocusShown, hasFocus, tabToElementInFirefox, tabToInFirefox as tabTo } from '../support/focus';
import { focusDropped } from '../support/tab-walk';
import { expect, sayEnterprisePlan, signIn, test, textOf } from './fixtures';

/**
 * The manager's Blocked tab on the Enterprise plan (X lets apps unblock only there: x-api--users--blocks--introduction)
 * with the keyboard alone, in Firefox: Unblock pressed with Enter takes its row away and the status line, which says it
 * was done, keeps the focus; Undo there blocks again without asking (the block was asked when it was made), the focus
 * on the line; an Unblock X does not answer (503: x-api--fundamentals--response-codes-and-errors, "Service
 * Unavailable") waits, and the line says when Perch tries again; the Activity tab's Cancel of it puts the account back.
 * The focus is never on the page itself, not even for the frame between the button going and the line taking the focus
 * (Undo's line took it in an effect run after the browser drew the change), nor after Sync now, pressed with Enter,
 * while its sync runs (it was natively disabled then, and Firefox drops the focus from such a button). The sidebar's walk
 * (sidebar-keyboard.spec.ts) covers the self-serve Blocked tab, whose Unblock is a link to x.com.
 */

const PANEL = '[role="tabpanel"]:not([hidden])';
const FIRST = 'hiroshi_bot';

/** The focus is on the tab's status line, which says `said`, shown; it never fell to the page since `watchFocusDrops`. */
async function focusOnStatus(page: Page, said: RegExp): Promise<void> {
  const line = `${PANEL} [role="status"].mgr-note`;
  await expect.poll(() => textOf(page, line)).toMatch(said);
  expect(await (await page.waitForSelector(line))!.evaluate(hasFocus), 'the status line has the focus').toBe(true);
  await expectFocusShown(page);
  expect(await page.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
}

test('unblocks, undoes and waits on X with the keyboard alone on the Enterprise plan, the focus kept, in Firefox', async ({ ff, emu }) => {
  test.setTimeout(180_000);
  await emu.config({ enterprise: true });
  await signIn(ff, ff.options);
  await sayEnterprisePlan(ff);
  const page = await ff.open('manager', '#blocked');
  await page.bringToFront();
  const count = `${SEED_BLOCKED_IDS.length} blocked accounts`;
  await expect.poll(() => textOf(page, `${PANEL} .mgr-head`), { timeout: 30_000 }).toContain(count);

  // Sync now with Enter, X holding its answer: the sync runs, Sync now cannot be pressed and keeps the focus (Firefox
  // drops it to the page from a natively disabled button); once X answers, the tab says it synced.
  await emu.fault({ method: 'GET', path: `/2/users/${ADA.id}/blocking`, count: 1, kind: 'hold' });
  await tabTo(page, 'Sync now', 'button');
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await expect.poll(() => emu.held()).toBe(1);
  const syncNow = await page.locator('::-p-aria(Sync now[role="button"])').waitHandle();
  expect(await syncNow.evaluate((b) => b.getAttribute('aria-disabled'))).toBe('true');
  expect(await syncNow.evaluate(hasFocus), 'Sync now keeps the focus while its sync runs').toBe(true);
  await expectFocusShown(page);
  await emu.release();
  await expect.poll(() => syncNow.evaluate((b) => b.getAttribute('aria-disabled'))).toBe(null);
  expect(await syncNow.evaluate(hasFocus)).toBe(true);
  expect(await page.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);

  // Unblock with Enter: done, its row gone, the status line has the focus.
  await tabTo(page, `Unblock @${FIRST}`, 'button');
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await focusOnStatus(page, new RegExp(`^Unblock @${FIRST}: done\\.`));
  await expect.poll(async () => (await emu.relations()).blocking.length).toBe(SEED_BLOCKED_IDS.length - 1);

  // Undo with Enter: blocked again, without a question; the line says so and keeps the focus.
  await tabTo(page, `Undo: Unblock @${FIRST}`, 'button');
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await focusOnStatus(page, new RegExp(`^Unblock @${FIRST}: undone\\.`));
  expect(await page.$$('dialog[open]')).toHaveLength(0);
  await expect.poll(async () => (await emu.relations()).blocking.length).toBe(SEED_BLOCKED_IDS.length);

  // X does not answer the next Unblock: it waits, and the line says when Perch tries again, with the focus.
  await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/blocking/*`, count: 50, kind: 'status', status: 503 });
  const unblock = (await page.waitForSelector(`${PANEL} button[aria-label^="Unblock @"]`))!;
  const who = (await unblock.evaluate((b) => b.getAttribute('aria-label')))!.replace(/^Unblock /, '');
  await tabToElementInFirefox(page, unblock, `Unblock ${who}`);
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await focusOnStatus(page, new RegExp(`^Unblock ${who}: X is not answering; Perch tries again at `));

  // Activity, by the tab list's arrow keys: Cancel on the waiting Unblock; its words keep the focus, the account is
  // blocked on X still and back in the Blocked tab.
  await tabToElementInFirefox(page, (await page.waitForSelector('[role="tab"][aria-selected="true"]'))!, 'the selected tab');
  await page.keyboard.press('ArrowRight');
  await tabTo(page, `Cancel: Unblock ${who}`, 'button');
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  const cancelled = `${PANEL} .activity-cancelled .activity-state`;
  await expect.poll(() => textOf(page, cancelled)).toBe('Cancelled before it was sent');
  expect(await focusDropped(page), 'the focus is not on the page after Cancel').toBe(false);
  expect(await (await page.waitForSelector(cancelled))!.evaluate(hasFocus)).toBe(true);
  await expectFocusShown(page);
  expect(await page.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
  await emu.clearFaults();
  expect((await emu.relations()).blocking).toHaveLength(SEED_BLOCKED_IDS.length);
  await tabToElementInFirefox(page, (await page.waitForSelector('[role="tab"][aria-selected="true"]'))!, 'the selected tab');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain(count);
});
