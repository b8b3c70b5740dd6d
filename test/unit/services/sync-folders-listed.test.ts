import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { xProblem } from '../x/problems';
import { freshDb } from './support';

/**
 * The listing of bookmark folders when X's 200 answer does not show everything: `errors` beside the folders (a partial
 * listing), or `errors` only (X's refusal). A stored folder missing from such a listing is not known gone, and a partial
 * listing is not the day's full read.
 */

const ADA = '2244994945';
const POST = '1880000000000000001';
const RECIPES = '111';
const TRAVEL = '222';
const HOME = '333';
const NOT_AUTHORIZED = xProblem('not-authorized-for-resource', 'Sorry, you are not authorized to see the folder with id: [222].');
beforeEach(freshDb);

/** X answering the folder listing with `listing`, and each folder's posts with POST; counts the listings asked. */
function x(listing: unknown) {
  let listings = 0;
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(new URL(String(input)).pathname);
    if (!folder) listings += 1;
    const body = folder ? { data: [{ id: POST }], meta: { result_count: 1 } } : listing;
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (now += 60_000) });
  return { sync, listings: () => listings };
}

const storedFolders = async () => (await db().bookmarkFolders.where('accountId').equals(ADA).toArray()).map((f) => f.id).sort();
const storeTravel = async () => {
  await db().bookmarkFolders.put({ accountId: ADA, id: TRAVEL, name: 'Travel' });
  await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [TRAVEL], searchText: '' });
};

describe('the listing of bookmark folders, whatever X answers', () => {
  it('lists again on the next sync that day when X answered with errors beside the folders', async () => {
    await storeTravel();
    const { sync, listings } = x({ data: [{ id: RECIPES, name: 'Recipes' }], errors: [NOT_AUTHORIZED], meta: { result_count: 1 } });
    await sync.sync(ADA, 'bookmarkFolders');
    expect(await storedFolders()).toEqual([RECIPES, TRAVEL]);
    const second = await sync.sync(ADA, 'bookmarkFolders');
    expect(second.ran).toBe(true);
    expect(listings()).toBe(2);
  });

  it('keeps the folder X’s error names, removes one absent and unnamed, and lists once that day', async () => {
    await db().bookmarkFolders.bulkPut([
      { accountId: ADA, id: TRAVEL, name: 'Travel' },
      { accountId: ADA, id: HOME, name: 'Home' },
    ]);
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [TRAVEL, HOME], searchText: '' });
    const named = { ...NOT_AUTHORIZED, resource_id: TRAVEL };
    const { sync, listings } = x({ data: [{ id: RECIPES, name: 'Recipes' }], errors: [named], meta: { result_count: 1 } });
    await sync.sync(ADA, 'bookmarkFolders');
    expect(await storedFolders()).toEqual([RECIPES, TRAVEL]);
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds.sort()).toEqual([RECIPES, TRAVEL]);
    const second = await sync.sync(ADA, 'bookmarkFolders');
    expect(second.ran).toBe(false);
    expect(listings()).toBe(1);
  });

  it('keeps every stored folder and shows X’s words when X answers the listing with only errors', async () => {
    await storeTravel();
    const { sync } = x({ errors: [NOT_AUTHORIZED] });
    const result = await sync.sync(ADA, 'bookmarkFolders');
    expect(result.error).toEqual({ kind: 'forbidden', said: NOT_AUTHORIZED.detail });
    expect(await storedFolders()).toEqual([TRAVEL]);
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds).toEqual([TRAVEL]);
  });
});
