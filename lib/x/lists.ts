/**
 * Lists (scopes list.read / list.write): lookup, the signed-in user's owned, followed, member-of and pinned
 * Lists, a List's members and posts, and managing Lists, members, pins and follows. Pages: x-api--lists--*,
 * x-api--users--get-owned-lists, --get-followed-lists, --get-list-memberships, --get-pinned-lists, --pin-list,
 * --unpin-list, --follow-list, --unfollow-list.
 */
import * as z from 'zod/mini';
import { notDone, setState } from './set-state';
import type { XClient } from './client';
import { LIST_DESCRIPTION_MAX, LIST_NAME_MAX } from '../limits';
import { checkId, codePoints, invalidInput } from './input';
import { fieldQuery, getOne, getPage, pageQuery, type Endpoint, type LookupOptions, type Page, type PageOptions } from './pages';
import { POST_ENDPOINT } from './posts';
import { idSchema, listSchema, postSchema, userSchema, type XList, type XPost, type XUser } from './schemas';
import { USER_ENDPOINT } from './users';

export { listSchema, type XList } from './schemas';

/**
 * The List fields Perch shows. The owner is not expanded by default (`owner_id` is enough to tell one's own
 * Lists apart, and X charges for every user an answer returns); ask for `expansions: ['owner_id']` to get it.
 */
export const LIST_FIELDS = ['created_at', 'description', 'follower_count', 'member_count', 'owner_id', 'private'] as const;

/** Fields of every endpoint whose primary objects are Lists (x-api--lists--pinned-lists--integrate, "Fields and expansions"). */
export const LIST_ENDPOINT: Endpoint = {
  fieldParams: ['list.fields', 'user.fields', 'expansions'],
  defaults: { 'list.fields': LIST_FIELDS },
};

/** Owned, followed and member-of Lists: 1 to 100 a page. */
export const LISTS_PAGE_ENDPOINT: Endpoint = { ...LIST_ENDPOINT, maxResults: { min: 1, max: 100 }, token: { minLength: 1, maxLength: 19 } };

/** GET /2/lists/:id/members: users, 1 to 100 a page. */
export const LIST_MEMBERS_ENDPOINT: Endpoint = {
  ...USER_ENDPOINT,
  maxResults: { min: 1, max: 100 },
  token: { minLength: 1, maxLength: 19 },
};

/**
 * GET /2/lists/:id/tweets: the same fields and card defaults as any post lookup, 1 to 100 a page; X keeps the
 * 800 newest. (x-api--lists--list-tweets--integrate lists only tweet.fields, user.fields and `author_id`; X's API
 * reference also takes media.fields and the other post expansions.)
 */
export const LIST_POSTS_ENDPOINT: Endpoint = { ...POST_ENDPOINT, maxResults: { min: 1, max: 100 }, token: { minLength: 1 } };

/** The body of POST /2/lists. */
export interface NewList {
  name: string;
  description?: string;
  /** X's default is a public List. */
  private?: boolean;
}

/** The body of PUT /2/lists/:id: only the fields given are sent. */
export type ListChanges = Partial<NewList>;

function checkListFields(fields: ListChanges): Record<string, string | boolean> {
  const body: Record<string, string | boolean> = {};
  if (fields.name !== undefined) {
    const n = typeof fields.name === 'string' ? codePoints(fields.name) : -1;
    if (n < 1 || n > LIST_NAME_MAX) throw invalidInput(`A List name is 1 to ${LIST_NAME_MAX} characters.`);
    body.name = fields.name;
  }
  if (fields.description !== undefined) {
    if (typeof fields.description !== 'string' || codePoints(fields.description) > LIST_DESCRIPTION_MAX) {
      throw invalidInput(`A List description is at most ${LIST_DESCRIPTION_MAX} characters.`);
    }
    body.description = fields.description;
  }
  if (fields.private !== undefined) {
    if (typeof fields.private !== 'boolean') throw invalidInput('A List is private (true) or public (false).');
    body.private = fields.private;
  }
  return body;
}

