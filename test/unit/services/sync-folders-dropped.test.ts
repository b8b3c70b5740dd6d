import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { validateResponse } from '../../openapi/contract';
import { freshDb } from './support';

/**
 * A listing of bookmark folders (getUsersBookmarkFolders) holding a folder X sent without its name, and no `meta`
 * (BookmarkFoldersResponse requires neither, nor anything of a folder). The folder is left out (lib/x/bookmarks.ts),
 * but it is not known gone: a folder stored under its id keeps its name and its bookmarks, and the listing is not the
 * day's full read. Before, only a `meta.result_count` above the folders read said the listing was not whole.
 */

const ADA = '2244994945';
const POST = '1880000000000000001';
beforeEach(freshDb);

function xListing(folders: unknown[]) {
  const listing = { data: folders };
  expect(validateResponse({ operationId: 'getUsersBookmarkFolders', status: 200, body: listing })).toEqual([]);
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(new URL(String(input)).pathname);
    const body = folder ? { data: [{ id: POST }], meta: { result_count: 1 } } : listing;
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15) });
}

describe('syncing bookmark folders when X lists a stored folder without its name, and no meta', () => {
  it('keeps that folder and its bookmarks, and reads the listing again', async () => {
    await db().bookmarkFolders.put({ accountId: ADA, id: '1000002', name: 'Trips' });
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: ['1000002'], searchText: '' });
    const result = await xListing([{ id: '1000001', name: 'Work' }, { id: '1000002' }]).sync(ADA, 'bookmarkFolders');

    expect(result).toMatchObject({ ran: true });
    const stored = await db().bookmarkFolders.where('accountId').equals(ADA).sortBy('name');
    expect(stored.map((f) => f.name)).toEqual(['Trips', 'Work']);
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds.sort()).toEqual(['1000001', '1000002']);
    expect((await db().syncState.get([ADA, 'bookmarkFolders']))?.lastFullDay).toBeUndefined();
  });
});
