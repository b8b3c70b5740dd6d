/**
 * Manage reposts (x-api--posts--retweets--*, x-api--users--repost-post / unrepost-post):
 *   POST   /2/users/:id/retweets {tweet_id}            {"data":{"retweeted":true}}
 *   DELETE /2/users/:id/retweets/:source_tweet_id      {"data":{"retweeted":false}} (404 for a missing or deleted post)
 * Scopes: tweet.read tweet.write users.read. 50 / 15 min per user, and a repost counts toward the 300 posts+reposts
 * per 3 hours shared with POST /2/tweets (manage-tweets--integrate; retweets--integrate "300 requests per 3-hour window").
 */
import { json, problem, tooManyRequests, type Reply, type RequestContext } from './http';
import { MANAGE_SCOPES } from './posts';
import { postOrRepostCapHeaders } from './rate-limits';
import type { Router } from './router';
import { idFromBody, pathId, requireExistingPost, requirePost, requireSelf } from './social';

export const REPOST_PROTECTED_DETAIL = 'You cannot repost a Post from a protected account.';

function repost(ctx: RequestContext): Reply {
  const { state } = ctx;
  const userId = requireSelf(ctx);
  if (state.postOrRepostCapReached(userId)) {
    return { ...tooManyRequests(), headers: postOrRepostCapHeaders(state.postOrRepostWindow(userId).resetAt) };
  }
  const tweetId = idFromBody(ctx, 'tweet_id');
  const post = requirePost(ctx, tweetId, 'tweet_id');
  const author = state.users.get(post.authorId);
  if (author?.protected && author.id !== userId) return problem(403, REPOST_PROTECTED_DETAIL);
  const reposts = state.relation(state.reposts, userId);
  if (!reposts.has(tweetId)) {
    reposts.add(tweetId);
    post.publicMetrics.retweet_count++;
    state.recordPostOrRepost(userId);
  }
  return json(200, { data: { retweeted: true } });
}

function undo(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const tweetId = pathId(ctx, 'source_tweet_id');
  if (ctx.state.reposts.get(userId)?.delete(tweetId)) {
    const post = ctx.state.posts.get(tweetId);
    if (post && post.publicMetrics.retweet_count > 0) post.publicMetrics.retweet_count--;
  }
  requireExistingPost(ctx, tweetId, 'source_tweet_id');
  return json(200, { data: { retweeted: false } });
}

export function registerRepostRoutes(router: Router): void {
  router.add({ method: 'POST', path: '/2/users/:id/retweets', auth: 'user', scopes: MANAGE_SCOPES, query: [], handler: repost });
  router.add({
    method: 'DELETE',
    path: '/2/users/:id/retweets/:source_tweet_id',
    auth: 'user',
    scopes: MANAGE_SCOPES,
    query: [],
    handler: undo,
  });
}
