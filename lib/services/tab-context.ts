import { ACTION_TYPES, isActionType } from '../action-types';
import { db, USERS_BY_USERNAME, type PerchDb, type UserRow } from '../db';
import { mayReply, postRules, profileRules } from '../self-serve';
import { enterprisePlanItem, readSessionView, type SessionView } from '../storage';
import type { XClient } from '../x/client';
import { EDIT_FIELDS, getPosts, REPLY_CHECK_EXPANSIONS, withCardMedia } from '../x/posts';
import type { XUser } from '../x/schemas';
import { getUserByUsername } from '../x/users';
import { summonsOf } from './summons';
import { POST_UNREADABLE, postMissing, tabReadClient, tabReadFailure } from './tab-read';
import { ACTIONS } from './actions';
import { authorUnreadToday, missingAuthor } from './post-author';
import { EDIT_WINDOW_MS, editViewOf } from './post-edit';
import { putUsers } from './kept-rows';
import { postRow, userRow } from './records';
import { actionsOn, postState, postStateOf, postTables, relation, storedPost, unsaid, type StoredPost } from './post-state';
import { postViewOf, userViewOf } from './row-views';
import { readPostRaw } from './stored-post-raw';
import { utcDay } from './sync';
import type { EditView, PostContext, ProfileContext } from '../views';

/**
 * What the popup needs about the post or profile in the current tab: the thing itself (from the store when Perch has
 * seen it today, else a read of X it waits on: tab-read.ts) and the account's relation to it, including actions
 * still on their way. Reopening the popup on the same tab costs no request.
 */

/** Fields asked for the person in the tab: what Perch shows, and how the account relates to them. */
const USER_FIELDS_WITH_RELATION = ['profile_image_url', 'description', 'protected', 'verified', 'connection_status'];

/**
 * Post fields asked for the post in the tab: the card's and the edit's, and whom a reply answers (`in_reply_to_user_id`,
 * kept with the post for its bookmark card's "Replying to @…"). X answers only the fields a request names
 * (x-api--fundamentals--fields).
 */
const POPUP_POST_FIELDS = [...EDIT_FIELDS, 'in_reply_to_user_id'];

/**
 * Expansions of the popup's read: the authors X's reply rule needs, the pictures the card shows, and whom a reply
 * answers (the @username of "Replying to @…"). That person is most often the replied-to post's author, already
 * included once; expanded by id, they are named even when that post is gone or hidden.
 */
const POPUP_EXPANSIONS = withCardMedia([...REPLY_CHECK_EXPANSIONS, 'in_reply_to_user_id']);

/**
 * Records X's `connection_status` (following, a follow request sent, muting, blocking; the description's
 * User.connection_status enum) for a user, then re-applies what the person asked for that X has not been told yet:
 * the outbox's intent wins over an answer read a moment before. Returns whether X said it.
 * Only for a user object of the popup's own read, whose request named `connection_status` in `user.fields` (for the
 * expanded users too): there a user without the field is X saying "no relation", since "Missing fields in responses
 * mean the value is `null` or empty" (x-api--fundamentals--fields, Important notes); an X that leaves out empty arrays
 * answers a stranger so. A field present but not a list says nothing readable: the relation stays unknown.
 */
async function applyConnection(d: PerchDb, accountId: string, user: XUser, seenAt: string): Promise<boolean> {
  const said = (user as { connection_status?: unknown }).connection_status;
  const status = said === undefined ? [] : said;
  if (!Array.isArray(status)) return false; // Malformed: unknown (no relationSeenAt), never the stored rows' guess.
  const tables = { following: d.following, muting: d.muted, blocking: d.blocked } as const;
  await d.transaction('rw', [d.following, d.muted, d.blocked, d.actions, d.users], async () => {
    await d.users.update([accountId, user.id], { relationSeenAt: seenAt });
    for (const [flag, table] of Object.entries(tables)) {
      const key: [string, string] = [accountId, user.id];
      const requested = flag === 'following' && status.includes('follow_request_sent') && !status.includes('following');
      if (status.includes(flag) || requested) {
        const row = await table.get(key);
        if (!row || !!row.pending !== requested) {
          await table.put({ accountId, userId: user.id, position: row?.position ?? Date.now(), ...(requested ? { pending: true } : {}) });
        }
      } else await table.delete(key);
    }
    const pending = await d.actions
      .where('[accountId+state]')
      .anyOf([accountId, 'queued'], [accountId, 'sending'])
      .filter((a) => a.params.userId === user.id && isActionType(a.type) && ACTION_TYPES[a.type].family === 'relations')
      .sortBy('seq');
    for (const a of pending) if (isActionType(a.type)) await ACTIONS[a.type].apply(d, accountId, a.params);
  });
  return true;
}

