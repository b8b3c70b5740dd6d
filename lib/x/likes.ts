/**
 * Likes by the signed-in user (scope like.write). Pages: x-api--posts--likes--*, x-api--users--like-post,
 * --unlike-post. `userId` is always the signed-in user's id. X also caps likes at 1000 per 24 hours.
 */
import { setState } from './set-state';
import type { XClient } from './client';
import { checkId } from './input';

/**
 * POST /2/users/:id/likes — likes a post. Returns `liked` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function likePost(client: XClient, userId: string, postId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const tweet_id = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/likes`, body: { tweet_id }, flag: 'liked' });
  return data.liked;
}

/**
 * DELETE /2/users/:id/likes/:tweet_id — removes a like. Returns `liked` as X reports it (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function unlikePost(client: XClient, userId: string, postId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const tweet = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/likes/${tweet}`, flag: 'liked' });
  return data.liked;
}
