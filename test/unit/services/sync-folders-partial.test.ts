import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

const ADA = '2244994945';
const POST = '1880000000000000001';
beforeEach(freshDb);

/** X listing `folders` as the one page of folders, and POST in each folder it is asked about. */
function xListing(folders: unknown[]) {
  const asked: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(new URL(String(input)).pathname);
    if (folder) asked.push(folder[1]!);
    const body = folder ? { data: [{ id: POST }], meta: { result_count: 1 } } : { data: folders };
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15) });
  return { sync, asked };
}

describe('syncing bookmark folders when X lists a folder without its name', () => {
  it('keeps the folders that have one, and the sync does not fail', async () => {
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [], searchText: '' });
    const { sync, asked } = xListing([{ id: '1000001', name: 'Work' }, { id: '1000002' }]);
    const result = await sync.sync(ADA, 'bookmarkFolders');
    expect(result).toMatchObject({ ran: true });
    expect(result).not.toHaveProperty('error');
    expect(asked).toEqual(['1000001']);
    const stored = await db().bookmarkFolders.where('accountId').equals(ADA).toArray();
    expect(stored.map((f) => f.name)).toEqual(['Work']);
    expect((await db().bookmarks.get([ADA, POST]))?.folderIds).toEqual(['1000001']);
  });
});
