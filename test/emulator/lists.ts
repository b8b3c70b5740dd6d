/**
 * Lists (x-api--lists--*, x-api--users--get-owned-lists / get-followed-lists / get-list-memberships /
 * get-pinned-lists / follow-list / unfollow-list / pin-list / unpin-list):
 *   GET    /2/lists/:id                               list.fields, expansions=owner_id, user.fields
 *   GET    /2/users/:id/owned_lists                   paginated; also /followed_lists, /list_memberships
 *   GET    /2/users/:id/pinned_lists                  the authenticated user's pins (no pagination)
 *   GET    /2/lists/:id/members                       users, paginated
 *   GET    /2/lists/:id/tweets                        posts by members, newest first, at most the 800 newest
 *   POST   /2/lists {name, description?, private?}    {"data":{"id","name"}}
 *   PUT    /2/lists/:id                               {"data":{"updated":true}}   (owner only)
 *   DELETE /2/lists/:id                               {"data":{"deleted":true}}   (owner only)
 *   POST   /2/lists/:id/members {user_id}             {"data":{"is_member":true}} (owner only)
 *   DELETE /2/lists/:id/members/:user_id              {"data":{"is_member":false}}
 *   POST   /2/users/:id/pinned_lists {list_id}        {"data":{"pinned":true}}    (own or followed lists, at most 5)
 *   DELETE /2/users/:id/pinned_lists/:list_id         {"data":{"pinned":false}}
 *   POST   /2/users/:id/followed_lists {list_id}      {"data":{"following":true}}
 *   DELETE /2/users/:id/followed_lists/:list_id       {"data":{"following":false}}
 * Scopes (v2-authentication-mapping): lookups list.read, POST /2/lists list.read + list.write, other writes list.write;
 * all with tweet.read users.read. Private lists are visible to their owner, members and followers only
 * (x-api--lists--list-lookup--integrate, "Private Lists"; list.read scope description).
 */
import {
  PROBLEMS,
  ReplyError,
  invalidRequest,
  json,
  jsonBody,
  listParam,
  paginate,
  problem,
  resourceNotFoundError,
  resourceProblem,
  type PageOptions,
  type Reply,
  type RequestContext,
} from './http';
import { invalidBody, LOOKUP_QUERY, validateSchema, visibility, type Schema } from './posts';
import type { Router } from './router';
import { idFromBody, isActive, pathId, postsPage, requireSelf, requireUser, USER_LIST_QUERY, usersPage } from './social';
import { compareIds, type EmulatorState, type ListRecord, type PostRecord } from './state';
import { serializeUser, USER_FIELDS } from './users';

/** `list.fields` (x-api--fundamentals--data-dictionary, List). */
export const LIST_FIELDS = ['created_at', 'description', 'follower_count', 'id', 'member_count', 'name', 'owner_id', 'private'] as const;
/** List expansions (x-api--fundamentals--expansions, "List expansions"). */
export const LIST_EXPANSIONS = ['owner_id'] as const;
export const LIST_QUERY = ['list.fields', 'expansions', 'user.fields'] as const;
export const LIST_PAGE_QUERY = ['max_results', 'pagination_token', ...LIST_QUERY] as const;

export const READ_SCOPES = ['tweet.read', 'users.read', 'list.read'];
export const CREATE_SCOPES = ['tweet.read', 'users.read', 'list.read', 'list.write'];
export const WRITE_SCOPES = ['tweet.read', 'users.read', 'list.write'];

const PAGE: PageOptions = { defaultMax: 100, min: 1, max: 100 };
/** "This endpoint returns up to 800 of the most recent Posts from the List" (x-api--lists--list-tweets--quickstart). */
export const LIST_TWEETS_CAP = 800;
/** The docs say only "There's a limit on how many Lists you can pin" (manage-pinned-lists); X's apps allow 5. */
export const MAX_PINNED_LISTS = 5;
export const NAME_MAX = 25;
export const DESCRIPTION_MAX = 100;

export const NOT_OWNER_UPDATE = 'You can only update Lists that you own.';
export const NOT_OWNER_DELETE = 'You can only delete Lists that you own.';
export const NOT_OWNER_MEMBERS = 'You can only manage members of Lists you own.';
export const PIN_NOT_FOLLOWED = 'You can only pin Lists you follow or own.';
export const PIN_LIMIT = `You cannot pin more than ${MAX_PINNED_LISTS} Lists.`;
export const FOLLOW_OWN_LIST = 'You cannot follow a List you own.';
export const MEMBER_BLOCKED = 'You cannot add this user to a List: they have blocked you.';

// ---------------------------------------------------------------------------------------------------------------
// Visibility and serialising
// ---------------------------------------------------------------------------------------------------------------

