import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

const ADA = '2244994945';
const POST = '1880000000000000001';
const LATER = '1880000000000000002';
const RECIPES = '111';
const NOT_FOUND = { type: 'https://api.twitter.com/2/problems/resource-not-found', title: 'Not Found Error', detail: 'Gone.' };
beforeEach(freshDb);

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };

/** X listing `folders` in one page, and answering each folder's posts with `posts(id)`; records what was asked. */
function x(folders: unknown[], posts: (id: string) => Answer) {
  const asked: string[] = [];
  let day = Date.UTC(2030, 0, 15);
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const folder = /\/bookmarks\/folders\/(\d+)$/.exec(new URL(String(input)).pathname);
    let answer: Answer = { body: { data: folders, meta: { result_count: folders.length } } };
    if (folder) {
      asked.push(folder[1]!);
      answer = posts(folder[1]!);
    }
    const headers = { 'content-type': 'application/json', ...answer.headers };
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (day += 60_000) });
  return { sync, asked, now: () => day };
}

const folderIdsOf = async (postId: string) => (await db().bookmarks.get([ADA, postId]))?.folderIds;
const inRecipes = async (...postIds: string[]) => {
  await db().bookmarkFolders.put({ accountId: ADA, id: RECIPES, name: 'Recipes' });
  for (const [i, postId] of postIds.entries()) {
    await db().bookmarks.put({ accountId: ADA, postId, position: i + 1, folderIds: [RECIPES], searchText: '' });
  }
};
const onePost = (): Answer => ({ body: { data: [{ id: POST }], meta: { result_count: 1 } } });

describe("a bookmark's folders, whatever X answers", () => {
  it('keeps a folder, and the bookmarks in it, when X lists it without its name', async () => {
    await inRecipes(POST);
    const { sync } = x([{ id: RECIPES }, { id: '222', name: 'Other' }], (id) =>
      id === RECIPES ? onePost() : { body: { meta: { result_count: 0 } } },
    );
    await sync.sync(ADA, 'bookmarkFolders');
    expect((await db().bookmarkFolders.get([ADA, RECIPES]))?.name).toBe('Recipes');
    expect(await folderIdsOf(POST)).toEqual([RECIPES]);
  });

  it('reads the posts of a stored folder X lists without its name, and keeps its name', async () => {
    await inRecipes(POST);
    await db().bookmarks.put({ accountId: ADA, postId: LATER, position: 2, folderIds: [], searchText: '' });
    const { sync, asked } = x([{ id: RECIPES }], () => ({ body: { data: [{ id: LATER }], meta: { result_count: 1 } } }));
    await sync.sync(ADA, 'bookmarkFolders');
    expect(asked).toEqual([RECIPES]);
    expect(await folderIdsOf(LATER)).toEqual([RECIPES]);
    expect(await folderIdsOf(POST)).toEqual([]);
    const stored = await db().bookmarkFolders.get([ADA, RECIPES]);
    expect(stored?.name).toBe('Recipes');
    expect(stored?.readAt).toBeDefined();
  });

  it('keeps the bookmarks of a folder X answered with only errors, and does not count it as read', async () => {
    await inRecipes(POST);
    const { sync } = x([{ id: RECIPES, name: 'Recipes' }], () => ({ body: { errors: [NOT_FOUND] } }));
    await sync.sync(ADA, 'bookmarkFolders');
    expect(await folderIdsOf(POST)).toEqual([RECIPES]);
    expect((await db().bookmarkFolders.get([ADA, RECIPES]))?.readAt).toBeUndefined();
  });

  it("keeps a bookmark in a folder whose posts run past X's first page", async () => {
    await inRecipes(POST, LATER);
    const { sync } = x([{ id: RECIPES, name: 'Recipes' }], () => ({
      body: { data: [{ id: POST }], meta: { result_count: 1, next_token: 'more' } },
    }));
    await sync.sync(ADA, 'bookmarkFolders');
    expect(await folderIdsOf(POST)).toEqual([RECIPES]);
    expect(await folderIdsOf(LATER)).toEqual([RECIPES]);
  });

  it("stores every folder and those read before X's limit, so the next sync goes on from there", async () => {
    await db().bookmarks.put({ accountId: ADA, postId: POST, position: 1, folderIds: [], searchText: '' });
    const folders = ['1', '2', '3', '4', '5'].map((id) => ({ id, name: `Folder ${id}` }));
    let limited = true;
    const { sync, asked, now } = x(folders, (id) =>
      id === '3' && limited
        ? {
            status: 429,
            body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
            headers: { 'x-rate-limit-reset': String(Math.ceil(now() / 1000) + 600) },
          }
        : onePost(),
    );
    await sync.sync(ADA, 'bookmarkFolders').catch(() => undefined);
    expect((await db().bookmarkFolders.where('accountId').equals(ADA).toArray()).map((f) => f.id).sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect((await folderIdsOf(POST))?.sort()).toEqual(['1', '2']);
    limited = false;
    asked.length = 0;
    await sync.sync(ADA, 'bookmarkFolders', { force: true });
    expect(asked.slice(0, 3)).toEqual(['3', '4', '5']);
    expect((await folderIdsOf(POST))?.sort()).toEqual(['1', '2', '3', '4', '5']);
  });
});
