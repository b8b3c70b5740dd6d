import { describe, expect, it } from 'vitest';
import { SEED_ARCHIVE_BOOKMARKS, SEED_FOLDERS, SEED_POSTS, SEED_RECENT_BOOKMARKS, seedBookmarks } from '../../emulator/seed';
import { emu, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, control } from './helpers';
import type { Json } from './bookmarks-helpers';
import { SCOPES, PROBLEMS, BASE, get, relations, walk } from './bookmarks-helpers';

/**
 * The emulator's bookmark folders, and seedBookmarks. The bookmarks endpoints themselves: bookmarks.test.ts.
 */

withAdaSignedIn(SCOPES);

describe('bookmark folders', () => {
  it('lists the folders with their names, CJK and emoji included', async () => {
    const { status, body, headers } = await get(`${BASE}/folders`);
    expect(status).toBe(200);
    expect(headers.get('x-rate-limit-limit')).toBe('50');
    expect(body).toEqual({
      data: [
        { id: SEED_FOLDERS.readLater, name: 'Read later 📚' },
        { id: SEED_FOLDERS.recipes, name: 'レシピ 🍳' },
        { id: SEED_FOLDERS.perchWork, name: 'Perch / work' },
        { id: SEED_FOLDERS.travel, name: 'Travel ✈️' },
      ],
    });
    const paged = await get<{ data: Json[]; meta: { next_token?: string } }>(`${BASE}/folders?max_results=3`);
    expect(paged.body.data).toHaveLength(3);
    // BookmarkFoldersResponse's meta: next_token alone.
    expect(Object.keys(paged.body.meta)).toEqual(['next_token']);
    const rest = await get<{ data: Json[] }>(`${BASE}/folders?max_results=3&pagination_token=${paged.body.meta.next_token}`);
    expect(rest.body.data).toEqual([{ id: SEED_FOLDERS.travel, name: 'Travel ✈️' }]);
  });

  it('answers the post ids of a folder, and an empty data for an empty one, as BookmarkFolderPostsResponse has them', async () => {
    const { body } = await get(`${BASE}/folders/${SEED_FOLDERS.perchWork}`);
    const folder = (await relations()).bookmark_folders.find((f) => f.id === SEED_FOLDERS.perchWork)!;
    expect(body).toEqual({ data: folder.post_ids.map((id) => ({ id })) });
    expect(folder.post_ids).toEqual(expect.arrayContaining([SEED_POSTS.xdevAnnouncement, SEED_POSTS.gracePhoto]));
    expect((await get(`${BASE}/folders/${SEED_FOLDERS.travel}`)).body).toEqual({ data: [] });
  });

  it('answers 404 to an unknown folder and 400 to query parameters the endpoint has none of', async () => {
    const missing = await get(`${BASE}/folders/123`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      title: 'Not Found',
      type: 'about:blank',
      status: 404,
      detail: 'Could not find bookmark folder with folder_id: [123].',
      errors: [
        {
          value: '123',
          detail: 'Could not find bookmark folder with folder_id: [123].',
          title: 'Not Found Error',
          resource_type: 'bookmark_folder',
          parameter: 'folder_id',
          resource_id: '123',
          type: `${PROBLEMS}resource-not-found`,
        },
      ],
    });
    expect((await get(`${BASE}/folders/${SEED_FOLDERS.recipes}?max_results=5`)).status).toBe(400);
    emu.contract.claim({ operationId: 'getUsersBookmarksByFolderId', rule: 'query-undeclared' });
  });
});

describe('seedBookmarks', () => {
  it('adds bookmarks newer than all others; the API still reaches only the newest 800', async () => {
    const added = seedBookmarks(emu.state, 900);
    expect(added).toHaveLength(900);
    const all = (await relations()).bookmarks;
    expect(all).toHaveLength(SEED_RECENT_BOOKMARKS + SEED_ARCHIVE_BOOKMARKS + 900);
    expect(all.slice(0, 900)).toEqual([...added].reverse());
    const { ids, requests } = await walk(100);
    expect(requests).toBe(8);
    expect(ids).toEqual([...added].reverse().slice(0, 800));
  });

  it('is reachable through the control API for e2e tests', async () => {
    const res = await control<{ added: number; total: number }>(emu, 'POST', 'bookmarks', { count: 10 });
    expect(res).toEqual({ user_id: ADA_ID, added: 10, total: SEED_RECENT_BOOKMARKS + SEED_ARCHIVE_BOOKMARKS + 10 });
  });
});