export function listVisible(state: EmulatorState, list: ListRecord, viewerId: string): boolean {
  if (!list.private || list.ownerId === viewerId || list.members.includes(viewerId)) return true;
  return (state.followedLists.get(viewerId) ?? []).includes(list.id);
}

export function serializeList(state: EmulatorState, list: ListRecord, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: list.id, name: list.name };
  for (const f of fields) {
    switch (f) {
      case 'created_at':
        out.created_at = new Date(list.createdAt).toISOString();
        break;
      case 'description':
        out.description = list.description;
        break;
      case 'follower_count':
        out.follower_count = state.listFollowers(list.id).length;
        break;
      case 'member_count':
        out.member_count = list.members.length;
        break;
      case 'owner_id':
        out.owner_id = list.ownerId;
        break;
      case 'private':
        out.private = list.private;
        break;
    }
  }
  return out;
}

function listNotFound(id: string, parameter: string): ReplyError {
  return new ReplyError(
    resourceProblem(
      404,
      resourceNotFoundError({ resourceType: 'list', parameter, value: id, detail: `Could not find list with ${parameter}: [${id}].` }),
    ),
  );
}

function listNotAuthorized(id: string, parameter: string): ReplyError {
  return new ReplyError(
    resourceProblem(403, {
      value: id,
      detail: `You are not authorized to see the List with ${parameter}: [${id}].`,
      title: 'Authorization Error',
      resource_type: 'list',
      parameter,
      resource_id: id,
      section: 'data',
      type: PROBLEMS + 'not-authorized-for-resource',
    }),
  );
}

/** The list `id` names, visible to the viewer: 404 unknown, 403 private (list-lookup--integrate, "Error handling"). */
function requireList(ctx: RequestContext, id: string, parameter: string): ListRecord {
  const list = ctx.state.lists.get(id);
  if (!list) throw listNotFound(id, parameter);
  if (!listVisible(ctx.state, list, ctx.auth!.userId)) throw listNotAuthorized(id, parameter);
  return list;
}

function requireOwnedList(ctx: RequestContext, notOwner: string): ListRecord {
  const list = requireList(ctx, pathId(ctx, 'id'), 'id');
  if (list.ownerId !== ctx.auth!.userId) throw new ReplyError(problem(403, notOwner));
  return list;
}

interface ListParams {
  listFields: string[];
  expansions: string[];
  userFields: string[];
}

function listParams(query: URLSearchParams): ListParams {
  return {
    listFields: listParam(query, 'list.fields', LIST_FIELDS),
    expansions: listParam(query, 'expansions', LIST_EXPANSIONS),
    userFields: listParam(query, 'user.fields', USER_FIELDS),
  };
}

function ownersInclude(ctx: RequestContext, lists: readonly ListRecord[], p: ListParams): { includes?: { users: unknown[] } } {
  if (!p.expansions.includes('owner_id')) return {};
  const ids = [...new Set(lists.map((l) => l.ownerId))];
  const users = ids
    .map((id) => ctx.state.users.get(id))
    .filter(isActive)
    .map((u) => serializeUser(ctx.state, u, p.userFields, ctx.auth!.userId, ctx.auth!.scopes));
  return users.length ? { includes: { users } } : {};
}

/** `{data?, includes?, meta}` for lists (paginated unless `page` is undefined: pinned lists). */
function listsReply(ctx: RequestContext, lists: readonly ListRecord[], page: PageOptions | undefined): Reply {
  const p = listParams(ctx.query);
  const paged = page ? paginate(ctx.query, lists, page) : { items: [...lists], meta: { result_count: lists.length } };
  const data = paged.items.map((l) => serializeList(ctx.state, l, p.listFields));
  return json(200, { ...(data.length ? { data } : {}), ...ownersInclude(ctx, paged.items, p), meta: paged.meta });
}

const newestFirst = (a: ListRecord, b: ListRecord) => b.createdAt - a.createdAt || compareIds(b.id, a.id);

// ---------------------------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------------------------

/**
 * GET /2/lists/:id (getListsById; x-api--lists--get-list-by-id, x-api--lists--list-lookup--integrate): id and name, and
 * each asked `list.fields`; `member_count` is the members the List has when X answers, as owned_lists counts them.
 */
function getList(ctx: RequestContext): Reply {
  const list = requireList(ctx, pathId(ctx, 'id'), 'id');
  const p = listParams(ctx.query);
  return json(200, { data: serializeList(ctx.state, list, p.listFields), ...ownersInclude(ctx, [list], p) });
}