/** X said how the account relates to this user today (the popup's own read, with `connection_status`). */
const relationKnown = (user: UserRow | undefined, now: number): boolean =>
  !!user?.relationSeenAt && utcDay(Date.parse(user.relationSeenAt)) === utcDay(now);

/** True when the person says their X app is on the Enterprise plan. */
const onEnterprise = async () => (await enterprisePlanItem.getValue()) === true;

/**
 * The popup's first read of a post: the same rows read with IndexedDB itself (./stored-post-raw.ts, a few ms less on
 * the worker's thread), made into the state by the same code; through Dexie's transaction when that read fails.
 */
async function firstRead(d: PerchDb, accountId: string, postId: string): Promise<StoredPost> {
  try {
    if (!d.isOpen()) await d.open();
    const { post, ...rows } = await readPostRaw(d.backendDB(), accountId, postId);
    return { post, state: postStateOf(rows) };
  } catch {
    return storedPost(d, accountId, postId);
  }
}

/**
 * The post in the tab, with the account's bookmark/like/repost state, its author, and where Reply, Quote and
 * Block happen. A post read by another screen (no summons stored) is read again on a self-serve app, once.
 * From the store (the popup reopened on a post seen today), it is one read-only transaction beside the two settings.
 * `session`: the session view the caller already read (tab.here, for the active account), so it is not read twice on
 * the popup's first question; read here when not given.
 */
