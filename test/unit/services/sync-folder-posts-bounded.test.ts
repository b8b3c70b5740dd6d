import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

/**
 * A bookmark folder's posts (GET /2/users/:id/bookmarks/folders/:folder_id, getUsersBookmarksByFolderId) take no
 * `max_results`, so only the 16 MB body bound held them: 50 folders of 6·10⁵ ids each were read into memory whole. X
 * pages this answer (BookmarkFolderPostsResponse has `meta.next_token`) and pages no list by more than 1,000, so an
 * answer holding more is refused as one Perch could not read: that folder's bookmarks keep their folder, the sync says
 * so, and the folder takes its turn, so the next sync reads the other folders rather than stopping on it again.
 */

const ADA = '2244994945';
const HUGE = '111';
const TRAVEL = '222';
const POST = '1880000000000000001';
const id = (n: number) => String(1_900_000_000_000_000_000n + BigInt(n));

beforeEach(async () => {
  await freshDb();
  await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [HUGE], searchText: '' });
});

/** X listing the folders HUGE then TRAVEL; HUGE holding `huge` posts, TRAVEL holding POST. */
function syncWithHugeFolderOf(huge: number) {
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const path = new URL(String(input)).pathname;
    const body = path.endsWith('/bookmarks/folders')
      ? {
          data: [
            { id: HUGE, name: 'Huge' },
            { id: TRAVEL, name: 'Travel' },
          ],
          meta: { result_count: 2 },
        }
      : path.endsWith(`/${HUGE}`)
        ? { data: [...Array.from({ length: huge - 1 }, (_, n) => ({ id: id(n) })), { id: POST }], meta: { result_count: huge } }
        : { data: [{ id: POST }], meta: { result_count: 1 } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (now += 60_000) });
}

const foldersOf = async () => (await db().bookmarks.get([ADA, POST]))?.folderIds;

describe('a bookmark folder answered with more posts than X pages', () => {
  it('is refused: the sync says X’s answer could not be read, and the bookmark keeps its folder', async () => {
    const result = await syncWithHugeFolderOf(1001).sync(ADA, 'bookmarkFolders');

    expect(result.error).toMatchObject({ kind: 'malformed' });
    expect((await db().syncState.get([ADA, 'bookmarkFolders']))?.error).toMatchObject({ kind: 'malformed' });
    expect(await foldersOf()).toEqual([HUGE]);
  });

  it('takes its turn: the next sync reads the other folders first', async () => {
    const sync = syncWithHugeFolderOf(1001);
    await sync.sync(ADA, 'bookmarkFolders');
    await sync.sync(ADA, 'bookmarkFolders', { force: true });

    expect(await foldersOf()).toEqual([TRAVEL, HUGE]);
  });

  it('is still read whole at 1,000 posts', async () => {
    const result = await syncWithHugeFolderOf(1000).sync(ADA, 'bookmarkFolders');

    expect(result.error).toBeUndefined();
    expect(new Set(await foldersOf())).toEqual(new Set([HUGE, TRAVEL]));
  });
});