/**
 * GET /2/lists/:id — one List with the fields Perch shows.
 * @throws XApiError ('invalid-request' before sending for a malformed id; 'not-found' for a List X cannot
 *   return, with X's errors in `partialErrors` when it answered 200)
 */
export async function getList(client: XClient, listId: string, options: LookupOptions = {}): Promise<XList> {
  const id = checkId(listId, 'A List id');
  const { item } = await getOne(client, { path: `/2/lists/${id}`, query: fieldQuery(LIST_ENDPOINT, options.fields), item: listSchema });
  return item;
}

function userListsPage(what: string, client: XClient, userId: string, options: PageOptions): Promise<Page<XList>> {
  const user = checkId(userId, 'A user id');
  return getPage(client, {
    path: `/2/users/${user}/${what}`,
    query: pageQuery(LISTS_PAGE_ENDPOINT, options),
    item: listSchema,
    token: LISTS_PAGE_ENDPOINT.token,
  });
}

/**
 * GET /2/users/:id/owned_lists — one page of the Lists `userId` owns.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getOwnedLists(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XList>> {
  return userListsPage('owned_lists', client, userId, options);
}

/**
 * GET /2/users/:id/followed_lists — one page of the Lists `userId` follows.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getFollowedLists(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XList>> {
  return userListsPage('followed_lists', client, userId, options);
}

/**
 * GET /2/users/:id/list_memberships — one page of the Lists `userId` is a member of.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getListMemberships(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XList>> {
  return userListsPage('list_memberships', client, userId, options);
}

/**
 * The most Lists one answer of pinned Lists holds. X says only "There's a limit on how many Lists you can pin"
 * (x-api--lists--pinned-lists--quickstart--manage-pinned-lists; X's apps allow 5, the emulator's MAX_PINNED_LISTS), and
 * its description sets no maxItems on Get2UsersIdPinnedListsResponse. X does not page this answer, so it is one page:
 * no more than a page of X's other List answers holds (owned, followed, member of: 100). Perch's inference.
 */
export const PINNED_LISTS_MOST = 100;

/**
 * GET /2/users/:id/pinned_lists — the signed-in user's pinned Lists, all in one answer (X does not page it).
 * @throws XApiError ('invalid-request' before sending for a malformed id; 'malformed' for an answer holding more than
 *   {@link PINNED_LISTS_MOST} Lists)
 */
export async function getPinnedLists(client: XClient, userId: string, options: LookupOptions = {}): Promise<Page<XList>> {
  const user = checkId(userId, 'A user id');
  return getPage(client, {
    path: `/2/users/${user}/pinned_lists`,
    query: pageQuery(LIST_ENDPOINT, { fields: options.fields }),
    item: listSchema,
    most: PINNED_LISTS_MOST,
  });
}

/**
 * GET /2/lists/:id/members — one page of a List's members.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getListMembers(client: XClient, listId: string, options: PageOptions = {}): Promise<Page<XUser>> {
  const id = checkId(listId, 'A List id');
  return getPage(client, {
    path: `/2/lists/${id}/members`,
    query: pageQuery(LIST_MEMBERS_ENDPOINT, options),
    item: userSchema,
    token: LIST_MEMBERS_ENDPOINT.token,
  });
}

/**
 * GET /2/lists/:id/tweets — one page of a List's timeline, newest first, authors in `includes.users`.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getListPosts(client: XClient, listId: string, options: PageOptions = {}): Promise<Page<XPost>> {
  const id = checkId(listId, 'A List id');
  return getPage(client, {
    path: `/2/lists/${id}/tweets`,
    query: pageQuery(LIST_POSTS_ENDPOINT, options),
    item: postSchema,
    token: LIST_POSTS_ENDPOINT.token,
    // X's description requires nothing of a Tweet: one without its id or text is left out alone (Page.dropped).
    needed: ['id', 'text'],
  });
}

// X's ListCreateResponse makes `data` optional: a 200 may carry only `errors`, saying why no List was made.
const createdSchema = z.lazy(() =>
  z.looseObject({ data: z.optional(z.looseObject({ id: idSchema, name: z.string() })), errors: z.optional(z.array(z.unknown())) }),
);

/**
 * POST /2/lists — creates a List owned by the signed-in user. Never retried: sent twice, it makes two Lists.
 * @throws XApiError ('invalid-request' before sending for a name not 1 to 25 characters or a description over 100;
 *   X's refusal, its words kept, for a 200 with only `errors`; 'malformed' for one with neither `data` nor `errors`)
 */
