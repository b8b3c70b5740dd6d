import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA, type EmulatorControl } from '../support/emulator-control';
import { expect, popupOn, signIn, test } from './fixtures';

const GRACE = { username: 'gracehop' };
const POST = SEED_POSTS.gracePhoto;
/** What X answered to each bookmark Perch sent, in order. */
const bookmarkPosts = async (emu: EmulatorControl) =>
  (await emu.log()).filter((e) => e.method === 'POST' && e.path === `/2/users/${ADA.id}/bookmarks`).map((e) => e.status);

/** From here on, counts the popup's `tab.*` questions to the background (each one a message). */
async function countTabQuestions(popup: Page): Promise<() => Promise<number>> {
  await popup.evaluate(() => {
    const w = window as unknown as { tabQuestions: number };
    w.tabQuestions = 0;
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = ((m: { type?: string }) => {
      if (m.type?.startsWith('tab.')) w.tabQuestions++;
      return send(m);
    }) as typeof chrome.runtime.sendMessage;
  });
  return () => popup.evaluate(() => (window as unknown as { tabQuestions: number }).tabQuestions);
}

test.describe('the popup watches the outbox (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('Bookmark settles by itself, asking about the post once from the click to the end', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await expect(popup.getByRole('button', { name: 'Bookmark', exact: true })).toBeVisible();
    const asked = await countTabQuestions(popup);
    await popup.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect.poll(() => bookmarkPosts(emu)).toEqual([200]);
    await expect(popup.getByRole('button', { name: 'Remove bookmark', exact: true })).toBeVisible();
    await expect.poll(asked).toBe(1);
    // Settled: nothing more is asked while the popup stays open.
    await popup.waitForTimeout(2_500);
    expect(await asked()).toBe(1);
  });

  test('after X’s 429, says until when it waits, then settles when X takes it — no polling', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await expect(popup.getByRole('button', { name: 'Bookmark', exact: true })).toBeVisible();
    const asked = await countTabQuestions(popup);
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'rate_limit' });
    await popup.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect(
      popup.getByRole('status').filter({ hasText: /^Bookmark: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/ }),
    ).toBeVisible();
    // What it asks for is shown while it waits; X has not got it yet.
    await expect(popup.getByRole('button', { name: 'Remove bookmark', exact: true })).toBeVisible();
    expect(await bookmarkPosts(emu)).toEqual([429]);
    expect(await asked()).toBe(0);

    // X's window resets, for X and for Perch; another page of Perch asks it to send what is due.
    const options = await perch.open('options');
    await emu.advanceClock(15 * 60 + 5);
    await options.evaluate((ms) => chrome.storage.local.set({ 'test.clockOffsetMs': ms }), (15 * 60 + 5) * 1000);
    await options.evaluate((accountId) => chrome.runtime.sendMessage({ type: 'actions.retry', accountId }), ADA.id);

    await expect.poll(() => bookmarkPosts(emu)).toEqual([429, 200]);
    await expect(popup.getByText(/^Queued/)).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Remove bookmark', exact: true })).toBeVisible();
    await expect.poll(asked).toBe(1);
  });
});
