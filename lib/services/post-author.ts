import type { PostRow } from '../db';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import type { FieldSelection } from '../x/pages';
import type { XPost, XUser } from '../x/schemas';
import { getUserById } from '../x/users';
import { utcDay } from './sync';

/**
 * The author of the post in the popup's tab when X's answer to the post left them out. GET /2/tweets (getPostsByIds)
 * expands `author_id`, but X's `includes.users` promises no user (a suspended or protected author may be missing);
 * without the author's row every popup on that post read it from X again, and showed no Follow, Mute or Block with no
 * word why. The author is looked up once by `author_id` (GET /2/users/:id, getUsersById); when that fails too, the
 * post row keeps the day it did (`authorUnread`), the popup says X did not say who wrote it, and no open that day
 * asks again.
 */

/** X's answers that say it will not give this user (gone, refused, or an answer Perch cannot read): no use asking today. */
const SAID_NO = new Set<string>(['not-found', 'forbidden', 'malformed']);

/**
 * What a read of this post left to learn of its author: nothing (`undefined`: the account's own post, or X included
 * them), the author X gave when asked by id, or `null` when X said it would not give them, or sent the post without
 * `author_id` (X's Tweet requires no field, even one asked for in `tweet.fields`): there is no one to ask X for.
 * @throws XApiError when the lookup did not get X's word (offline, X's limit, X unavailable, the sign-in): the popup
 *   says what failed, marks nothing, and the next open asks again.
 */
export async function missingAuthor(
  client: XClient,
  post: XPost,
  included: readonly XUser[],
  accountId: string,
  fields: FieldSelection,
): Promise<XUser | null | undefined> {
  const id = post.author_id;
  if (!id) return null;
  if (id === accountId || included.some((u) => u.id === id)) return undefined;
  try {
    return await getUserById(client, id, { fields });
  } catch (error) {
    // Gone or refused: the popup says X did not say who wrote it, and asks again the next day.
    if (error instanceof XApiError && SAID_NO.has(error.kind)) return null;
    throw error;
  }
}

/** The post's author could not be read today: the popup on it does not ask X for them again until the next UTC day. */
export const authorUnreadToday = (post: PostRow | undefined, now: number): boolean =>
  !!post?.authorUnread && utcDay(Date.parse(post.authorUnread)) === utcDay(now);