export async function createList(client: XClient, list: NewList): Promise<{ id: string; name: string }> {
  if (list.name === undefined) throw invalidInput('A new List needs a name.');
  const body = checkListFields(list);
  const res = await client.request({ method: 'POST', path: '/2/lists', body, schema: createdSchema });
  const { data, errors = [] } = res.body;
  if (data === undefined) throw notDone(errors, res.status, 'malformed');
  return { id: data.id, name: data.name };
}

/**
 * PUT /2/lists/:id — changes a List's name, description or privacy (only the fields given are sent).
 * Returns `updated` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id, no change, or a field out of range)
 */
export async function updateList(client: XClient, listId: string, changes: ListChanges): Promise<boolean> {
  const id = checkId(listId, 'A List id');
  const body = checkListFields(changes);
  if (Object.keys(body).length === 0) throw invalidInput('Nothing to change: give a name, description or privacy.');
  const data = await setState(client, { method: 'PUT', path: `/2/lists/${id}`, body, flag: 'updated' });
  return data.updated;
}

/**
 * DELETE /2/lists/:id — deletes a List the signed-in user owns. Returns `deleted` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function deleteList(client: XClient, listId: string): Promise<boolean> {
  const id = checkId(listId, 'A List id');
  const data = await setState(client, { method: 'DELETE', path: `/2/lists/${id}`, flag: 'deleted' });
  return data.deleted;
}

/**
 * POST /2/lists/:id/members — adds a user to a List the signed-in user owns. Returns `is_member` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function addListMember(client: XClient, listId: string, userId: string): Promise<boolean> {
  const id = checkId(listId, 'A List id');
  const user_id = checkId(userId, 'A user id');
  const data = await setState(client, { method: 'POST', path: `/2/lists/${id}/members`, body: { user_id }, flag: 'is_member' });
  return data.is_member;
}

/**
 * DELETE /2/lists/:id/members/:user_id — removes a user from a List. Returns `is_member` as X reports it (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function removeListMember(client: XClient, listId: string, userId: string): Promise<boolean> {
  const id = checkId(listId, 'A List id');
  const user = checkId(userId, 'A user id');
  const data = await setState(client, { method: 'DELETE', path: `/2/lists/${id}/members/${user}`, flag: 'is_member' });
  return data.is_member;
}

/**
 * POST /2/users/:id/pinned_lists — pins a List (one the signed-in user `userId` owns or follows). Returns `pinned`.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function pinList(client: XClient, userId: string, listId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const list_id = checkId(listId, 'A List id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/pinned_lists`, body: { list_id }, flag: 'pinned' });
  return data.pinned;
}

/**
 * DELETE /2/users/:id/pinned_lists/:list_id — unpins a List. Returns `pinned` as X reports it (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function unpinList(client: XClient, userId: string, listId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const list = checkId(listId, 'A List id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/pinned_lists/${list}`, flag: 'pinned' });
  return data.pinned;
}

/**
 * POST /2/users/:id/followed_lists — the signed-in user `userId` follows a List. Returns `following`.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function followList(client: XClient, userId: string, listId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const list_id = checkId(listId, 'A List id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/followed_lists`, body: { list_id }, flag: 'following' });
  return data.following;
}

/**
 * DELETE /2/users/:id/followed_lists/:list_id — stops following a List. Returns `following` as X reports it (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function unfollowList(client: XClient, userId: string, listId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const list = checkId(listId, 'A List id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/followed_lists/${list}`, flag: 'following' });
  return data.following;
}
