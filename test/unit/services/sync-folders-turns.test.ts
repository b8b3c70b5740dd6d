import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { FOLDERS_PER_SYNC } from '@/lib/services/sync-bookmarks';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

const ADA = '2244994945';
const POST = '1880000000000000001';
beforeEach(freshDb);

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1_000_000 + i));

/**
 * X listing `listing()` as its folders, one page of 100 at a time, and POST in every folder. `repeat` has X hand back
 * the first page's next_token again, so the listing is cut short. Records the folders whose posts were asked for.
 */
function xListing(listing: () => string[], repeat = false) {
  const asked: string[] = [];
  let day = Date.UTC(2030, 0, 15);
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input));
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(url.pathname);
    let body: unknown;
    if (folder) {
      asked.push(folder[1]!);
      body = { data: [{ id: POST }], meta: { result_count: 1 } };
    } else {
      const from = url.searchParams.get('pagination_token') ? 100 : 0;
      const page = listing().slice(from, from + 100);
      const more = repeat || from + 100 < listing().length;
      body = {
        data: page.map((id) => ({ id, name: `Folder ${id}` })),
        meta: { result_count: page.length, ...(more ? { next_token: 'p2' } : {}) },
      };
    }
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (day += 60_000) });
  return { sync, asked };
}

const storedIds = async () => (await db().bookmarkFolders.where('accountId').equals(ADA).toArray()).map((f) => f.id).sort();

describe('bookmark folders taking turns across syncs', () => {
  it(`stores all ${FOLDERS_PER_SYNC + 1} folders, reads ${FOLDERS_PER_SYNC}, and the next sync reads the one left`, async () => {
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [], searchText: '' });
    const all = ids(FOLDERS_PER_SYNC + 1);
    const { sync, asked } = xListing(() => all);
    await sync.sync(ADA, 'bookmarkFolders');
    expect(await storedIds()).toEqual(all);
    expect(asked).toHaveLength(FOLDERS_PER_SYNC);
    const left = all.filter((id) => !asked.includes(id));
    expect(left).toHaveLength(1);
    asked.length = 0;
    await sync.sync(ADA, 'bookmarkFolders', { force: true });
    expect(asked[0]).toBe(left[0]);
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds).toContain(left[0]);
  });

  it('removes a stored folder, and its place on bookmarks, once a complete listing leaves it out', async () => {
    const gone = '9000001';
    await db().bookmarkFolders.put({ accountId: ADA, id: gone, name: 'Recipes' });
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [gone], searchText: '' });
    const { sync } = xListing(() => ids(FOLDERS_PER_SYNC + 1));
    await sync.sync(ADA, 'bookmarkFolders');
    expect(await db().bookmarkFolders.get([ADA, gone])).toBeUndefined();
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds).not.toContain(gone);
  });

  it('removes nothing when X cuts the listing short', async () => {
    const unlisted = '9000001';
    await db().bookmarkFolders.put({ accountId: ADA, id: unlisted, name: 'Recipes' });
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [unlisted], searchText: '' });
    const { sync } = xListing(() => ids(200), true);
    const result = await sync.sync(ADA, 'bookmarkFolders');
    expect(result.notice).toMatchObject({ kind: 'repeat' });
    expect((await db().bookmarkFolders.get([ADA, unlisted]))?.name).toBe('Recipes');
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds).toContain(unlisted);
  });
});