function visibleLists(ctx: RequestContext, ids: Iterable<string>): ListRecord[] {
  const out: ListRecord[] = [];
  for (const id of ids) {
    const list = ctx.state.lists.get(id);
    if (list && listVisible(ctx.state, list, ctx.auth!.userId)) out.push(list);
  }
  return out;
}

function ownedLists(ctx: RequestContext): Reply {
  const user = requireUser(ctx, pathId(ctx, 'id'), 'id');
  const lists = [...ctx.state.lists.values()].filter((l) => l.ownerId === user.id && listVisible(ctx.state, l, ctx.auth!.userId));
  return listsReply(ctx, lists.sort(newestFirst), PAGE);
}

function followedLists(ctx: RequestContext): Reply {
  const user = requireUser(ctx, pathId(ctx, 'id'), 'id');
  return listsReply(ctx, visibleLists(ctx, [...(ctx.state.followedLists.get(user.id) ?? [])].reverse()), PAGE);
}

function listMemberships(ctx: RequestContext): Reply {
  const user = requireUser(ctx, pathId(ctx, 'id'), 'id');
  const lists = [...ctx.state.lists.values()].filter((l) => l.members.includes(user.id) && listVisible(ctx.state, l, ctx.auth!.userId));
  return listsReply(ctx, lists.sort(newestFirst), PAGE);
}

function pinnedLists(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  return listsReply(ctx, visibleLists(ctx, ctx.state.pinnedLists.get(userId) ?? []), undefined);
}

function members(ctx: RequestContext): Reply {
  const list = requireList(ctx, pathId(ctx, 'id'), 'id');
  const users = [...list.members]
    .reverse()
    .map((id) => ctx.state.users.get(id))
    .filter(isActive);
  return usersPage(ctx, users, PAGE);
}

function tweets(ctx: RequestContext): Reply {
  const list = requireList(ctx, pathId(ctx, 'id'), 'id');
  const viewer = ctx.auth!.userId;
  const posts: PostRecord[] = [...ctx.state.posts.values()]
    .filter((p) => list.members.includes(p.authorId) && visibility(ctx.state, p, viewer) === 'visible')
    .sort((a, b) => b.createdAt - a.createdAt || compareIds(b.id, a.id))
    .slice(0, LIST_TWEETS_CAP);
  return postsPage(ctx, posts, PAGE);
}

// ---------------------------------------------------------------------------------------------------------------
// Manage lists
// ---------------------------------------------------------------------------------------------------------------

const LIST_BODY: Record<string, Schema> = {
  name: { type: 'string', minLength: 1, maxLength: NAME_MAX },
  description: { type: 'string', maxLength: DESCRIPTION_MAX },
  private: { type: 'boolean' },
};

interface ListBody {
  name?: string;
  description?: string;
  private?: boolean;
}

function listBody(ctx: RequestContext, required: string[]): ListBody {
  const raw = jsonBody(ctx);
  const messages = validateSchema(raw, { type: 'object', properties: LIST_BODY, required });
  if (messages.length) throw invalidBody(messages);
  const body = raw as ListBody;
  if (body.name !== undefined && !body.name.trim()) {
    throw new ReplyError(invalidRequest([{ parameters: { name: [body.name] }, message: 'The `name` of a List can not be blank.' }]));
  }
  return body;
}

function createList(ctx: RequestContext): Reply {
  const body = listBody(ctx, ['name']);
  const { state } = ctx;
  const now = state.now();
  const list: ListRecord = {
    id: state.nextId(now),
    ownerId: ctx.auth!.userId,
    name: body.name!,
    description: body.description ?? '',
    private: body.private ?? false,
    createdAt: now,
    members: [],
  };
  state.lists.set(list.id, list);
  return json(200, { data: { id: list.id, name: list.name } });
}

function updateList(ctx: RequestContext): Reply {
  const list = requireOwnedList(ctx, NOT_OWNER_UPDATE);
  const body = listBody(ctx, []);
  if (body.name !== undefined) list.name = body.name;
  if (body.description !== undefined) list.description = body.description;
  if (body.private !== undefined) list.private = body.private;
  return json(200, { data: { updated: true } });
}

function deleteList(ctx: RequestContext): Reply {
  const list = requireOwnedList(ctx, NOT_OWNER_DELETE);
  ctx.state.deleteList(list.id);
  return json(200, { data: { deleted: true } });
}

function addMember(ctx: RequestContext): Reply {
  const list = requireOwnedList(ctx, NOT_OWNER_MEMBERS);
  const userId = idFromBody(ctx, 'user_id');
  requireUser(ctx, userId, 'user_id');
  // Blocking stops the blocked account from adding the blocker to Lists (x-api--users--blocks--integrate).
  if (ctx.state.blocking.get(userId)?.has(list.ownerId)) return problem(403, MEMBER_BLOCKED);
  if (!list.members.includes(userId)) list.members.push(userId);
  return json(200, { data: { is_member: true } });
}

