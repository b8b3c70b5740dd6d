import type { Table } from 'dexie';
import { USERNAME_PATTERN } from '../limits';
import { isId, isObject, isString } from './row-fields';
import type { DraftRow, PostRow, UserRow } from './rows';

/**
 * Who wrote the post a draft replies to or quotes, as the store has seen them: what the Drafts tab names ("Reply to
 * @grace") for a draft that does not carry it, and what version 7 wrote on every draft kept before. A draft saved since
 * carries it (`DraftRow.authorUsername`), so listing drafts reads none of the `posts` and `users` tables a sync holds.
 */

/** The tables a post's author is read from: the store's own, or an upgrade transaction's. */
export interface AuthorTables {
  posts: Table<PostRow, [string, string]>;
  users: Table<UserRow, [string, string]>;
}

/** A username as X makes them; anything else (a number, a name) is no @username ("Reply to a post", not "@42"). */
export const isUsername = (v: unknown): v is string => isString(v) && USERNAME_PATTERN.test(v);

/** The @username of the author of a post the store has seen for this account, if it has and it reads as one. */
export async function storedAuthor(tables: AuthorTables, accountId: string, postId: string): Promise<string | undefined> {
  const post = await tables.posts.get([accountId, postId]);
  if (!isId(post?.authorId)) return undefined;
  const username: unknown = (await tables.users.get([accountId, post.authorId]))?.username;
  return isUsername(username) ? username : undefined;
}

/**
 * Version 7's step: each reply or quote draft kept before, that names no author, gets the one the store had seen for
 * its post (what X said when it was read). A draft whose post the store has not seen, or a row of another shape, is
 * left as it is: the Drafts tab still reads its author apart (lib/services/drafts.ts), and loses no draft.
 */
export async function nameDraftAuthors(drafts: Table<DraftRow, string>, tables: AuthorTables): Promise<void> {
  for (const row of (await drafts.toArray()) as unknown[]) {
    if (!isObject(row) || !isId(row.key) || !isId(row.accountId) || !isString(row.context) || row.authorUsername !== undefined) {
      continue;
    }
    const postId = /^(?:reply|quote):(\d{1,19})$/.exec(row.context)?.[1];
    const username = postId ? await storedAuthor(tables, row.accountId, postId) : undefined;
    if (username) await drafts.update(row.key, { authorUsername: username });
  }
}
