import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * The popup on a post it showed before paints that screen before React loads (entrypoints/popup/snapshot.ts), and
 * only while it is still the truth; one set of controls at a time; a click on its Bookmark before React is there
 * sends at once, once, and React's screen follows that action.
 */

const POST = SEED_POSTS.gracePhoto;
const URL_ = `https://x.com/gracehop/status/${POST}`;
const BOOKMARK = /^(Bookmark|Remove bookmark)$/;

/**
 * Installed before the popup's scripts: every Bookmark label the page shows, which of them a snapshot showed, and
 * whether two screens were ever exposed at once or two elements shared an id. With `early`, clicks Bookmark on the
 * snapshot the moment it is there.
 */
const recorder = (early: boolean | RegExp) => `(() => {
  const seen = { labels: [], fromSnapshot: [], bothShown: false, sameIds: [], sends: [], reactFirst: null };
  window.perchSeen = seen;
  let clicked = false;
  // Each action.do handed to the browser, and whether React's screen was there yet (the snapshot still shown).
  const send = chrome.runtime.sendMessage;
  chrome.runtime.sendMessage = function (...args) {
    const m = args[0];
    if (m && m.type === 'action.do') {
      const root = document.getElementById('root');
      seen.sends.push({ type: m.action.type, beforeReact: !!document.getElementById('perch-snapshot') && !!root && root.hidden });
    }
    return send.apply(this, args);
  };
  new MutationObserver(() => {
    const snapshot = document.getElementById('perch-snapshot');
    const root = document.getElementById('root');
    if (snapshot && root && !root.hidden && root.childElementCount > 0) seen.bothShown = true;
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id) && !seen.sameIds.includes(id)) seen.sameIds.push(id);
    for (const b of document.querySelectorAll('.quick-actions button')) {
      const label = b.textContent.trim();
      if (${early instanceof RegExp} && b.closest('#perch-snapshot') && ${String(early instanceof RegExp ? early : /$^/)}.test(label) && !clicked) {
        clicked = true;
        b.click();
      }
      if (!${BOOKMARK.toString()}.test(label)) continue;
      const fromSnapshot = b.closest('#perch-snapshot') !== null;
      if (seen.labels[seen.labels.length - 1] !== label) seen.labels.push(label);
      if (fromSnapshot && !seen.fromSnapshot.includes(label)) seen.fromSnapshot.push(label);
      // React's first screen (drawn hidden, shown in the same frame): its Bookmark and the note under it.
      if (!fromSnapshot && b.closest('#root') && !seen.reactFirst) {
        const note = document.getElementById(b.getAttribute('aria-describedby') || '');
        seen.reactFirst = { label, note: note ? note.textContent.trim() : '' };
      }
      if (fromSnapshot && ${early === true} && !clicked) { clicked = true; b.click(); }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

interface Seen {
  labels: string[];
  fromSnapshot: string[];
  bothShown: boolean;
  sameIds: string[];
  sends: { type: string; beforeReact: boolean }[];
  reactFirst: { label: string; note: string } | null;
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
    // The painted button turned at once to the action on its way; React's first screen shows the same, never the
    // old state as if nothing had happened.
    expect(seen.fromSnapshot).toEqual([first, other]);
    expect(seen.labels).toEqual([first, other]);
    expect(seen.reactFirst?.label).toBe(other);
    expect(seen.reactFirst?.note).toMatch(new RegExp(`^${first}: (Queued\\.|Sending to X…)$`));
    // Sent by the painted screen itself, before React was there, and by nothing else.
    expect(seen.sends).toEqual([{ type: first === 'Bookmark' ? 'bookmark' : 'unbookmark', beforeReact: true }]);
    await expect(popup.getByRole('button', { name: other, exact: true })).toBeVisible();
    await expect.poll(() => bookmarkWrites(emu)).toBe(1);
    // And only once, however long one waits.
    await popup.waitForTimeout(1000);
    expect(await bookmarkWrites(emu)).toBe(1);
    await expect(popup.getByRole('button', { name: other, exact: true })).toBeVisible();
  });

  test('a click on a painted button that sends nothing itself is made on React’s: its composer opens, nothing sent', async ({
    perch,
    emu,
  }) => {
    const { popup } = await seenOnce(perch);
    await emu.clearLog();
    // Reply and Quote are on x.com for this post: "Post a link to it" opens the popup's composer.
    await popup.addInitScript(recorder(/^Post a link to it$/));
    await popup.goto(popupUrl(perch));
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toBeVisible();
    await expect(popup.locator('#perch-snapshot')).toHaveCount(0);
    const seen = await popup.evaluate(() => (window as unknown as { perchSeen: Seen }).perchSeen);
    expect(seen.fromSnapshot.length).toBe(1);
    expect(seen.sends).toEqual([]);
    expect((await emu.log()).filter((e) => e.method !== 'GET')).toEqual([]);
  });

  test('after an action made in the popup completes, the screen it settles on is the one painted next time', async ({ perch, emu }) => {
    const { popup, first } = await seenOnce(perch);
    const other = first === 'Bookmark' ? 'Remove bookmark' : 'Bookmark';
    await popup.getByRole('button', { name: first, exact: true }).click();
    await expect.poll(() => bookmarkWrites(emu)).toBe(1);
    await expect(popup.getByRole('button', { name: other, exact: true })).toBeVisible();
    // Kept once the screen has stood still on the answer read after the action was done.
    await expect
      .poll(() =>
        popup.evaluate(
          async (label) => JSON.stringify(await chrome.storage.session.get('popup.snapshots')).includes(`>${label}</span>`),
          other,
        ),
      )
      .toBe(true);
    await popup.addInitScript(recorder(false));
    const seen = await reopen(perch, popup);
    expect(seen.fromSnapshot).toEqual([other]);
    expect(seen.labels).toEqual([other]);
    expect(await bookmarkWrites(emu)).toBe(1);
  });
});
