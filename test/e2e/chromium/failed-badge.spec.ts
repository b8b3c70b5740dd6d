import type { Worker } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { unreachable, UNREACHABLE } from '../support/unreachable';
import { menuClick, xHome } from '../support/x-home';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * A queued action that fails (issue 15): the toolbar badge counts it and its title says what failed, whatever Perch
 * page is open; the popup's first line says it too — and once shown there, it leaves the badge — and offers Retry,
 * Undo or Dismiss. The actions are queued from a context-menu click on x.com (the test build's `perchTest` hook calls
 * the listener the browser calls), so no Perch page shows them; what X answers comes from the emulator's fault switch.
 */

const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;
const XDEV = { id: '2244994945', username: 'XDevelopers' };

const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));
const badgeTitle = (worker: Worker) => worker.evaluate(() => chrome.action.getTitle({}));

test.describe('word when a queued action fails (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await options.close();
  });

  test('X refuses a bookmark: the badge says it, the popup’s first line says it and the badge clears, Retry sends it', async ({
    perch,
    emu,
  }) => {
    const x = await xHome(perch);
    const worker = await perch.worker();
    expect(await badgeText(worker)).toBe('');
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    await menuClick(worker, x, 'perch-bookmark-post', POST_LINK);

    await expect.poll(() => badgeText(worker)).toBe('1');
    expect(await badgeTitle(worker)).toMatch(/^Perch: Bookmark a post by @gracehop: not done\. X does not allow this\./);
    expect((await emu.relations()).bookmarks).not.toContain(POST);

    const popup = await popupOn(perch, 'https://x.com/home');
    const line = popup.getByRole('region', { name: 'Actions that need you' });
    await expect(line).toContainText('Bookmark a post by @gracehop: not done. X does not allow this.');
    await scan(popup, 'popup, a queued action failed');
    // Said to the person in the popup: the badge has nothing left to tell, and stays so after a worker restart.
    await expect.poll(() => badgeText(worker)).toBe('');
    await line.getByRole('button', { name: 'Retry: Bookmark a post by @gracehop' }).click();

    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
    await expect(line).toHaveCount(0);
    expect(await badgeText(worker)).toBe('');
  });

  test('out of credits waits for the person; with a refusal the line reads “2 actions failed”; Undo and Dismiss clear it', async ({
    perch,
    emu,
  }) => {
    const x = await xHome(perch);
    const worker = await perch.worker();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'usage_capped' });
    await menuClick(worker, x, 'perch-bookmark-post', POST_LINK);
    await expect.poll(() => badgeText(worker)).toBe('1');
    expect(await badgeTitle(worker)).toMatch(/^Perch: Bookmark a post by @gracehop: waiting for you\. Your X app is out of credits/);

    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'status', status: 403 });
    await menuClick(worker, x, 'perch-mute-account', `https://x.com/${XDEV.username}`);
    await expect.poll(() => badgeText(worker)).toBe('2');
    expect(await badgeTitle(worker)).toBe('Perch: 2 actions failed');

    const popup = await popupOn(perch, 'https://x.com/home');
    const line = popup.getByRole('region', { name: 'Actions that need you' });
    await expect(line.getByText('2 actions failed')).toBeVisible();
    // Shown in the popup: off the badge, still on the line until the person acts.
    await expect.poll(() => badgeText(worker)).toBe('');
    await line.getByRole('button', { name: 'Show them' }).click();
    await scan(popup, 'popup, two failed actions shown');
    await line.getByRole('button', { name: 'Undo: Bookmark a post by @gracehop' }).click();
    // Not sent: X never gets the bookmark, and one failure is left.
    await expect(line).toContainText(`Mute @${XDEV.username}: not done.`);
    await line.getByRole('button', { name: `Dismiss: Mute @${XDEV.username}` }).click();
    await expect(line).toHaveCount(0);
    // Opened again: nothing left to say.
    const again = await popupOn(perch, 'https://x.com/home');
    await expect(again.getByRole('button', { name: 'New post' })).toBeVisible();
    await expect(again.getByRole('region', { name: 'Actions that need you' })).toHaveCount(0);
    expect(await badgeText(worker)).toBe('');
    expect((await emu.relations()).bookmarks).not.toContain(POST);
    expect((await emu.relations()).muting).not.toContain(XDEV.id);
  });

  test('a Dismiss the background cannot take is said in the line’s alert, there and empty before the click', async ({ perch, emu }) => {
    const x = await xHome(perch);
    const worker = await perch.worker();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    await menuClick(worker, x, 'perch-bookmark-post', POST_LINK);
    await expect.poll(() => badgeText(worker)).toBe('1');

    const popup = await popupOn(perch, 'https://x.com/home');
    const line = popup.getByRole('region', { name: 'Actions that need you' });
    await expect(line).toContainText('Bookmark a post by @gracehop: not done.');
    // The region a screen reader watches is there before it speaks, so the words that fill it are read out.
    const alert = line.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toHaveText('');
    // From here on the popup's word that the person saw the failure finds no background (its worker gone).
    await unreachable(popup, 'failures.seen');
    await line.getByRole('button', { name: 'Dismiss: Bookmark a post by @gracehop' }).click();
    await expect(alert).toHaveText(UNREACHABLE);
    await expect(alert).toBeVisible();
  });

  test('a manager tab open in another tab does not hide a failure: the badge counts it until Activity shows its row', async ({
    perch,
    emu,
  }) => {
    const manager = await perch.open('manager');
    await expect(manager.getByRole('tab', { name: 'Activity' })).toBeVisible();
    const x = await xHome(perch);
    const worker = await perch.worker();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    await menuClick(worker, x, 'perch-bookmark-post', POST_LINK);

    // The person is on x.com: the open manager tab is not them seeing it.
    await expect.poll(() => badgeText(worker)).toBe('1');
    await manager.bringToFront();
    await manager.getByRole('tab', { name: 'Activity' }).click();
    await expect(manager.getByRole('list', { name: 'What Perch did on X' }).getByRole('listitem').first()).toContainText('Failed');
    await expect.poll(() => badgeText(worker)).toBe('');
  });

  test('a failure the person saw happen on the button they clicked in the popup does not badge later', async ({ perch, emu }) => {
    const worker = await perch.worker();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 });
    const popup = await popupOn(perch, POST_LINK);
    await popup.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect(popup.getByRole('alert').filter({ hasText: /X does not allow this/ })).toBeVisible();
    // Said where they clicked: no second word in the popup's first line, none on the badge, after closing either.
    await expect(popup.getByRole('region', { name: 'Actions that need you' })).toHaveCount(0);
    await popup.close();
    const again = await popupOn(perch, 'https://x.com/home');
    await expect(again.getByRole('button', { name: 'New post' })).toBeVisible();
    await expect(again.getByRole('region', { name: 'Actions that need you' })).toHaveCount(0);
    expect(await badgeText(worker)).toBe('');
  });
});
