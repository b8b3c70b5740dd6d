import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * The popup on a post it showed before paints that screen before React loads (entrypoints/popup/snapshot.ts), and
 * only while it is still the truth; one set of controls at a time; a click on it before React is there acts once.
 */

const POST = SEED_POSTS.gracePhoto;
const URL_ = `https://x.com/gracehop/status/${POST}`;
const BOOKMARK = /^(Bookmark|Remove bookmark)$/;

/**
 * Installed before the popup's scripts: every Bookmark label the page shows, which of them a snapshot showed, and
 * whether two screens were ever exposed at once or two elements shared an id. With `early`, clicks Bookmark on the
 * snapshot the moment it is there.
 */
const recorder = (early: boolean) => `(() => {
  const seen = { labels: [], fromSnapshot: [], bothShown: false, sameIds: [] };
  window.perchSeen = seen;
  let clicked = false;
  new MutationObserver(() => {
    const snapshot = document.getElementById('perch-snapshot');
    const root = document.getElementById('root');
    if (snapshot && root && !root.hidden && root.childElementCount > 0) seen.bothShown = true;
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id) && !seen.sameIds.includes(id)) seen.sameIds.push(id);
    for (const b of document.querySelectorAll('.quick-actions button')) {
      const label = b.textContent.trim();
      if (!${BOOKMARK.toString()}.test(label)) continue;
      const fromSnapshot = b.closest('#perch-snapshot') !== null;
      if (seen.labels[seen.labels.length - 1] !== label) seen.labels.push(label);
      if (fromSnapshot && !seen.fromSnapshot.includes(label)) seen.fromSnapshot.push(label);
      if (fromSnapshot && ${early} && !clicked) { clicked = true; b.click(); }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

interface Seen {
  labels: string[];
  fromSnapshot: string[];
  bothShown: boolean;
  sameIds: string[];
}

const popupUrl = (perch: Perch) => `chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(URL_)}&title=`;

/** The popup on the post, let in by the person's click, then opened again and looked at: its screen is kept. */
async function seenOnce(perch: Perch): Promise<{ popup: Page; first: string }> {
  const popup = await perch.context.newPage();
  await popup.goto(popupUrl(perch));
  // Opened by the test, not by Perch: the page waits for one click (lib/popup-gate.ts); this tab is then let in.
  await popup.getByRole('region', { name: 'Opened by another page' }).getByRole('button').click();
  await expect(popup.getByRole('button', { name: BOOKMARK })).toBeVisible();
  await popup.reload();
  await expect(popup.getByRole('button', { name: BOOKMARK })).toBeVisible();
  await expect
    .poll(() => popup.evaluate(async () => JSON.stringify(await chrome.storage.session.get('popup.snapshots')).includes(' post:')))
    .toBe(true);
  return { popup, first: (await popup.getByRole('button', { name: BOOKMARK }).textContent())!.trim() };
}

async function reopen(perch: Perch, popup: Page): Promise<Seen> {
  await popup.goto(popupUrl(perch));
  await expect(popup.getByRole('button', { name: BOOKMARK })).toBeVisible();
  await expect(popup.locator('#perch-snapshot')).toHaveCount(0);
  return popup.evaluate(() => (window as unknown as { perchSeen: Seen }).perchSeen);
}

const bookmarkWrites = async (emu: { log(): Promise<{ path: string; method: string }[]> }) =>
  (await emu.log()).filter((e) => e.path.includes('/bookmarks') && e.method !== 'GET').length;

test.describe('the popup paints its last screen on a post at once, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('shows the stored state from the snapshot, and never a state changed since', async ({ perch, emu }) => {
    const { popup, first } = await seenOnce(perch);
    const other = first === 'Bookmark' ? 'Remove bookmark' : 'Bookmark';
    await popup.addInitScript(recorder(false));

    // Opened again on the same post: the snapshot is painted, with the same state, and React takes over from it.
    let seen = await reopen(perch, popup);
    expect(seen.fromSnapshot).toEqual([first]);
    expect(seen.labels).toEqual([first]);
    expect(seen.bothShown).toBe(false);
    expect(seen.sameIds).toEqual([]);
    await expect(popup.getByRole('button', { name: first, exact: true })).toBeFocused();
    await expect(popup.getByRole('navigation', { name: 'Perch' }).getByRole('button', { name: 'New post' })).toBeVisible();

    // Changed elsewhere (here, a message as the manager or the keyboard shortcut would send): the old screen is gone.
    const options = await perch.open('options');
    await options.evaluate(
      async ([accountId, postId, type]) =>
        chrome.runtime.sendMessage({ type: 'action.do', accountId, action: { type, params: { postId } } }),
      [ADA.id, POST, first === 'Bookmark' ? 'bookmark' : 'unbookmark'] as const,
    );
    await expect.poll(() => bookmarkWrites(emu)).toBe(1);
    seen = await reopen(perch, popup);
    expect(seen.fromSnapshot).toEqual([]);
    expect(seen.labels).toEqual([other]);
    await expect(popup.getByRole('button', { name: other, exact: true })).toBeVisible();
  });

  test('a click on the painted screen before React is there acts once, as the popup’s own click', async ({ perch, emu }) => {
    const { popup, first } = await seenOnce(perch);
    const other = first === 'Bookmark' ? 'Remove bookmark' : 'Bookmark';
    await emu.clearLog();
    await popup.addInitScript(recorder(true));
    const seen = await reopen(perch, popup);
    expect(seen.fromSnapshot).toEqual([first]);
    await expect(popup.getByRole('button', { name: other, exact: true })).toBeVisible();
    await expect.poll(() => bookmarkWrites(emu)).toBe(1);
    // And only once, however long one waits.
    await popup.waitForTimeout(1000);
    expect(await bookmarkWrites(emu)).toBe(1);
    await expect(popup.getByRole('button', { name: other, exact: true })).toBeVisible();
  });
});
