import { beforeEach, describe, expect, it, vi } from 'vitest';
import { syncNoticeText } from '@/components/manager/sync-words';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { FOLDERS_PER_SYNC } from '@/lib/services/sync-bookmarks';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from './support';

const ADA = '2244994945';
const POST = '1880000000000000001';
beforeEach(freshDb);

/**
 * X answering the folders walk with `folderPage(n)` for its n-th page (with a fresh next_token unless empty), and each
 * folder's posts with POST. Counts the requests of each kind.
 */
function xAnswering(folderPage: (n: number) => string[]) {
  const asked = { list: 0, folder: [] as string[] };
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const path = new URL(String(input)).pathname;
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(path);
    let body: unknown;
    if (folder) {
      asked.folder.push(folder[1]!);
      body = { data: [{ id: POST }], meta: { result_count: 1 } };
    } else {
      const ids = folderPage(asked.list++);
      body = {
        data: ids.map((id) => ({ id, name: `Folder ${id}` })),
        meta: { result_count: ids.length, ...(ids.length ? { next_token: `t${asked.list}` } : {}) },
      };
    }
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15) });
  return { sync, asked };
}

const hundredNew = (n: number) => Array.from({ length: 100 }, (_, i) => String(1_000_000 + n * 100 + i));

describe('syncing bookmark folders, whatever X answers', () => {
  it(`lists every folder X gives, reads the posts of at most ${FOLDERS_PER_SYNC}, and says so in folders`, async () => {
    const { sync, asked } = xAnswering((n) => (n < 2 ? hundredNew(n) : []));
    const result = await sync.sync(ADA, 'bookmarkFolders');
    expect(asked.list).toBe(3);
    expect(asked.folder).toHaveLength(FOLDERS_PER_SYNC);
    expect(result).toMatchObject({ ran: true, requests: 3 + FOLDERS_PER_SYNC, notice: { kind: 'cap', folders: FOLDERS_PER_SYNC } });
    expect(syncNoticeText('bookmarkFolders', result.notice!)).toBe(
      `Perch reads ${FOLDERS_PER_SYNC} bookmark folders per sync; the others show what was last read.`,
    );
    readInJapanese();
    expect(syncNoticeText('bookmarkFolders', result.notice!)).toBe(
      `Perchが1回の同期で読み込むブックマークフォルダーは${FOLDERS_PER_SYNC}個までです。ほかのフォルダーには前回読み込んだ内容が表示されます。`,
    );
    expect(await db().bookmarkFolders.where('accountId').equals(ADA).count()).toBe(200);
  });

  it('asks for each folder once when X lists the same folders again and again', async () => {
    const { sync, asked } = xAnswering((n) => (n < 3 ? ['1000001', '1000002', '1000001'] : []));
    const result = await sync.sync(ADA, 'bookmarkFolders');
    expect(asked.folder.sort()).toEqual(['1000001', '1000002']);
    expect(result.notice).toBeUndefined();
    const stored = await db().bookmarkFolders.where('accountId').equals(ADA).toArray();
    expect(stored.map((f) => f.id).sort()).toEqual(['1000001', '1000002']);
  });

  it('keeps what was stored of the folders a capped sync did not read', async () => {
    const unread = '9000001';
    await db().bookmarkFolders.put({ accountId: ADA, id: unread, name: 'Recipes' });
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [unread], searchText: '' });
    const { sync } = xAnswering(hundredNew);
    await sync.sync(ADA, 'bookmarkFolders');
    expect((await db().bookmarkFolders.get([ADA, unread]))?.name).toBe('Recipes');
    const bookmark = await db().bookmarks.get([ADA, POST]);
    expect(bookmark?.folderIds).toContain(unread);
    expect(bookmark?.folderIds).toContain('1000000');
  });
});
