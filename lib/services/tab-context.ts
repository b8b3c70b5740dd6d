import { db, type ActionRow, type PerchDb, type UserRow } from '../db';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import { getListMemberships } from '../x/lists';
import { getPosts } from '../x/posts';
import type { XUser } from '../x/schemas';
import { getUserByUsername } from '../x/users';
import { ACTIONS } from './actions';
import type { PostView, UserView } from './lookups';
import { postRow, userRow } from './records';
import { utcDay } from './sync';

/**
 * What the popup needs about the post or profile in the current tab: the thing itself (from the store when Perch
 * has seen it today, else one request to X) and the account's relation to it, including actions still on their
 * way. Reopening the popup on the same tab costs no request.
 */

/** An action of the log, as the popup shows it on a button. */
export interface ActionBrief {
  seq: number;
  type: string;
  state: ActionRow['state'];
  notBefore: number;
  error?: { kind: string; message: string };
}

export interface AccountRelation {
  muted: boolean;
  blocked: boolean;
  following: boolean;
}

export interface PostContext {
  kind: 'post';
  post: PostView | null;
  author: (UserView & AccountRelation) | null;
  bookmarked: boolean;
  liked: boolean;
  reposted: boolean;
  /** The latest action of each type on this post or its author. */
  actions: ActionBrief[];
  error?: { kind: string; message: string };
}

export interface ProfileContext {
  kind: 'profile';
  user: (UserView & AccountRelation) | null;
  actions: ActionBrief[];
  error?: { kind: string; message: string };
}

export type TabContext = PostContext | ProfileContext;

const userView = (u: UserRow): UserView => ({
  id: u.id,
  name: u.name,
  username: u.username,
  ...(u.profileImageUrl ? { profileImageUrl: u.profileImageUrl } : {}),
  ...(u.protected !== undefined ? { protected: u.protected } : {}),
});

async function relation(d: PerchDb, accountId: string, userId: string): Promise<AccountRelation> {
  const key: [string, string] = [accountId, userId];
  return { muted: !!(await d.muted.get(key)), blocked: !!(await d.blocked.get(key)), following: !!(await d.following.get(key)) };
}

/** The newest action of each type whose params name one of these ids. */
async function actionsOn(d: PerchDb, accountId: string, ids: string[]): Promise<ActionBrief[]> {
  const rows = await d.actions
    .where('[accountId+seq]')
    .between([accountId, 0], [accountId, Infinity])
    .reverse()
    .filter((a) => ids.includes(String(a.params.postId ?? '')) || ids.includes(String(a.params.userId ?? '')))
    .limit(50)
    .toArray();
  const seen = new Set<string>();
  const out: ActionBrief[] = [];
  for (const a of rows) {
    const family = a.type.replace(/^(un|undo)/i, '').toLowerCase();
    if (seen.has(family)) continue;
    seen.add(family);
    out.push({ seq: a.seq!, type: a.type, state: a.state, notBefore: a.notBefore, ...(a.error ? { error: a.error } : {}) });
  }
  return out;
}

/** Fields asked for the person in the tab: what Perch shows, and how the account relates to them. */
const USER_FIELDS_WITH_RELATION = ['profile_image_url', 'description', 'protected', 'verified', 'connection_status'];

/**
 * Records X's `connection_status` (following, muting, blocking) for a user, then re-applies what the person asked
 * for that X has not been told yet: the outbox's intent wins over an answer read a moment before.
 */
async function applyConnection(d: PerchDb, accountId: string, user: XUser): Promise<void> {
  const status = (user as { connection_status?: unknown }).connection_status;
  if (!Array.isArray(status)) return;
  const tables = { following: d.following, muting: d.muted, blocking: d.blocked } as const;
  await d.transaction('rw', [d.following, d.muted, d.blocked, d.actions], async () => {
    for (const [flag, table] of Object.entries(tables)) {
      const key: [string, string] = [accountId, user.id];
      if (status.includes(flag)) {
        if (!(await table.get(key))) await table.put({ accountId, userId: user.id, position: Date.now() });
      } else await table.delete(key);
    }
    const pending = await d.actions
      .where('[accountId+state]')
      .anyOf([accountId, 'queued'], [accountId, 'sending'])
      .filter((a) => a.params.userId === user.id && ['mute', 'unmute', 'block', 'unblock', 'follow', 'unfollow'].includes(a.type))
      .sortBy('seq');
    for (const a of pending) await ACTIONS[a.type]?.apply(d, accountId, a.params);
  });
}

const failure = (error: unknown) =>
  error instanceof XApiError
    ? { kind: error.kind, message: error.message }
    : { kind: 'error', message: error instanceof Error ? error.message : String(error) };

