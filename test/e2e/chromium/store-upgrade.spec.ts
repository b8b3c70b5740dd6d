import type { Page } from '@playwright/test';
import {
  declaredStores,
  expectUpgraded,
  GRACE,
  IDB_VERSION_5,
  LIST,
  POST,
  readStore,
  MUTE_REFUSED,
  version5Rows,
  writeStore,
} from '../support/store-upgrade';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/**
 * A person updating from the last release: their browser's IndexedDB holds Perch's store at version 5, written
 * here with the raw IndexedDB API as that release left it, and this build opens it at version 6 when its worker
 * starts. They see every old action and state, and the store keeps every row and gains version 6's indexes.
 */

/** Stops Perch's service worker (and any other): the next event starts it again, as after a browser restart. */
async function stopWorker(perch: Perch, page: Page): Promise<void> {
  const cdp = await perch.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('a store left at version 5 by the last release opens at version 6 with every row, and shows what it held', async ({ perch }) => {
  await signIn(perch, await perch.open('options'));
  // No Perch screen may hold the store open while it is replaced: a page of Perch's own with no script does the
  // raw IndexedDB work, and the worker is stopped first.
  for (const page of perch.context.pages()) if (page.url().startsWith(`chrome-extension://${perch.id}/`)) await page.close();
  const raw = await perch.context.newPage();
  await raw.goto(`chrome-extension://${perch.id}/privacy.html`);
  await stopWorker(perch, raw);
  await raw.evaluate(writeStore, { version: IDB_VERSION_5, stores: declaredStores(5), rows: version5Rows(Date.now()) });
  const before = await raw.evaluate(readStore);
  expect(before.version).toBe(IDB_VERSION_5);
  expect(before.stores).toEqual(declaredStores(5));

  // The browser restarts: the next screen wakes a new worker, which opens the store at version 6.
  await stopWorker(perch, raw);
  const listPopup = await popupOn(perch, `https://x.com/i/lists/${LIST}`, { show: 'Show this list' });
  const list = listPopup.getByRole('region', { name: 'A list on X' });
  await expect(list.getByRole('button', { name: 'Unpin list', exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Unfollow list', exact: true })).toBeVisible();

  expectUpgraded(before, await raw.evaluate(readStore));

  // The post Ada bookmarked and liked, and reposted while X's limit was used up.
  const postPopup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`, { show: 'Show this post' });
  const post = postPopup.getByRole('region', { name: 'This post' });
  await expect(post.getByRole('button', { name: 'Remove bookmark', exact: true })).toBeVisible();
  await expect(post.getByRole('button', { name: 'Unlike', exact: true })).toBeVisible();
  await expect(post.getByRole('button', { name: 'Undo repost', exact: true })).toBeVisible();
  await expect(
    post.getByRole('status').filter({ hasText: /^Repost: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/ }),
  ).toBeVisible();

  // The Activity tab lists every old action, newest first, as this version words them.
  const manager = await perch.open('manager', '#activity');
  const entries = manager.getByRole('list', { name: 'What Perch did on X' }).getByRole('listitem');
  await expect(entries).toHaveCount(6);
  await expect(entries.nth(0)).toContainText(`Repost a post by @${GRACE.username}`);
  await expect(entries.nth(0)).toContainText(/Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d: X’s limit for this is used up/);
  // Rows that carried no name: the List by its id (Perch has not read the Lists), never "a list" as if a name.
  await expect(entries.nth(1)).toContainText(`Pin list ${LIST}`);
  await expect(entries.nth(2)).toContainText(`Follow list ${LIST}`);
  await expect(entries.nth(3)).toContainText(`Mute @${GRACE.username}`);
  // X's words, quoted as X's, in a direction isolate.
  await expect(entries.nth(3)).toContainText(`Failed: X does not allow this. X said: “\u2068${MUTE_REFUSED}\u2069”`);
  await expect(entries.nth(4)).toContainText(`Like a post by @${GRACE.username}`);
  await expect(entries.nth(4)).toContainText('Done');
  await expect(entries.nth(5)).toContainText(`Bookmark a post by @${GRACE.username}`);
  await expect(entries.nth(5)).toContainText('Done');
});
