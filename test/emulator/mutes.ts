/**
 * Mutes (x-api--users--mutes--*, x-api--users--get-muting / mute-user / unmute-user):
 *   GET    /2/users/:id/muting                                  users muted by the authenticated user, newest first
 *   POST   /2/users/:id/muting {target_user_id}                 {"data":{"muting":true}}
 *   DELETE /2/users/:source_user_id/muting/:target_user_id      {"data":{"muting":false}}
 * Scopes: mute.read / mute.write with tweet.read users.read (v2-authentication-mapping).
 */
import { invalidParam, json, type Reply, type RequestContext } from './http';
import type { Router } from './router';
import { idFromBody, pathId, requireKnownUser, requireSelf, requireUser, USER_LIST_QUERY, usersNewestFirst, usersPage } from './social';

export const READ_SCOPES = ['tweet.read', 'users.read', 'mute.read'];
export const WRITE_SCOPES = ['tweet.read', 'users.read', 'mute.write'];
/** max_results 1–1000, default 100 (X's OpenAPI for GET /2/users/{id}/muting; the guides only show 100). */
export const MUTING_PAGE = { defaultMax: 100, min: 1, max: 1000 };

function list(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  return usersPage(ctx, usersNewestFirst(ctx.state, ctx.state.muting.get(userId) ?? []), MUTING_PAGE);
}

function mute(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const targetId = idFromBody(ctx, 'target_user_id');
  if (targetId === userId) throw invalidParam('target_user_id', targetId, 'You cannot mute yourself.');
  requireUser(ctx, targetId, 'target_user_id');
  ctx.state.relation(ctx.state.muting, userId).add(targetId);
  return json(200, { data: { muting: true } });
}

function unmute(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx, 'source_user_id');
  const targetId = pathId(ctx, 'target_user_id');
  requireKnownUser(ctx, targetId, 'target_user_id');
  ctx.state.muting.get(userId)?.delete(targetId);
  return json(200, { data: { muting: false } });
}

export function registerMuteRoutes(router: Router): void {
  router.add({ method: 'GET', path: '/2/users/:id/muting', auth: 'user', scopes: READ_SCOPES, query: USER_LIST_QUERY, handler: list });
  router.add({ method: 'POST', path: '/2/users/:id/muting', auth: 'user', scopes: WRITE_SCOPES, query: [], handler: mute });
  router.add({
    method: 'DELETE',
    path: '/2/users/:source_user_id/muting/:target_user_id',
    auth: 'user',
    scopes: WRITE_SCOPES,
    query: [],
    handler: unmute,
  });
}