function removeMember(ctx: RequestContext): Reply {
  const list = requireOwnedList(ctx, NOT_OWNER_MEMBERS);
  const userId = pathId(ctx, 'user_id');
  list.members = list.members.filter((id) => id !== userId);
  return json(200, { data: { is_member: false } });
}

function pin(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const listId = idFromBody(ctx, 'list_id');
  const list = requireList(ctx, listId, 'list_id');
  const pinned = ctx.state.relationList(ctx.state.pinnedLists, userId);
  if (pinned.includes(listId)) return json(200, { data: { pinned: true } });
  const follows = (ctx.state.followedLists.get(userId) ?? []).includes(listId);
  if (list.ownerId !== userId && !follows) return problem(403, PIN_NOT_FOLLOWED);
  if (pinned.filter((id) => ctx.state.lists.has(id)).length >= MAX_PINNED_LISTS) return problem(403, PIN_LIMIT);
  pinned.push(listId);
  return json(200, { data: { pinned: true } });
}

function unpin(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const listId = pathId(ctx, 'list_id');
  const pinned = ctx.state.pinnedLists.get(userId) ?? [];
  const i = pinned.indexOf(listId);
  if (i >= 0) pinned.splice(i, 1);
  return json(200, { data: { pinned: false } });
}

function follow(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const listId = idFromBody(ctx, 'list_id');
  const list = requireList(ctx, listId, 'list_id');
  if (list.ownerId === userId) return problem(403, FOLLOW_OWN_LIST);
  const followed = ctx.state.relationList(ctx.state.followedLists, userId);
  if (!followed.includes(listId)) followed.push(listId);
  return json(200, { data: { following: true } });
}

function unfollow(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const listId = pathId(ctx, 'list_id');
  const followed = ctx.state.followedLists.get(userId) ?? [];
  const i = followed.indexOf(listId);
  if (i >= 0) {
    followed.splice(i, 1);
    // A pin needs the list to be owned or followed: unfollowing unpins it.
    const list = ctx.state.lists.get(listId);
    const pinned = ctx.state.pinnedLists.get(userId) ?? [];
    if (list?.ownerId !== userId && pinned.includes(listId)) pinned.splice(pinned.indexOf(listId), 1);
  }
  return json(200, { data: { following: false } });
}

export function registerListRoutes(router: Router): void {
  const read = { auth: 'user' as const, scopes: READ_SCOPES };
  const write = { auth: 'user' as const, scopes: WRITE_SCOPES, query: [] };
  router.add({ method: 'GET', path: '/2/lists/:id', ...read, query: LIST_QUERY, handler: getList });
  router.add({ method: 'GET', path: '/2/users/:id/owned_lists', ...read, query: LIST_PAGE_QUERY, handler: ownedLists });
  router.add({ method: 'GET', path: '/2/users/:id/followed_lists', ...read, query: LIST_PAGE_QUERY, handler: followedLists });
  router.add({ method: 'GET', path: '/2/users/:id/list_memberships', ...read, query: LIST_PAGE_QUERY, handler: listMemberships });
  router.add({ method: 'GET', path: '/2/users/:id/pinned_lists', ...read, query: LIST_QUERY, handler: pinnedLists });
  router.add({ method: 'GET', path: '/2/lists/:id/members', ...read, query: USER_LIST_QUERY, handler: members });
  router.add({
    method: 'GET',
    path: '/2/lists/:id/tweets',
    ...read,
    query: ['max_results', 'pagination_token', ...LOOKUP_QUERY],
    handler: tweets,
  });
  router.add({ method: 'POST', path: '/2/lists', auth: 'user', scopes: CREATE_SCOPES, query: [], handler: createList });
  router.add({ method: 'PUT', path: '/2/lists/:id', ...write, handler: updateList });
  router.add({ method: 'DELETE', path: '/2/lists/:id', ...write, handler: deleteList });
  router.add({ method: 'POST', path: '/2/lists/:id/members', ...write, handler: addMember });
  router.add({ method: 'DELETE', path: '/2/lists/:id/members/:user_id', ...write, handler: removeMember });
  router.add({ method: 'POST', path: '/2/users/:id/pinned_lists', ...write, handler: pin });
  router.add({ method: 'DELETE', path: '/2/users/:id/pinned_lists/:list_id', ...write, handler: unpin });
  router.add({ method: 'POST', path: '/2/users/:id/followed_lists', ...write, handler: follow });
  router.add({ method: 'DELETE', path: '/2/users/:id/followed_lists/:list_id', ...write, handler: unfollow });
}
