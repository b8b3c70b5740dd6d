/**
 * Manage follows (x-api--users--follows--*, x-api--users--follow-user / unfollow-user):
 *   POST   /2/users/:id/following {target_user_id}                 {"data":{"following":true,"pending_follow":false}}
 *                                                                  protected target: {"following":false,"pending_follow":true}
 *   DELETE /2/users/:source_user_id/following/:target_user_id      {"data":{"following":false}}
 * Scopes: follows.write with tweet.read users.read. Follow requests stay pending until approved
 * (POST /__emulator/follow-requests).
 */
import { invalidParam, json, problem, type Reply, type RequestContext } from './http';
import type { Router } from './router';
import { idFromBody, pathId, requireKnownUser, requireSelf, requireUser } from './social';

export const WRITE_SCOPES = ['tweet.read', 'users.read', 'follows.write'];
export const FOLLOW_BLOCKED_DETAIL = 'You cannot follow this account: one of you has blocked the other.';

function follow(ctx: RequestContext): Reply {
  const { state } = ctx;
  const userId = requireSelf(ctx);
  const targetId = idFromBody(ctx, 'target_user_id');
  if (targetId === userId) throw invalidParam('target_user_id', targetId, 'You cannot follow yourself.');
  const target = requireUser(ctx, targetId, 'target_user_id');
  if (state.blocking.get(targetId)?.has(userId) || state.blocking.get(userId)?.has(targetId)) return problem(403, FOLLOW_BLOCKED_DETAIL);
  if (state.following.get(userId)?.has(targetId)) return json(200, { data: { following: true, pending_follow: false } });
  if (target.protected) {
    state.relation(state.pendingFollows, userId).add(targetId);
    return json(200, { data: { following: false, pending_follow: true } });
  }
  state.relation(state.following, userId).add(targetId);
  return json(200, { data: { following: true, pending_follow: false } });
}

function unfollow(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx, 'source_user_id');
  const targetId = pathId(ctx, 'target_user_id');
  requireKnownUser(ctx, targetId, 'target_user_id');
  ctx.state.following.get(userId)?.delete(targetId);
  ctx.state.pendingFollows.get(userId)?.delete(targetId);
  return json(200, { data: { following: false } });
}

export function registerFollowRoutes(router: Router): void {
  router.add({ method: 'POST', path: '/2/users/:id/following', auth: 'user', scopes: WRITE_SCOPES, query: [], handler: follow });
  router.add({
    method: 'DELETE',
    path: '/2/users/:source_user_id/following/:target_user_id',
    auth: 'user',
    scopes: WRITE_SCOPES,
    query: [],
    handler: unfollow,
  });
}
