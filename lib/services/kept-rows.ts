import Dexie from 'dexie';
import type { PerchDb, PostRow, UserRow } from '../db';
import { authorRenames, renameDraftAuthors, type AuthorRename } from '../db/draft-authors';
import type { Includes } from '../x/pages';

/**
 * Storing what a read of X says of users and posts in place of the stored rows, without losing what only the popup
 * (./tab-context.ts) reads from X: when X last said how the account relates to a user (`relationSeenAt`), whom a post's
 * author summoned (`summons`) and the day X would not say who wrote it (`authorUnread`). A row replaced without them
 * made the next popup on that account or post read X again the same day: one more billed read after every sync, every
 * list of members shown, every account looked up.
 */

/**
 * Has the drafts on a renamed author's posts that name them by the old @username name them by the new one
 * (lib/db/draft-authors.ts), in transactions of their own, never inside the write storing the users: a sync's write
 * holds the users and posts for long, and a draft's save or the Drafts tab must never wait for it
 * (lib/services/drafts.ts). Inside a transaction, it starts when that transaction's `complete` fires: for a top-level
 * one, once it committed; for a Dexie sub-transaction (a `transaction()` inside another), when the sub-scope's work is
 * done, before the outer one commits. The drafts read and write take no table a sync's write holds, and the read
 * of posts and users waits for the outer write to end, so a rename counts only once the store holds it. A rename the drafts miss
 * (the store failing) leaves them the name X gave when they were saved.
 */
async function followRenames(d: PerchDb, renames: readonly AuthorRename[]): Promise<void> {
  const rename = () => renameDraftAuthors(d, renames);
  const writing = Dexie.currentTransaction;
  if (!writing) return rename();
  writing.on('complete', () => {
    void Dexie.ignoreTransaction(rename).catch(() => undefined);
  });
}

/**
 * Stores these user rows (each made from X's user object by ./records.ts `userRow`), keeping when X last said how the
 * account relates to each: a sync or a lookup reads who they are, not whether the account follows, mutes or blocks them.
 * A user X now names by another @username renames them on the drafts on their posts that carried the old one
 * (`followRenames`).
 * @returns the rows as stored
 */
export async function putUsers(d: PerchDb, rows: readonly UserRow[]): Promise<UserRow[]> {
  if (!rows.length) return [];
  const stored = await d.users.bulkGet(rows.map((r) => [r.accountId, r.id] as [string, string]));
  const kept = rows.map((row, i) => {
    const relationSeenAt = stored[i]?.relationSeenAt;
    return relationSeenAt ? { ...row, relationSeenAt } : row;
  });
  await d.users.bulkPut(kept);
  const renames = authorRenames(stored, rows);
  if (renames.length) await followRenames(d, renames);
  return kept;
}

/**
 * What the popup learned of a stored post that a sync's read does not ask X: `summons`, and `authorUnread` unless the
 * answer included the author (then the popup asks X how the account relates to them) or names another.
 */
function keptPost(stored: PostRow | undefined, row: PostRow, includes: Includes): Partial<PostRow> {
  if (!stored) return {};
  const authorGiven = includes.users.some((u) => u.id === row.authorId);
  return {
    ...(stored.summons ? { summons: stored.summons } : {}),
    ...(stored.authorUnread && !authorGiven && stored.authorId === row.authorId ? { authorUnread: stored.authorUnread } : {}),
  };
}

/**
 * Stores these post rows (./records.ts `postRow`, made from an answer with these `includes`): what X says now replaces
 * what was stored, and what only the popup reads is kept.
 */
export async function putPosts(d: PerchDb, rows: readonly PostRow[], includes: Includes): Promise<void> {
  if (!rows.length) return;
  const stored = await d.posts.bulkGet(rows.map((r) => [r.accountId, r.id] as [string, string]));
  await d.posts.bulkPut(rows.map((row, i) => ({ ...row, ...keptPost(stored[i], row, includes) })));
}
