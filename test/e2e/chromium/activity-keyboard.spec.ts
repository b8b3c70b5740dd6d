import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { menuClick, xHome } from '../support/x-home';
import { expect, signIn, test } from './fixtures';

/**
 * The side panel's Activity tab with the keyboard alone: the tab reached with Tab and the tab list's arrow keys, then
 * each entry's controls (View post or View profile, Undo, Retry, Cancel) reached with Tab, each named for its visible
 * label first and then for the action it acts on. Pressing Cancel, Retry or Undo takes that button away (the row's
 * state changes): the focus stays on the row's words, shown, never dropped to the page. Each state is scanned by axe.
 * The actions are queued from a right-click entry on x.com (the test build's `perchTest` hook), so the panel only
 * shows them; what X answers comes from the emulator's fault switch.
 */

const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;
const XDEV = { id: '2244994945', username: 'XDevelopers' };
const BOOKMARK = 'Bookmark a post by @gracehop';
const MUTE = `Mute @${XDEV.username}`;

/** The focus is on the page itself: dropped, after the control that had it went away. */
const focusDropped = (page: Page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

test('reaches and presses every Activity entry’s controls with the keyboard alone, the focus kept, in Chromium', async ({ perch, emu }) => {
  test.setTimeout(180_000);
  await signIn(perch, await perch.open('options'));
  const x = await xHome(perch);
  const worker = await perch.worker();
  // A bookmark X takes (done: Undo), and a mute that waits for the person: the X app is out of credits (Retry, Cancel).
  await menuClick(worker, x, 'perch-bookmark-post', POST_LINK);
  await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'usage_capped' });
  await menuClick(worker, x, 'perch-mute-account', `https://x.com/${XDEV.username}`);

  const page = await perch.open('sidepanel');
  await page.setViewportSize({ width: 360, height: 800 });
  const scanned: string[] = [];
  // The tab list is one Tab stop; End takes it to the last tab, ArrowLeft back one to Activity.
  await tabTo(page, page.getByRole('tab', { name: 'Bookmarks', selected: true }));
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const activityTab = page.getByRole('tab', { name: 'Activity', selected: true });
  await expect(activityTab).toBeFocused();
  const rows = page.getByRole('tabpanel', { name: 'Activity' }).getByRole('list', { name: 'What Perch did on X' }).getByRole('listitem');
  // Each row's text begins with its label (an Unmute's row holds "mute @…" too).
  const labelled = (label: string) => rows.filter({ hasText: new RegExp(`^${label}`) });
  const mute = labelled(MUTE);
  const bookmark = labelled(BOOKMARK);
  await expect(mute).toContainText('Waiting');
  await expect(bookmark).toContainText('Done');

  // Newest first: the mute's link, Retry and Cancel, then the bookmark's link and Undo, in that order, each named
  // by its visible label first.
  const order = [
    mute.getByRole('link', { name: `View profile: ${MUTE}`, exact: true }),
    mute.getByRole('button', { name: `Retry: ${MUTE}`, exact: true }),
    mute.getByRole('button', { name: `Cancel: ${MUTE}`, exact: true }),
    bookmark.getByRole('link', { name: `View post: ${BOOKMARK}`, exact: true }),
    bookmark.getByRole('button', { name: `Undo: ${BOOKMARK}`, exact: true }),
  ];
  await tabTo(page, order[0]!);
  for (const next of order.slice(1)) {
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    await expectFocusShown(page);
  }
  for (const [control, label] of [
    [order[0]!, 'View profile'],
    [order[1]!, 'Retry'],
    [order[2]!, 'Cancel'],
    [order[3]!, 'View post'],
    [order[4]!, 'Undo'],
  ] as const)
    await expect(control).toHaveText(label);
  scanned.push(await scan(page, 'side panel, Activity with a waiting, a done and an undoable entry'));

  // Cancel: the mute's Retry and Cancel go; the focus stays on the row's words, which say it was cancelled.
  await tabTo(page, order[2]!, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(mute).toContainText('Cancelled before it was sent');
  await expect(mute.getByRole('button')).toHaveCount(0);
  expect(await focusDropped(page), 'the focus stays in the Activity tab after Cancel').toBe(false);
  await expect(mute.getByText('Cancelled before it was sent')).toBeFocused();
  await expectFocusShown(page);
  expect((await emu.relations()).muting).not.toContain(XDEV.id);

  // Undo: the bookmark's Undo goes once X undid it; the focus stays on its row's words.
  await tabTo(page, order[4]!);
  await page.keyboard.press('Enter');
  await expect(bookmark).toContainText('Done, then undone');
  await expect.poll(async () => (await emu.relations()).bookmarks).not.toContain(POST);
  expect(await focusDropped(page), 'the focus stays in the Activity tab after Undo').toBe(false);
  await expect(bookmark.getByText('Done, then undone')).toBeFocused();
  await expectFocusShown(page);
  scanned.push(await scan(page, 'side panel, Activity after Cancel and Undo'));

  // Retry on a mute that waits for the person again: sent, done, and the focus stays on its words, with Undo next.
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'usage_capped' });
  await menuClick(worker, x, 'perch-mute-account', `https://x.com/${XDEV.username}`);
  await page.bringToFront();
  const waiting = mute.filter({ hasText: 'Waiting' });
  const retry = waiting.getByRole('button', { name: `Retry: ${MUTE}`, exact: true });
  await tabTo(page, retry, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await emu.relations()).muting).toContain(XDEV.id);
  const sent = rows.first();
  await expect(sent).toContainText('Done');
  expect(await focusDropped(page), 'the focus stays in the Activity tab after Retry').toBe(false);
  await expect(sent.getByText('Done', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sent.getByRole('link', { name: `View profile: ${MUTE}`, exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sent.getByRole('button', { name: `Undo: ${MUTE}`, exact: true })).toBeFocused();
  expect(scanned).toHaveLength(2);
});
