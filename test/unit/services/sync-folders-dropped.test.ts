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
 * but it is not known gone: a folder stored under its id keeps its name and its bookmarks. With its id, X listed it:
 * the listing is whole, the day's full read, and the next hourly sync lists nothing again. Before, every sync that day
 * listed the folders again (and read up to 50 folders' posts), since a folder left out made the listing partial.
 * Only a folder X sent without an id leaves unknown what X listed: that listing is read again.
 */

const ADA = '2244994945';
const POST = '1880000000000000001';
beforeEach(freshDb);

function xListing(folders: unknown[], posts: object = { data: [{ id: POST }], meta: { result_count: 1 } }) {
  const listing = { data: folders };
  expect(validateResponse({ operationId: 'getUsersBookmarkFolders', status: 200, body: listing })).toEqual([]);
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(new URL(String(input)).pathname);
    const body = folder ? posts : listing;
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => now });
  /** The listings asked for so far. */
  const listings = () => fetch.mock.calls.filter(([input]) => new URL(String(input)).pathname.endsWith('/folders')).length;
  return { sync, listings, later: (ms: number) => void (now += ms) };
}

const HOUR = 60 * 60 * 1000;

describe('syncing bookmark folders when X lists a stored folder without its name, and no meta', () => {
  it('keeps that folder and its bookmarks, and the next hourly sync lists nothing again', async () => {
    await db().bookmarkFolders.put({ accountId: ADA, id: '1000002', name: 'Trips' });
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: ['1000002'], searchText: '' });
    const x = xListing([{ id: '1000001', name: 'Work' }, { id: '1000002' }, { id: '1000003' }]);
    const result = await x.sync.sync(ADA, 'bookmarkFolders');

    expect(result).toMatchObject({ ran: true });
    const stored = await db().bookmarkFolders.where('accountId').equals(ADA).sortBy('name');
    // The one never stored gets no row: Perch has no name to show for it.
    expect(stored.map((f) => f.name)).toEqual(['Trips', 'Work']);
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds.sort()).toEqual(['1000001', '1000002']);

    x.later(HOUR);
    expect(await x.sync.sync(ADA, 'bookmarkFolders')).toMatchObject({ ran: false, requests: 0 });
    expect(x.listings()).toBe(1);
  });
});

describe('syncing a bookmark folder whose posts X lists one of without its id', () => {
  it('reads the others into the folder and keeps what was stored in it', async () => {
    const OTHER = '1880000000000000002';
    await db().bookmarkFolders.put({ accountId: ADA, id: '1000001', name: 'Work' });
    for (const [i, postId] of [POST, OTHER].entries()) {
      await db().bookmarks.put({ accountId: ADA, postId, position: i, folderIds: postId === OTHER ? ['1000001'] : [], searchText: '' });
    }
    const posts = { data: [{ id: POST }, {}] };
    expect(validateResponse({ operationId: 'getUsersBookmarksByFolderId', status: 200, body: posts })).toEqual([]);
    const x = xListing([{ id: '1000001', name: 'Work' }], posts);
    expect(await x.sync.sync(ADA, 'bookmarkFolders')).toMatchObject({ ran: true });
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds).toEqual(['1000001']);
    // The one X sent without an id may be this one: it stays in the folder.
    expect((await db().bookmarks.get([ADA, OTHER]))?.folderIds).toEqual(['1000001']);
  });
});

describe('syncing a bookmark folder whose posts X answers with errors beside them', () => {
  // BookmarkFolderPostsResponse holds `data` and `errors` side by side ("Partial errors",
  // x-api--fundamentals--response-codes-and-errors): a post an error names is one X could not give, not one that left.
  const [NAMED, LEFT] = ['1880000000000000002', '1880000000000000003'];
  const named = {
    type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
    title: 'Not Authorized',
    detail: `Sorry, you are not authorized to see the Post with id: [${NAMED}].`,
    resource_type: 'tweet',
    resource_id: NAMED,
    value: NAMED,
    section: 'data',
    parameter: 'id',
  };

  async function syncWork(errors: object[]) {
    await db().bookmarkFolders.put({ accountId: ADA, id: '1000001', name: 'Work' });
    for (const [i, postId] of [POST, NAMED, LEFT].entries())
      await db().bookmarks.put({ accountId: ADA, postId, position: i, folderIds: ['1000001'], searchText: '' });
    const posts = { data: [{ id: POST }], errors };
    expect(validateResponse({ operationId: 'getUsersBookmarksByFolderId', status: 200, body: posts })).toEqual([]);
    expect(await xListing([{ id: '1000001', name: 'Work' }], posts).sync.sync(ADA, 'bookmarkFolders')).toMatchObject({ ran: true });
    const folderIdsOf = async (postId: string) => (await db().bookmarks.get([ADA, postId]))?.folderIds;
    return { listed: await folderIdsOf(POST), named: await folderIdsOf(NAMED), left: await folderIdsOf(LEFT) };
  }

  it('keeps in it the post an error names, and takes out the one X neither listed nor named', async () => {
    expect(await syncWork([named])).toEqual({ listed: ['1000001'], named: ['1000001'], left: [] });
  });

  it('keeps every post stored in it when an error names no post', async () => {
    const unnamed = { title: 'Service Unavailable', detail: 'Try again later.', type: 'about:blank' };
    expect(await syncWork([unnamed])).toEqual({ listed: ['1000001'], named: ['1000001'], left: ['1000001'] });
  });
});
