import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBlockedUsers } from '@/lib/x/blocks';
import { getBookmarkFolders, getBookmarks } from '@/lib/x/bookmarks';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { getListMembers, getOwnedLists, getPinnedLists } from '@/lib/x/lists';
import { getMutedUsers } from '@/lib/x/mutes';
import { getPost, getPosts } from '@/lib/x/posts';
import { getMe, getUserByUsername } from '@/lib/x/users';

const ID = '1585841080431321088';

/** Every reading function, called as Perch calls it. */
const READS: [string, (c: ReturnType<typeof createXClient>) => Promise<unknown>][] = [
  ['getMe', (c) => getMe(c)],
  ['getUserByUsername', (c) => getUserByUsername(c, 'adaperch')],
  ['getBookmarks', (c) => getBookmarks(c, ID)],
  ['getBookmarkFolders', (c) => getBookmarkFolders(c, ID)],
  ['getMutedUsers', (c) => getMutedUsers(c, ID)],
  ['getBlockedUsers', (c) => getBlockedUsers(c, ID)],
  ['getOwnedLists', (c) => getOwnedLists(c, ID)],
  ['getPinnedLists', (c) => getPinnedLists(c, ID)],
  ['getListMembers', (c) => getListMembers(c, '1')],
  ['getPost', (c) => getPost(c, '20')],
  ['getPosts', (c) => getPosts(c, ['20', '21'])],
];

/** JSON shaped like X's answers, with every field possibly the wrong type, missing or extra. */
const answerish = fc.oneof(
  fc.json(),
  fc
    .record(
      {
        data: fc.oneof(
          fc.anything(),
          fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'username', 'text', 'author_id', 'entities'), fc.anything())),
        ),
        includes: fc.anything(),
        meta: fc.anything(),
        errors: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string(),
);

describe('malformed answers from X', () => {
  it.each(READS)('%s answers with a typed value or an XApiError, never anything else', async (_name, read) => {
    await fc.assert(
      fc.asyncProperty(answerish, fc.constantFrom(200, 200, 200, 400, 404, 500), async (body, status) => {
        const client = createXClient({
          baseUrl: 'https://api.x.com',
          getAccessToken: async () => 'token',
          fetch: async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
        });
        try {
          await read(client);
        } catch (error) {
          expect(error).toBeInstanceOf(XApiError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
