import type { PerchDb, PostRow, UserRow } from '../db';
import type { Includes } from '../x/pages';

/**
 * Storing what a read of X says of users and posts in place of the stored rows, without losing what only the popup
 * (./tab-context.ts) reads from X: when X last said how the account relates to a user (`relationSeenAt`), whom a post's
 * author summoned (`summons`) and the day X would not say who wrote it (`authorUnread`). A row replaced without them
 * made the next popup on that account or post read X again the same day: one more billed read after every sync, every
 * list of members shown, every account looked up.
 */

/**
 * Stores these user rows (each made from X's user object by ./records.ts `userRow`), keeping when X last said how the
 * account relates to each: a sync or a lookup reads who they are, not whether the account follows, mutes or blocks them.
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
