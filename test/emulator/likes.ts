/**
 * Manage likes (x-api--posts--likes--*, x-api--users--like-post / unlike-post):
 *   POST   /2/users/:id/likes {tweet_id}     {"data":{"liked":true}}
 *   DELETE /2/users/:id/likes/:tweet_id      {"data":{"liked":false}} (404 for a missing or deleted post)
 * Scopes: like.write with tweet.read users.read. Limits 50 / 15 min and 1,000 / 24 h per user (rate-limits.ts).
 */
import { json, type Reply, type RequestContext } from './http';
import type { Router } from './router';
import { idFromBody, pathId, requireExistingPost, requirePost, requireSelf } from './social';

export const WRITE_SCOPES = ['tweet.read', 'users.read', 'like.write'];

function like(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const tweetId = idFromBody(ctx, 'tweet_id');
  const post = requirePost(ctx, tweetId, 'tweet_id');
  const likes = ctx.state.relation(ctx.state.likes, userId);
  if (!likes.has(tweetId)) {
    likes.add(tweetId);
    post.publicMetrics.like_count++;
  }
  return json(200, { data: { liked: true } });
}

function unlike(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const tweetId = pathId(ctx, 'tweet_id');
  if (ctx.state.likes.get(userId)?.delete(tweetId)) {
    const post = ctx.state.posts.get(tweetId);
    if (post && post.publicMetrics.like_count > 0) post.publicMetrics.like_count--;
  }
  requireExistingPost(ctx, tweetId, 'tweet_id');
  return json(200, { data: { liked: false } });
}

export function registerLikeRoutes(router: Router): void {
  router.add({ method: 'POST', path: '/2/users/:id/likes', auth: 'user', scopes: WRITE_SCOPES, query: [], handler: like });
  router.add({ method: 'DELETE', path: '/2/users/:id/likes/:tweet_id', auth: 'user', scopes: WRITE_SCOPES, query: [], handler: unlike });
}
