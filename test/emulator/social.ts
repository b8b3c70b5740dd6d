/**
 * Helpers shared by the endpoints that act on the authenticated user's account (bookmarks, lists, mutes, blocks,
 * likes, reposts, follows): the `:id` = authenticated user check, one-id JSON bodies, target users and posts, and
 * pages of users and posts. Error bodies and their sources are listed in README.md.
 */
import {
  ID_PATTERN,
  ReplyError,
  json,
  jsonBody,
  listParam,
  matchParam,
  paginate,
  problem,
  resourceNotFoundError,
  resourceProblem,
  type PageOptions,
  type Reply,
  type RequestContext,
} from './http';
import {
  invalidBody,
  lookupParams,
  postError,
  postsPayload,
  serializePost,
  TWEET_FIELDS,
  validateSchema,
  visibility,
  type Schema,
} from './posts';
import type { EmulatorState, PostRecord, UserRecord } from './state';
import { serializeUser, USER_FIELDS } from './users';

/** `GET /2/users/:id/{muting,blocking}` and `/2/lists/:id/members` (x-api--users--mutes--integrate, list-members--integrate). */
export const USER_LIST_EXPANSIONS = ['pinned_tweet_id'] as const;
export const USER_LIST_QUERY = ['max_results', 'pagination_token', 'user.fields', 'expansions', 'tweet.fields'] as const;

export function notSelfDetail(given: string): string {
  return `You can only act on behalf of the authenticated user: [${given}] is not the id of the user of this access token.`;
}

/**
 * The path's user id (`id` or `source_user_id`) must be the authenticated user's (X's `UserIdMatchesAuthenticatedUser`):
 * a malformed id is 400, someone else's 403.
 */
export function requireSelf(ctx: RequestContext, param = 'id'): string {
  const id = pathId(ctx, param);
  if (id !== ctx.auth!.userId) throw new ReplyError(problem(403, notSelfDetail(id)));
  return id;
}

/** A path id parameter, validated like X does (`^[0-9]{1,19}$`). */
export function pathId(ctx: RequestContext, name: string): string {
  return matchParam(name, ctx.params[name] ?? '', ID_PATTERN);
}

/** A JSON body holding exactly one id, e.g. `{"tweet_id":"…"}` (schema errors as for POST /2/tweets). */
export function idFromBody(ctx: RequestContext, field: string): string {
  const raw = jsonBody(ctx);
  const schema: Schema = { type: 'object', properties: { [field]: { type: 'string', pattern: ID_PATTERN } }, required: [field] };
  const messages = validateSchema(raw, schema);
  if (messages.length) throw invalidBody(messages);
  return raw[field] as string;
}

export function isActive(user: UserRecord | undefined): user is UserRecord {
  return !!user && user.status !== 'suspended' && user.status !== 'deleted';
}

/** The target of a follow, mute, block or list membership: 404 with a not-found entry when unknown or suspended. */
export function requireUser(ctx: RequestContext, id: string, parameter: string): UserRecord {
  const user: UserRecord | undefined = ctx.state.users.get(id);
  if (user && user.status !== 'suspended' && user.status !== 'deleted') return user;
  const detail = user ? `User has been ${user.status ?? 'deleted'}: [${id}].` : `Could not find user with ${parameter}: [${id}].`;
  throw new ReplyError(resourceProblem(404, resourceNotFoundError({ resourceType: 'user', parameter, value: id, detail })));
}

/**
 * The user an unmute, unblock or unfollow names: 404 as requireUser's when no such account ever existed
 * (x-api--users--mutes--integrate and --blocks--integrate error tables: "404 | Not Found | User doesn't exist";
 * x-api--fundamentals--response-codes-and-errors: "Resource doesn't exist"). A suspended or deleted account one
 * muted, blocked or followed can still be let go.
 */
export function requireKnownUser(ctx: RequestContext, id: string, parameter: string): void {
  if (!ctx.state.users.has(id)) requireUser(ctx, id, parameter);
}

/** The post a like, repost or bookmark is about: 404 with the lookup's error entry when the viewer cannot see it. */
export function requirePost(ctx: RequestContext, id: string, parameter: string): PostRecord {
  const post = ctx.state.posts.get(id);
  const vis = visibility(ctx.state, post, ctx.auth!.userId);
  if (vis !== 'visible') throw new ReplyError(resourceProblem(404, postError(id, parameter, vis)));
  return post!;
}

/**
 * The post an unlike, undone repost or unbookmark names: 404 with the lookup's error entry when it is missing or
 * deleted (x-api--fundamentals--response-codes-and-errors: "404 Not Found: Resource doesn't exist or has been
 * deleted", "Deleted posts return 404"). Called after the removal, so a like, repost or bookmark that went with its
 * post leaves no trace. A protected post the user no longer sees still lets them take theirs back.
 */
export function requireExistingPost(ctx: RequestContext, id: string, parameter: string): void {
  if (visibility(ctx.state, ctx.state.posts.get(id), ctx.auth!.userId) === 'not-found') {
    throw new ReplyError(resourceProblem(404, postError(id, parameter, 'not-found')));
  }
}

/** Users of a relation set, newest first (x-api--fundamentals--pagination: reverse chronological), active only. */
export function usersNewestFirst(state: EmulatorState, ids: Iterable<string>): UserRecord[] {
  return [...ids]
    .reverse()
    .map((id) => state.users.get(id))
    .filter(isActive);
}

/** A page of users: `{data?, includes?.tweets, errors?, meta}`; `data` is omitted when the page is empty. */
export function usersPage(ctx: RequestContext, users: readonly UserRecord[], opts: PageOptions): Reply {
  const userFields = listParam(ctx.query, 'user.fields', USER_FIELDS);
  const expansions = listParam(ctx.query, 'expansions', USER_LIST_EXPANSIONS);
  const tweetFields = listParam(ctx.query, 'tweet.fields', TWEET_FIELDS);
  const page = paginate(ctx.query, users, opts);
  const { userId, scopes } = ctx.auth!;
  const data = page.items.map((u) => serializeUser(ctx.state, u, userFields, userId, scopes));
  const tweets: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  if (expansions.includes('pinned_tweet_id')) {
    for (const u of page.items) {
      if (!u.pinned_tweet_id) continue;
      const post = ctx.state.posts.get(u.pinned_tweet_id);
      const vis = visibility(ctx.state, post, userId);
      if (vis === 'visible') tweets.push(serializePost(ctx.state, post!, tweetFields, userId));
      else errors.push(postError(u.pinned_tweet_id, 'pinned_tweet_id', vis));
    }
  }
  return json(200, {
    ...(data.length ? { data } : {}),
    ...(tweets.length ? { includes: { tweets } } : {}),
    ...(errors.length ? { errors } : {}),
    meta: page.meta,
  });
}

/** A page of posts with the posts lookup's fields and expansions: `{data?, includes?, errors?, meta}`. */
export function postsPage(ctx: RequestContext, posts: readonly PostRecord[], opts: PageOptions): Reply {
  const params = lookupParams(ctx.query);
  const page = paginate(ctx.query, posts, opts);
  const payload = postsPayload(ctx, page.items, params);
  return json(200, {
    ...(payload.data.length ? { data: payload.data } : {}),
    ...(payload.includes ? { includes: payload.includes } : {}),
    ...(payload.errors.length ? { errors: payload.errors } : {}),
    meta: page.meta,
  });
}
