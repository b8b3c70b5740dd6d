import type { Page } from 'puppeteer-core';
import { TEST_EMULATOR_PORT } from '../support/emulator-control';
import { hasButton, popupOn } from '../support/firefox-popup';
import {
  declaredStores,
  expectUpgraded,
  GRACE,
  IDB_VERSION_5,
  LIST,
  MUTE_REFUSED,
  POST,
  readStore,
  version5Rows,
  writeStore,
} from '../support/store-upgrade';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * A person updating from the last release, in Firefox: its IndexedDB holds Perch's store at version 5, written here
 * with the raw IndexedDB API as that release left it, and this build opens it at version 6 when its background page
 * starts again. They see every old action and state; the store keeps every row and gains version 6's indexes.
 */

/**
 * Perch's privacy page, which runs no script of Perch's, so holds no connection to the store: turned into it by the
 * extension itself from a tab BiDi knows (as fixtures.ts opens Perch's other pages).
 */
async function openPrivacyPage(ff: FirefoxPerch): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`http://127.0.0.1:${TEST_EMULATOR_PORT}/#perch-store-upgrade`).catch(() => undefined);
  await ff.options.evaluate(async () => {
    const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.includes('#perch-store-upgrade'));
    if (tab?.id === undefined) throw new Error('no tab to open the privacy page in');
    await browser.tabs.update(tab.id, { url: `${browser.runtime.getURL('/')}privacy.html` });
  });
  await expect.poll(() => page.evaluate(() => location.href).catch(() => '')).toBe(`${ff.origin}/privacy.html`);
  return page;
}

/**
 * Starts Perch's background page again, as after a browser restart, and waits until it answers: its document is
 * loaded anew, so its script starts from the top (Firefox has no stopAllWorkers, and runtime.reload closes every
 * Perch page, which BiDi cannot open again).
 */
async function restartBackground(ff: FirefoxPerch): Promise<void> {
  const started = await ff.options.evaluate(async () => {
    const background = (await browser.runtime.getBackgroundPage()) as unknown as Window | null;
    const at = background?.performance.timeOrigin;
    background?.location.reload();
    return at;
  });
  await expect
    .poll(() =>
      ff.options
        .evaluate(async () => ((await browser.runtime.getBackgroundPage()) as unknown as Window | null)?.performance.timeOrigin)
        .catch(() => started),
    )
    .toBeGreaterThan(started ?? Infinity);
  await expect
    .poll(() => ff.options.evaluate(() => browser.runtime.sendMessage({ type: 'settings.get' })).catch(() => null))
    .toMatchObject({ ok: true });
}

test('a store left at version 5 by the last release opens at version 6 with every row, and shows what it held', async ({ ff }) => {
  await signIn(ff, ff.options);
  const raw = await openPrivacyPage(ff);
  await raw.evaluate(writeStore, { version: IDB_VERSION_5, stores: declaredStores(5), rows: version5Rows(Date.now()) });
  const before = await raw.evaluate(readStore);
  expect(before.version).toBe(IDB_VERSION_5);
  expect(before.stores).toEqual(declaredStores(5));

  // The browser restarts: the new background page opens the store at version 6.
  await restartBackground(ff);
  const listPopup = await popupOn(ff, `https://x.com/i/lists/${LIST}`);
  await expect.poll(() => textOf(listPopup, '.list-card-name')).toBe('A list on X');
  await expect.poll(() => hasButton(listPopup, 'Unpin list')).toBe(true);
  expect(await hasButton(listPopup, 'Unfollow list')).toBe(true);

  expectUpgraded(before, await raw.evaluate(readStore));

  // The post Ada bookmarked and liked, and reposted while X's limit was used up.
  const postPopup = await popupOn(ff, `https://x.com/${GRACE.username}/status/${POST}`);
  await expect.poll(() => hasButton(postPopup, 'Remove bookmark')).toBe(true);
  expect(await hasButton(postPopup, 'Unlike')).toBe(true);
  expect(await hasButton(postPopup, 'Undo repost')).toBe(true);
  await expect
    .poll(() => postPopup.$$eval('.post-panel [role="status"]', (notes) => notes.map((n) => n.textContent).join('\n')))
    .toMatch(/^Repost: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/m);

  // The Activity tab lists every old action, newest first, as this version words them.
  const manager = await ff.open('manager', '#activity');
  const entries = () =>
    manager.$$eval('.activity-list > li', (items) =>
      items.map((i) => [i.querySelector('.activity-label')?.textContent, i.querySelector('.activity-state')?.textContent]),
    );
  await expect.poll(entries).toEqual([
    [
      `Repost a post by @${GRACE.username}`,
      expect.stringMatching(/^Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d: X’s limit for this is used up/),
    ],
    [`Pin list ${LIST}`, 'Done'],
    [`Follow list ${LIST}`, 'Done'],
    [`Mute @${GRACE.username}`, `Failed: X does not allow this. X said: “\u2068${MUTE_REFUSED}\u2069”`],
    [`Like a post by @${GRACE.username}`, 'Done'],
    [`Bookmark a post by @${GRACE.username}`, 'Done'],
  ]);
});
