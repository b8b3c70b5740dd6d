import type { Dexie, Table } from 'dexie';
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

/** A user X now names by another @username than the store held for them (`from`, as stored; `to`, as X says now). */
export interface AuthorRename {
  accountId: string;
  /** The user's id on X: a draft is renamed only when the post it is on is theirs. */
  id: string;
  from: string;
  to: string;
}

/** The renames among these user rows from X, against the rows the store held for them (`stored[i]` for `rows[i]`). */
export function authorRenames(stored: readonly unknown[], rows: readonly Pick<UserRow, 'accountId' | 'id' | 'username'>[]): AuthorRename[] {
  return rows.flatMap((row, i) => {
    const before: unknown = isObject(stored[i]) ? stored[i].username : undefined;
    if (!isUsername(before) || !isUsername(row.username) || before === row.username) return [];
    return [{ accountId: row.accountId, id: row.id, from: before, to: row.username }];
  });
}

/** The tables a rename reads and writes: the store's own (lib/db `PerchDb`). */
export interface RenameTables extends AuthorTables {
  drafts: Table<DraftRow, string>;
  transaction: Dexie['transaction'];
}

/** The post a reply or quote draft is on, by its context ('reply:<id>', 'quote:<id>'). */
const draftPostId = (row: DraftRow) => /^(?:reply|quote):(\d{1,19})$/.exec(row.context)?.[1];

/**
 * Each draft of these accounts that names a renamed author by their old @username (any case, as X reads it), on a
 * post the store holds as theirs, names them by the new one: the Drafts tab says "Reply to @new" from the drafts alone.
 * An old @username is no one's for good: X lets another person take it, so a draft on a post of someone else's (or on
 * one the store has not seen) keeps the name it carries. The rename counts only once the store holds it (a write
 * undone renames nothing). Reads drafts, then posts and users, then writes the drafts alone, each in its own
 * transaction: a draft's save never waits behind a sync's write of posts and users. Text and dates are left as they are.
 */
export async function renameDraftAuthors(d: RenameTables, renames: readonly AuthorRename[]): Promise<void> {
  for (const accountId of new Set(renames.map((r) => r.accountId))) {
    const byName = new Map(renames.flatMap((r) => (r.accountId === accountId ? [[r.from.toLowerCase(), r] as const] : [])));
    const renameOf = (row: DraftRow) => (isString(row.authorUsername) ? byName.get(row.authorUsername.toLowerCase()) : undefined);
    const named = (await d.drafts.where('accountId').equals(accountId).toArray()).filter((row) => renameOf(row) && draftPostId(row));
    if (!named.length) continue;
    const postIds = [...new Set(named.map((row) => draftPostId(row)!))];
    const userIds = [...new Set(named.map((row) => renameOf(row)!.id))];
    const [posts, users] = await d.transaction('r', [d.posts, d.users], () =>
      Promise.all([
        d.posts.bulkGet(postIds.map((id) => [accountId, id] as [string, string])),
        d.users.bulkGet(userIds.map((id) => [accountId, id] as [string, string])),
      ]),
    );
    const authorOf = new Map(postIds.map((id, i) => [id, posts[i]?.authorId]));
    const nameNow = new Map(userIds.map((id, i) => [id, users[i]?.username]));
    await d.transaction('rw', d.drafts, () =>
      d.drafts
        .where('accountId')
        .equals(accountId)
        .modify((row) => {
          const rename = renameOf(row);
          const postId = draftPostId(row);
          if (rename && postId && authorOf.get(postId) === rename.id && nameNow.get(rename.id) === rename.to) {
            row.authorUsername = rename.to;
          }
        }),
    );
  }
}
