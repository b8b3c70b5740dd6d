import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { xProblem } from '../x/problems';
import { bookmarksSyncLine as syncLine } from './bookmarks-sync-line';
import { freshDb } from './support';

/**
 * Bookmark folders X's errors named instead of listing them (x-api--fundamentals--response-codes-and-errors, "Partial
 * errors", by `resource_id`; GET /2/users/:id/bookmarks/folders): the folders walk keeps them with their bookmarks,
 * and the Bookmarks tab's sync line says how many, as the Muted, Blocked and Lists tabs do of theirs. It says too when
 * one sync read only some folders (FOLDERS_PER_SYNC, lib/services/sync-bookmarks.ts).
 */

const ADA = '2244994945';
const RECIPES = '111';
const TRAVEL = '222';
const OTHER = '333';
const POSTS = ['1880000000000000001', '1880000000000000002', '1880000000000000003'];
const named = (id: string) =>
  xProblem('resource-not-found', `Could not find bookmark folder with id: [${id}].`, { resource_id: id, resource_type: 'bookmark_folder' });

beforeEach(freshDb);

/** A sync service whose X lists `listing` as the folders, each folder holding no posts. */
function syncListing(listing: unknown) {
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const folders = new URL(String(input)).pathname.endsWith('/bookmarks/folders');
    const body = folders ? listing : { meta: { result_count: 0 } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (now += 60_000) });
}

/** The Bookmarks tab's sync line, as the person reads it. */
const bookmarksSyncLine = () => syncLine(ADA);

describe('the bookmark folders X’s errors named', () => {
  beforeEach(async () => {
    await db().bookmarkFolders.bulkPut([
      { accountId: ADA, id: RECIPES, name: 'Recipes' },
      { accountId: ADA, id: TRAVEL, name: 'Travel' },
    ]);
    await db().bookmarks.bulkPut(
      POSTS.map((postId, i) => ({ accountId: ADA, postId, position: i + 1, folderIds: [RECIPES, TRAVEL], searchText: '' })),
    );
  });

  it('are kept with their bookmarks, each counted once, and the Bookmarks tab says so', async () => {
    const listing = { data: [{ id: OTHER, name: 'Other' }], errors: [named(RECIPES)], meta: { result_count: 1 } };
    await syncListing(listing).sync(ADA, 'bookmarkFolders');

    expect((await db().bookmarkFolders.get([ADA, RECIPES]))?.name).toBe('Recipes');
    expect((await db().bookmarks.get([ADA, POSTS[0]!]))?.folderIds).toEqual([RECIPES]);
    expect((await db().syncState.get([ADA, 'bookmarkFolders']))?.kept).toBe(1);
    expect(await bookmarksSyncLine()).toContain('X could not send 1 bookmark folder; it is kept as it was, with its bookmarks.');
  });

  it('are said in the plural, and in Japanese to a Japanese reader', async () => {
    const listing = { data: [{ id: OTHER, name: 'Other' }], errors: [named(RECIPES), named(TRAVEL)], meta: { result_count: 1 } };
    await syncListing(listing).sync(ADA, 'bookmarkFolders');

    expect(await bookmarksSyncLine()).toContain('X could not send 2 bookmark folders; they are kept as they were, with their bookmarks.');
    readInJapanese();
    expect(await bookmarksSyncLine()).toContain(
      'Xから2個のブックマークフォルダーが送られてこなかったため、中のブックマークとともに以前のまま残しています。',
    );
  });

  it('are no longer mentioned once a sync keeps none', async () => {
    await syncListing({ data: [{ id: OTHER, name: 'Other' }], errors: [named(RECIPES)], meta: { result_count: 1 } }).sync(
      ADA,
      'bookmarkFolders',
    );
    await syncListing({ data: [{ id: RECIPES, name: 'Recipes' }], meta: { result_count: 1 } }).sync(ADA, 'bookmarkFolders', {
      force: true,
    });

    expect((await db().syncState.get([ADA, 'bookmarkFolders']))?.kept).toBeUndefined();
    expect(await bookmarksSyncLine()).not.toContain('X could not send');
  });
});

describe('the bookmark folders one sync does not reach', () => {
  it('are said on the Bookmarks tab: Perch reads 50 a sync, the others show what was last read', async () => {
    await db().syncState.put({ accountId: ADA, collection: 'bookmarkFolders', notice: { kind: 'cap', folders: 50 } });

    expect(await bookmarksSyncLine()).toContain('Perch reads 50 bookmark folders per sync; the others show what was last read.');
  });
});
