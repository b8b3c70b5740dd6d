import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

/**
 * A stored bookmark or folder of another shape (another version's, a write cut off, a store edited by hand: the rows
 * the manager draws field by field, stored-rows-wrong-shape.test.tsx) is read so by the bookmark syncs too
 * (lib/db/row-fields.ts): its folders that are not a list of texts read as none, a time that is not text as none.
 * Before, one such row failed the day's folder sync in its transaction, and no good bookmark got its folder.
 */

const ADA = '2244994945';
const POST = '1880000000000000001';
const ODD = '1880000000000000009';
const RECIPES = '111';
const TRAVEL = '222';
beforeEach(freshDb);

/** X listing the Recipes and Travel folders, each holding POST, and the bookmarks POST and ODD. */
function x() {
  const fetch = vi.fn((input: RequestInfo | URL) => {
    const path = new URL(String(input)).pathname;
    const body = /\/folders\/\d+$/.test(path)
      ? { data: [{ id: POST }], meta: { result_count: 1 } }
      : path.endsWith('/folders')
        ? {
            data: [
              { id: RECIPES, name: 'Recipes' },
              { id: TRAVEL, name: 'Travel' },
            ],
            meta: { result_count: 2 },
          }
        : { data: [POST, ODD].map((id) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] })), meta: { result_count: 2 } };
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let day = Date.UTC(2030, 0, 15);
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (day += 60_000) });
}

const putGood = () => db().bookmarks.put({ accountId: ADA, postId: POST, position: 2, folderIds: [] });
const putOdd = (row: Record<string, unknown>) => db().bookmarks.put({ accountId: ADA, postId: ODD, position: 1, ...row } as never);
const folderIdsOf = async (postId: string) => (await db().bookmarks.get([ADA, postId]))?.folderIds;

describe.each([
  ['text', { folderIds: 'none' }],
  ['missing', {}],
  ['a number', { folderIds: 7 }],
])('beside a stored bookmark whose folders are %s', (_case, odd) => {
  beforeEach(async () => {
    await putGood();
    await putOdd(odd);
  });

  it('the folder sync files every good bookmark in its folders', async () => {
    expect((await x().sync(ADA, 'bookmarkFolders')).error).toBeUndefined();
    expect(await folderIdsOf(POST)).toEqual([RECIPES, TRAVEL]);
    expect(await folderIdsOf(ODD)).toEqual([]);
  });

  it('the bookmark walk stores that bookmark in no folder', async () => {
    expect((await x().sync(ADA, 'bookmarks')).error).toBeUndefined();
    expect(await folderIdsOf(ODD)).toEqual([]);
  });
});

describe('beside a stored folder whose last read is a number', () => {
  it('the folder sync reads every folder and files the bookmarks in them', async () => {
    await putGood();
    await db().bookmarkFolders.put({ accountId: ADA, id: TRAVEL, name: 'Travel', readAt: 5 } as never);
    expect((await x().sync(ADA, 'bookmarkFolders')).error).toBeUndefined();
    expect(await folderIdsOf(POST)).toEqual([RECIPES, TRAVEL]);
  });
});
