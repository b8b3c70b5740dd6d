/**
 * Users lookup (x-api--users--lookup--*, x-api--users--get-my-user / get-user-by-id / get-user-by-username):
 *   GET /2/users/me, GET /2/users/:id, GET /2/users/by/username/:username
 * Scopes from v2-authentication-mapping: tweet.read + users.read.
 */
import { ID_PATTERN, json, listParam, matchParam, resourceNotFoundError, resourceProblem, type Reply, type RequestContext } from './http';
import { TWEET_FIELDS } from './posts';
import type { Router } from './router';
import type { EmulatorState, UserRecord } from './state';

/** `user.fields` values from the data dictionary (x-api--fundamentals--data-dictionary, User). */
export const USER_FIELDS = [
  'affiliation',
  'confirmed_email',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
] as const;

export const USER_EXPANSIONS = ['affiliation.user_id', 'most_recent_tweet_id', 'pinned_tweet_id'] as const;
export const USER_QUERY = ['user.fields', 'expansions', 'tweet.fields'] as const;
export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,15}$/;
export const USERS_SCOPES = ['tweet.read', 'users.read'];

function absolute(state: EmulatorState, url: string): string {
  return url.startsWith('/') ? state.baseUrl + url : url;
}

/**
 * A user object with the default fields (id, name, username) plus the requested ones; fields with no
 * value are omitted, never null (x-api--fundamentals--consistency).
 */
export function serializeUser(
  state: EmulatorState,
  user: UserRecord,
  fields: readonly string[],
  viewerId?: string,
  viewerScopes: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  for (const f of fields) {
    switch (f) {
      case 'id':
      case 'name':
      case 'username':
        break;
      case 'created_at':
      case 'description':
      case 'location':
      case 'url':
      case 'pinned_tweet_id':
      case 'most_recent_tweet_id':
      case 'verified_type':
        if (user[f] !== undefined && user[f] !== '') out[f] = user[f];
        break;
      case 'verified':
      case 'protected':
        out[f] = user[f];
        break;
      case 'profile_image_url':
        if (user.profile_image_url) out[f] = absolute(state, user.profile_image_url);
        break;
      case 'public_metrics':
        out[f] = { ...user.public_metrics };
        break;
      case 'confirmed_email':
        // Only the authenticated user's own email, and only with users.email.
        if (viewerId === user.id && viewerScopes.includes('users.email') && user.confirmed_email) out[f] = user.confirmed_email;
        break;
      case 'subscription_type':
        out[f] = viewerId === user.id ? (user.subscription_type ?? 'None') : 'None';
        break;
      case 'connection_status': {
        if (!viewerId || viewerId === user.id) break;
        const status: string[] = [];
        if (state.following.get(user.id)?.has(viewerId)) status.push('followed_by');
        if (state.following.get(viewerId)?.has(user.id)) status.push('following');
        // A follow request waiting for approval, either way: the description's User.connection_status enum
        // (openapi.json components.schemas.User: follow_request_sent, follow_request_received).
        if (state.pendingFollows.get(viewerId)?.has(user.id)) status.push('follow_request_sent');
        if (state.pendingFollows.get(user.id)?.has(viewerId)) status.push('follow_request_received');
        if (state.blocking.get(viewerId)?.has(user.id)) status.push('blocking');
        if (state.muting.get(viewerId)?.has(user.id)) status.push('muting');
        out[f] = status;
        break;
      }
      case 'parody':
      case 'is_identity_verified':
        out[f] = false;
        break;
      default:
        // affiliation, entities, withheld, subscription, …: not modelled; omitted as "no value".
        break;
    }
  }
  return out;
}

/**
 * Reads and validates `user.fields` / `expansions` / `tweet.fields` for a user lookup. `tweet.fields` is checked though
 * no pinned post is expanded here: the description's getUsersMe, getUsersById and getUsersByUsername take it as
 * TweetFieldsParameter, an enum, so X refuses a value outside it (openapi.json; x-api--fundamentals--fields).
 */
export function userFieldsOf(ctx: RequestContext): string[] {
  listParam(ctx.query, 'expansions', USER_EXPANSIONS);
  listParam(ctx.query, 'tweet.fields', TWEET_FIELDS);
  return listParam(ctx.query, 'user.fields', USER_FIELDS);
}

function userReply(ctx: RequestContext, user: UserRecord): Reply {
  const auth = ctx.auth!;
  return json(200, { data: serializeUser(ctx.state, user, userFieldsOf(ctx), auth.userId, auth.scopes) });
}

function isGone(user: UserRecord): boolean {
  return user.status === 'suspended' || user.status === 'deleted';
}

/**
 * Not found: 404, a ResourceNotFoundProblem with the entry in `errors`, for a user that never existed as for a
 * suspended or deleted one (x-api--users--lookup--integrate: "404 | Not Found | User doesn't exist or was
 * suspended", "Single user lookup returns 404"; the quickstart shows the body only).
 */
function notFound(parameter: string, value: string, detail: string): Reply {
  // A 404 is X's `default` answer, a Problem (ResourceNotFoundProblem), with the entry in `errors` too.
  return resourceProblem(404, resourceNotFoundError({ resourceType: 'user', parameter, value, detail }));
}

function me(ctx: RequestContext): Reply {
  const user = ctx.state.users.get(ctx.auth!.userId);
  if (!user) return notFound('id', ctx.auth!.userId, `Could not find user with id: [${ctx.auth!.userId}].`);
  return userReply(ctx, user);
}

function byId(ctx: RequestContext): Reply {
  const id = matchParam('id', ctx.params.id ?? '', ID_PATTERN);
  const fields = userFieldsOf(ctx);
  const user = ctx.state.users.get(id);
  if (!user) return notFound('id', id, `Could not find user with id: [${id}].`);
  if (isGone(user)) return notFound('id', id, `User has been ${user.status}: [${id}].`);
  return json(200, { data: serializeUser(ctx.state, user, fields, ctx.auth!.userId, ctx.auth!.scopes) });
}

function byUsername(ctx: RequestContext): Reply {
  const username = matchParam('username', ctx.params.username ?? '', USERNAME_PATTERN);
  const fields = userFieldsOf(ctx);
  const user = ctx.state.findUserByUsername(username);
  if (!user) return notFound('username', username, `Could not find user with username: [${username}].`);
  if (isGone(user)) return notFound('username', username, `User has been ${user.status}: [${username}].`);
  return json(200, { data: serializeUser(ctx.state, user, fields, ctx.auth!.userId, ctx.auth!.scopes) });
}

export function registerUserRoutes(router: Router): void {
  const common = { auth: 'user' as const, scopes: USERS_SCOPES, query: USER_QUERY };
  router.add({ method: 'GET', path: '/2/users/me', ...common, handler: me });
  router.add({ method: 'GET', path: '/2/users/by/username/:username', ...common, handler: byUsername });
  router.add({ method: 'GET', path: '/2/users/:id', ...common, handler: byId });
}