export async function postContext(
  client: () => Promise<XClient>,
  accountId: string,
  postId: string,
  now = Date.now(),
  session?: SessionView,
): Promise<PostContext> {
  const d = db();
  const [stored, enterprise, { accounts }] = await Promise.all([
    firstRead(d, accountId, postId),
    onEnterprise(),
    session ?? readSessionView(),
  ]);
  let { post, state } = stored;
  let error: PostContext['error'], edit: EditView | undefined;
  const summonsNeeded = !enterprise && !!post && !post.summons && post.authorId !== accountId;
  // The author stored by a sync carries no relation (muted, blocked, followed): read from X with the post.
  // Not again the day X could not say who wrote it (./post-author.ts).
  const authorUnknown =
    !!post?.authorId && post.authorId !== accountId && !relationKnown(state.authorRow, now) && !authorUnreadToday(post, now);
  // Your own post while X may still let you edit it: read again each time, for X's word on the edits left.
  const ownAndRecent = post?.authorId === accountId && post.createdAt !== undefined && now - Date.parse(post.createdAt) < EDIT_WINDOW_MS;
  if (!post || utcDay(Date.parse(post.seenAt)) !== utcDay(now) || summonsNeeded || authorUnknown || ownAndRecent) {
    try {
      const reader = await tabReadClient(client);
      const page = await getPosts(reader, [postId], {
        fields: { 'tweet.fields': POPUP_POST_FIELDS, 'user.fields': USER_FIELDS_WITH_RELATION, ...POPUP_EXPANSIONS },
      });
      const found = page.items[0];
      // X sent the post without its text (getPostsByIds: X's Tweet requires no field): nothing of it is read, and the
      // stored copy, if any, stays shown as on any read that failed.
      const unreadable = !found && !!page.dropped;
      // The post is kept even when its author's lookup did not get X's word: the popup says what failed (./post-author.ts).
      let authorFailure: unknown;
      const byId =
        found &&
        (await missingAuthor(reader, found, page.includes.users, accountId, { 'user.fields': USER_FIELDS_WITH_RELATION }).catch(
          (e: unknown) => {
            authorFailure = e;
            return undefined;
          },
        ));
      const users = byId ? [...page.includes.users, byId] : page.includes.users;
      edit = found ? editViewOf(found, accountId) : undefined;
      const seenAt = new Date(now).toISOString();
      // Its pictures come with X's descriptions (the card shows them); a quoted post or reply X did not include stays as stored.
      const kept = post ? { media: post.media, quoted: post.quoted, replyTo: post.replyTo } : {};
      const row = found
        ? {
            ...dropUndefined(kept),
            ...postRow(accountId, found, seenAt, page.includes),
            summons: summonsOf(found, page.includes),
            ...(byId === null ? { authorUnread: seenAt } : {}),
          }
        : undefined;
      // Through putUsers: a person X names here with a connection_status Perch cannot read keeps the day X last said
      // how the account relates to them, so the next popup on them asks nothing again.
      await d.transaction('rw', [d.posts, d.users], async () => {
        await putUsers(
          d,
          users.map((u) => userRow(accountId, u, seenAt)),
        );
        if (row) await d.posts.put(row);
      });
      for (const u of users) await applyConnection(d, accountId, u, seenAt);
      if (unreadable) error = POST_UNREADABLE;
      else post = row;
      if (!found && !unreadable) error = postMissing(page.partialErrors, postId);
      else if (authorFailure !== undefined) error = tabReadFailure(authorFailure);
    } catch (e) {
      error = tabReadFailure(e);
    }
    // X's answer may have changed the author and the relation: read again.
    state = await d.transaction('r', postTables(d), () => postState(d, accountId, postId, post));
  }
  const { author } = state;
  const me = accounts.find((a) => a.id === accountId);
  const replyAllowed = !!post && mayReply(post, { id: accountId, username: me?.username ?? '' });
  return {
    kind: 'post',
    post: post ? postViewOf(post, author ?? undefined) : null,
    author,
    bookmarked: state.bookmarked,
    ...(state.bookmarksReadAt !== undefined ? { bookmarksReadAt: state.bookmarksReadAt } : {}),
    liked: state.liked,
    reposted: state.reposted,
    actions: state.actions,
    rules: postRules(enterprise, replyAllowed),
    ...(edit ? { edit } : {}),
    // A post X sent without `author_id` is as one whose author X left out: X did not say who wrote it (./post-author.ts).
    ...(!error && !author && post && post.authorId !== accountId && authorUnreadToday(post, now) ? { authorMissing: true as const } : {}),
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
  // The setting is read beside the store, not after it.
  const enterprise = onEnterprise();
  enterprise.catch(() => undefined); // awaited below; a failure of the store first is the one thrown
  // Through the @username index (lib/db, version 6), whatever the address's case. A @username that changed hands
  // can leave two people of the account under one name: the one Perch saw last holds it now.
  let user = (
    await d.users
      .where(USERS_BY_USERNAME)
      .equalsIgnoreCase(username)
      .filter((u) => u.accountId === accountId && u.username.toLowerCase() === lower)
      .toArray()
  ).reduce<UserRow | undefined>((newest, u) => (!newest || u.seenAt > newest.seenAt ? u : newest), undefined);
  let error: ProfileContext['error'];
  // A row a sync stored (a bookmark's author) says nothing of following: X's connection_status is read for it.
  if (!relationKnown(user, now)) {
    try {
      const found = await getUserByUsername(await tabReadClient(client), username, {
        fields: { 'user.fields': USER_FIELDS_WITH_RELATION },
      });
      // An answer whose connection_status cannot be read keeps the day X last said it (putUsers), as the catch below
      // keeps the row.
      [user] = await putUsers(d, [userRow(accountId, found, new Date(now).toISOString())]);
      if (user && (await applyConnection(d, accountId, found, user.seenAt))) user.relationSeenAt = user.seenAt;
    } catch (e) {
      // Without X's word on the relation (a row a sync stored), Follow or Unfollow would be a guess: say what failed.
      if (!user?.relationSeenAt) {
        error = tabReadFailure(e);
        // X has no such account (resource-not-found: a username no one holds, or a suspended account): the popup
        // names the @username it looked for (popup_user_not_found), not "X could not find it".
        if (error.kind === 'not-found' && !error.own) error = { kind: 'not-found', message: '' };
        user = undefined;
      }
    }
  }
  const found = user;
  const [rel, actions, onPlan] = await Promise.all([
    found ? relation(d, accountId, found.id) : undefined,
    found ? actionsOn(d, accountId, [found.id]) : [],
    enterprise,
  ]);
  return {
    kind: 'profile',
    user: found && rel ? { ...userViewOf(found), ...rel, ...unsaid(found) } : null,
    actions,
    rules: profileRules(onPlan),
    ...(error ? { error } : {}),
  };
}

/** The fields that have a value (a stored row never carries an explicit `undefined`). */
function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
