import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, type FirefoxPerch } from './fixtures';

/**
 * The popup on a post it showed before paints that screen at once (entrypoints/popup/snapshot.ts), in Firefox:
 * the screen is kept, the popup opened again shows the state the background holds (never one changed since), one
 * screen at a time, and a click right after it opens acts once.
 */

const POST = SEED_POSTS.gracePhoto;
const URL_ = `https://x.com/gracehop/status/${POST}`;
const SEARCH = `?url=${encodeURIComponent(URL_)}&title=`;
const BOOKMARK = /^(Bookmark|Remove bookmark)$/;

/** The label of the Bookmark button on React's screen (the snapshot gone), or '' while there is none. */
const bookmarkLabel = (page: Page) =>
  page
    .$$eval(
      '.quick-actions button',
      (all, pattern) =>
        document.getElementById('perch-snapshot')
          ? ''
          : (all.map((b) => b.textContent?.trim() ?? '').find((l) => new RegExp(pattern).test(l)) ?? ''),
      BOOKMARK.source,
    )
    .catch(() => '');

/** What a person would notice on the screen shown: the focused control's label, and any id given twice. */
const screenFacts = (page: Page) =>
  page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      focused: document.activeElement?.textContent?.trim() ?? '',
      sameIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      snapshots: document.querySelectorAll('#perch-snapshot').length,
      rootHidden: document.getElementById('root')?.hidden ?? true,
    };
  });

/** Opens the same tab again (the gate let this tab in once), as a person reopening the popup on the post. */
async function reopen(ff: FirefoxPerch, popup: Page): Promise<void> {
  await popup.evaluate(() => {
    (window as unknown as { perchOld?: boolean }).perchOld = true;
  });
  await ff.options.evaluate(async (search) => {
    const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.endsWith(`/popup.html${search}`));
    if (tab?.id === undefined) throw new Error('no popup tab');
    await browser.tabs.reload(tab.id);
  }, SEARCH);
  await expect
    .poll(() => popup.evaluate(() => (window as unknown as { perchOld?: boolean }).perchOld ?? false).catch(() => true))
    .toBe(false);
}

async function seenOnce(ff: FirefoxPerch): Promise<Page> {
  const popup = await ff.open('popup', SEARCH);
  await (await popup.waitForSelector('.popup-gate button'))!.click();
  await expect.poll(() => bookmarkLabel(popup)).toMatch(BOOKMARK);
  await reopen(ff, popup);
  await expect.poll(() => bookmarkLabel(popup)).toMatch(BOOKMARK);
  await expect
    .poll(() => popup.evaluate(async () => JSON.stringify(await browser.storage.session.get('popup.snapshots')).includes(' post:')))
    .toBe(true);
  return popup;
}

test.describe('the popup paints its last screen on a post at once, in Firefox', () => {
  test('shows the state the background holds, one screen at a time, never a state changed since', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await seenOnce(ff);
    const first = await bookmarkLabel(popup);
    const other = first === 'Bookmark' ? 'Remove bookmark' : 'Bookmark';

    await reopen(ff, popup);
    await expect.poll(() => bookmarkLabel(popup)).toBe(first);
    await expect.poll(() => screenFacts(popup)).toEqual({ focused: first, sameIds: [], snapshots: 0, rootHidden: false });

    // Changed elsewhere (a message as the manager would send): the popup opened again shows the new state.
    await ff.options.evaluate(
      async (accountId, postId, type) =>
        browser.runtime.sendMessage({ type: 'action.do', accountId, action: { type, params: { postId } } }),
      ADA.id,
      POST,
      first === 'Bookmark' ? 'bookmark' : 'unbookmark',
    );
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(POST)).toBe(first === 'Bookmark');
    await reopen(ff, popup);
    await expect.poll(() => bookmarkLabel(popup)).toBe(other);
  });

  test('a click right after the popup opens acts once', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await seenOnce(ff);
    const first = await bookmarkLabel(popup);
    const bookmarked = first !== 'Bookmark';
    await emu.clearLog();
    await reopen(ff, popup);
    // The first Bookmark button there is, the snapshot's or React's, clicked the moment it is there.
    await popup.waitForFunction(
      (label) => {
        const button = [...document.querySelectorAll<HTMLElement>('.quick-actions button')].find((b) => b.textContent?.trim() === label);
        button?.click();
        return button !== undefined;
      },
      { polling: 'mutation' },
      first,
    );
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(POST)).toBe(!bookmarked);
    await new Promise((r) => setTimeout(r, 1000));
    const writes = (await emu.log()).filter((e) => e.path.includes('/bookmarks') && e.method !== 'GET');
    expect(writes).toHaveLength(1);
    await expect.poll(() => bookmarkLabel(popup)).toBe(bookmarked ? 'Bookmark' : 'Remove bookmark');
  });
});