/** The post in the tab, with the account's bookmark/like/repost state and its author. */
export async function postContext(
  client: () => Promise<XClient>,
  accountId: string,
  postId: string,
  now = Date.now(),
): Promise<PostContext> {
  const d = db();
  let post = await d.posts.get([accountId, postId]);
  let error: PostContext['error'];
  if (!post || utcDay(Date.parse(post.seenAt)) !== utcDay(now)) {
    try {
      const page = await getPosts(await client(), [postId], { fields: { 'user.fields': USER_FIELDS_WITH_RELATION } });
      const found = page.items[0];
      const seenAt = new Date(now).toISOString();
      await d.transaction('rw', [d.posts, d.users], async () => {
        await d.users.bulkPut(page.includes.users.map((u) => userRow(accountId, u, seenAt)));
        if (found) await d.posts.put(postRow(accountId, found, seenAt));
      });
      for (const u of page.includes.users) await applyConnection(d, accountId, u);
      post = found ? postRow(accountId, found, seenAt) : undefined;
      if (!found)
        error = { kind: 'not-found', message: 'X could not find this post: it may have been deleted, or its account is protected.' };
    } catch (e) {
      error = failure(e);
    }
  }
  const authorRow = post?.authorId ? await d.users.get([accountId, post.authorId]) : undefined;
  const engagement = await d.engagements.get([accountId, postId]);
  const author = authorRow ? { ...userView(authorRow), ...(await relation(d, accountId, authorRow.id)) } : null;
  return {
    kind: 'post',
    post: post
      ? {
          id: post.id,
          text: post.text,
          ...(post.createdAt ? { createdAt: post.createdAt } : {}),
          ...(author ? { author } : {}),
          mediaCount: post.mediaCount,
          quoted: !!post.quotedId,
        }
      : null,
    author,
    bookmarked: !!(await d.bookmarks.get([accountId, postId])),
    liked: !!engagement?.liked,
    reposted: !!engagement?.reposted,
    actions: await actionsOn(d, accountId, [postId, ...(authorRow ? [authorRow.id] : [])]),
    ...(error ? { error } : {}),
  };
}

/** The profile in the tab, with the account's mute/block/follow state. */
export async function profileContext(
  client: () => Promise<XClient>,
  accountId: string,
  username: string,
  now = Date.now(),
): Promise<ProfileContext> {
  const d = db();
  const lower = username.toLowerCase();
  let user = await d.users
    .where('accountId')
    .equals(accountId)
    .filter((u) => u.username.toLowerCase() === lower)
    .first();
  let error: ProfileContext['error'];
  if (!user || utcDay(Date.parse(user.seenAt)) !== utcDay(now)) {
    try {
      const found = await getUserByUsername(await client(), username, { fields: { 'user.fields': USER_FIELDS_WITH_RELATION } });
      user = userRow(accountId, found, new Date(now).toISOString());
      await d.users.put(user);
      await applyConnection(d, accountId, found);
    } catch (e) {
      if (!user) error = failure(e);
    }
  }
  return {
    kind: 'profile',
    user: user ? { ...userView(user), ...(await relation(d, accountId, user.id)) } : null,
    actions: user ? await actionsOn(d, accountId, [user.id]) : [],
    ...(error ? { error } : {}),
  };
}

const MAX_MEMBERSHIP_PAGES = 5;

/** The account's owned lists, each saying whether this user is a member (one request to X, when asked). */
export async function listsForUser(
  client: XClient,
  accountId: string,
  userId: string,
): Promise<{ id: string; name: string; private: boolean; member: boolean }[]> {
  const d = db();
  const owned = await d.lists
    .where('accountId')
    .equals(accountId)
    .filter((l) => l.owned && /^\d+$/.test(l.id))
    .toArray();
  const memberships = new Set<string>();
  const ownedIds = new Set(owned.map((l) => l.id));
  let token: string | undefined;
  // A well-known account can be on thousands of lists: read a few pages at most (X allows 75 reads / 15 min).
  for (let pages = 0; pages < MAX_MEMBERSHIP_PAGES; pages++) {
    const page = await getListMemberships(client, userId, { maxResults: 100, ...(token ? { paginationToken: token } : {}) });
    for (const l of page.items) memberships.add(l.id);
    token = page.nextToken;
    if (!token || [...ownedIds].every((id) => memberships.has(id))) break;
  }
  if (token) {
    // Not all read: for owned lists not seen yet, keep what the store knew.
    for (const l of owned) if (!memberships.has(l.id) && (await d.listMembers.get([accountId, l.id, userId]))) memberships.add(l.id);
  }
  await d.transaction('rw', d.listMembers, async () => {
    for (const l of owned) {
      if (memberships.has(l.id)) await d.listMembers.put({ accountId, listId: l.id, userId });
      else await d.listMembers.delete([accountId, l.id, userId]);
    }
  });
  return owned
    .map((l) => ({ id: l.id, name: l.name, private: !!l.private, member: memberships.has(l.id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
