/**
 * Blocks (x-api--users--blocks--*, x-api--users--get-blocking):
 *   GET    /2/users/:id/blocking                                users blocked by the authenticated user, newest first
 *   POST   /2/users/:id/blocking {target_user_id}               {"data":{"blocking":true}}   Enterprise only
 *   DELETE /2/users/:source_user_id/blocking/:target_user_id    {"data":{"blocking":false}}  Enterprise only
 * "The block and unblock users endpoints are only available under the Enterprise plan" (blocks introduction,
 * quickstart, integrate): without `state.enterprise` the writes answer 403 client-forbidden, like quote posts.
 * Scopes: block.read / block.write with tweet.read users.read.
 */
import { invalidParam, json, typedProblem, type Reply, type RequestContext } from './http';
import type { Router } from './router';
import { idFromBody, pathId, requireKnownUser, requireSelf, requireUser, USER_LIST_QUERY, usersNewestFirst, usersPage } from './social';
import type { EmulatorState } from './state';

export const READ_SCOPES = ['tweet.read', 'users.read', 'block.read'];
export const WRITE_SCOPES = ['tweet.read', 'users.read', 'block.write'];
/** max_results 1–1000, default 100 (X's OpenAPI for GET /2/users/{id}/blocking). */
export const BLOCKING_PAGE = { defaultMax: 100, min: 1, max: 1000 };
export const BLOCK_ENTERPRISE_DETAIL = 'The block and unblock users endpoints are only available under the Enterprise plan.';

function enterpriseOnly(): Reply {
  return typedProblem(403, 'client-forbidden', 'Client Forbidden', BLOCK_ENTERPRISE_DETAIL, { reason: 'client-not-enrolled' });
}

function list(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  return usersPage(ctx, usersNewestFirst(ctx.state, ctx.state.blocking.get(userId) ?? []), BLOCKING_PAGE);
}

/** Blocking ends follows (and follow requests) both ways: "When you block someone who follows you, they are automatically unfollowed." */
export function applyBlock(state: EmulatorState, userId: string, targetId: string): void {
  state.relation(state.blocking, userId).add(targetId);
  state.following.get(userId)?.delete(targetId);
  state.following.get(targetId)?.delete(userId);
  state.pendingFollows.get(userId)?.delete(targetId);
  state.pendingFollows.get(targetId)?.delete(userId);
}

function block(ctx: RequestContext): Reply {
  if (!ctx.state.enterprise) return enterpriseOnly();
  const userId = requireSelf(ctx);
  const targetId = idFromBody(ctx, 'target_user_id');
  if (targetId === userId) throw invalidParam('target_user_id', targetId, 'You cannot block yourself.');
  requireUser(ctx, targetId, 'target_user_id');
  applyBlock(ctx.state, userId, targetId);
  return json(200, { data: { blocking: true } });
}

function unblock(ctx: RequestContext): Reply {
  if (!ctx.state.enterprise) return enterpriseOnly();
  const userId = requireSelf(ctx, 'source_user_id');
  const targetId = pathId(ctx, 'target_user_id');
  requireKnownUser(ctx, targetId, 'target_user_id');
  ctx.state.blocking.get(userId)?.delete(targetId);
  return json(200, { data: { blocking: false } });
}

export function registerBlockRoutes(router: Router): void {
  router.add({ method: 'GET', path: '/2/users/:id/blocking', auth: 'user', scopes: READ_SCOPES, query: USER_LIST_QUERY, handler: list });
  router.add({ method: 'POST', path: '/2/users/:id/blocking', auth: 'user', scopes: WRITE_SCOPES, query: [], handler: block });
  router.add({
    method: 'DELETE',
    path: '/2/users/:source_user_id/blocking/:target_user_id',
    auth: 'user',
    scopes: WRITE_SCOPES,
    query: [],
    handler: unblock,
  });
}
