import type { Table } from 'dexie';
import { ACTION_TYPES, undoIsGuess, type ActionType } from '../action-types';
import type { BookmarkRow, PerchDb, PostRow, RelationRow } from '../db';
import { bookmarkPost, unbookmarkPost } from '../x/bookmarks';
import type { XClient } from '../x/client';
import { blockUser, unblockUser } from '../x/blocks';
import { followUser, unfollowUser } from '../x/follows';
import { likePost, unlikePost } from '../x/likes';
import { muteUser, unmuteUser } from '../x/mutes';
import { deletePost, repostPost, undoRepost } from '../x/posts';
import { gone, inverseOf, str } from './action-kit';
import { LIST_ACTIONS } from './list-actions';
import type { ActionDef, Result } from './outbox';

/**
 * Every action a person can take on X through Perch, for the outbox: how it shows in the store at once, how it is
 * sent, rolled back, and undone (list actions: lib/services/list-actions.ts; each type's family and undo: lib/action-types.ts).
 * One action at a time, each explicitly asked for: nothing here loops or batches.
 */

type RowSnapshot<T> = T | null;

/** A toggle stored as the presence of a row in a relation table (muted, blocked, following). */
function relation(
  table: (d: PerchDb) => Table<RelationRow, [string, string]>,
  on: boolean,
  send: (client: XClient, accountId: string, userId: string) => Promise<unknown>,
  type: ActionType,
): ActionDef {
  return {
    target: (p) => `user:${str(p, 'userId')}`,
    tables: (d) => [table(d)],
    async apply(d, accountId, p) {
      const key: [string, string] = [accountId, str(p, 'userId')];
      const before = (await table(d).get(key)) ?? null;
      if (on) await table(d).put({ accountId, userId: key[1], position: Date.now() });
      else await table(d).delete(key);
      return before;
    },
    async rollback(d, accountId, p, snapshot) {
      const before = snapshot as RowSnapshot<RelationRow>;
      if (before) await table(d).put(before);
      else await table(d).delete([accountId, str(p, 'userId')]);
    },
    async execute(client, accountId, p) {
      if (on) await send(client, accountId, str(p, 'userId'));
      else await gone(() => send(client, accountId, str(p, 'userId')));
    },
    idempotent: true,
    ...inverseOf(type),
  };
}

/** A toggle stored as a flag on the post's engagement row (liked, reposted). */
function engagement(
  flag: 'liked' | 'reposted',
  on: boolean,
  send: (client: XClient, accountId: string, postId: string) => Promise<unknown>,
  type: ActionType,
): ActionDef {
  return {
    target: (p) => `post:${str(p, 'postId')}:${flag}`,
    tables: (d) => [d.engagements],
    async apply(d, accountId, p) {
      const key: [string, string] = [accountId, str(p, 'postId')];
      const before = (await d.engagements.get(key)) ?? null;
      await d.engagements.put({ ...(before ?? { accountId, postId: key[1] }), [flag]: on });
      return before;
    },
    async rollback(d, accountId, p, snapshot) {
      const before = snapshot as RowSnapshot<{ accountId: string; postId: string }>;
      if (before) await d.engagements.put(before);
      else await d.engagements.delete([accountId, str(p, 'postId')]);
    },
    async execute(client, accountId, p) {
      // A like or repost of a post deleted on X went with it: X's 404 to the undo is done (response-codes-and-errors).
      if (on) await send(client, accountId, str(p, 'postId'));
      else await gone(() => send(client, accountId, str(p, 'postId')));
    },
    idempotent: true,
    ...inverseOf(type),
  };
}

function bookmarkToggle(on: boolean): ActionDef {
  return {
    target: (p) => `post:${str(p, 'postId')}:bookmark`,
    tables: (d) => [d.bookmarks],
    async apply(d, accountId, p) {
      const postId = str(p, 'postId');
      const before = (await d.bookmarks.get([accountId, postId])) ?? null;
      if (on) {
        if (!before) {
          const top = await d.bookmarks.where('[accountId+position]').between([accountId, -Infinity], [accountId, Infinity]).last();
          await d.bookmarks.put({ accountId, postId, position: (top?.position ?? 0) + 1, folderIds: [] });
        }
      } else await d.bookmarks.delete([accountId, postId]);
      return before;
    },
    async rollback(d, accountId, p, snapshot) {
      const before = snapshot as RowSnapshot<BookmarkRow>;
      if (before) await d.bookmarks.put(before);
      else await d.bookmarks.delete([accountId, str(p, 'postId')]);
    },
    async execute(client, accountId, p) {
      if (on) await bookmarkPost(client, accountId, str(p, 'postId'));
      else await gone(() => unbookmarkPost(client, accountId, str(p, 'postId')));
    },
    idempotent: true,
    ...inverseOf(on ? 'bookmark' : 'unbookmark'),
  };
}

const postDelete: ActionDef = {
  target: (p) => `post:${str(p, 'postId')}`,
  tables: (d) => [d.posts, d.bookmarks],
  async apply(d, accountId, p) {
    const key: [string, string] = [accountId, str(p, 'postId')];
    const post = (await d.posts.get(key)) ?? null;
    const bookmark = (await d.bookmarks.get(key)) ?? null;
    await d.posts.delete(key);
    await d.bookmarks.delete(key);
    return { post, bookmark };
  },
  async rollback(d, _accountId, _p, snapshot) {
    const { post, bookmark } = snapshot as { post: PostRow | null; bookmark: BookmarkRow | null };
    if (post) await d.posts.put(post);
    if (bookmark) await d.bookmarks.put(bookmark);
  },
  async execute(client, _accountId, p) {
    await gone(() => deletePost(client, str(p, 'postId')));
  },
  idempotent: true,
};

const followToggle = relation((d) => d.following, true, followUser, 'follow');
const blockToggle = relation((d) => d.blocked, true, blockUser, 'block');

/**
 * Blocking an account ends your follow of it, and a follow request to it, on X (x-api--users--blocks--integrate,
 * "What happens when you block": you can no longer follow them); an unblock does not bring it back. Once X confirms
 * the block the store forgets the follow, so the account's profile offers Follow, never Unfollow or Requested.
 */
const block: ActionDef = {
  ...blockToggle,
  tables: (d) => [d.blocked, d.following],
  async confirm(d, accountId, p) {
    await d.following.delete([accountId, str(p, 'userId')]);
  },
};

/**
 * An account you block is one you do not follow (see `block`), so once X confirms the unblock the store forgets any
 * follow row a read left for it before the block: the profile then offers Follow, as X would (an unblock does not
 * bring a follow back), and no screen reads the account as followed while the side panel says you do not follow it.
 */
const unblockToggle = relation((d) => d.blocked, false, unblockUser, 'unblock');
const unblock: ActionDef = {
  ...unblockToggle,
  tables: (d) => [d.blocked, d.following],
  async confirm(d, accountId, p) {
    await d.following.delete([accountId, str(p, 'userId')]);
  },
};

/**
 * Following a protected account sends a follow request: X answers `pending_follow: true` and `following: false`
 * until the account approves (x-api--users--follows--quickstart, "If the target account is protected,
 * `pending_follow` will be `true`"). The row is kept as pending ("Requested"), never as following; known protected
 * accounts show as pending at once. X documents no way to withdraw a request through the API, so a pending follow
 * has no Undo (the popup links to the profile on x.com instead), nor has one X answered without saying which it is
 * (`undoIsGuess`).
 */
const follow: ActionDef = {
  ...followToggle,
  tables: (d) => [d.following, d.users],
  async apply(d, accountId, p) {
    const before = await followToggle.apply(d, accountId, p);
    const key: [string, string] = [accountId, str(p, 'userId')];
    if ((await d.users.get(key))?.protected) await d.following.update(key, { pending: true });
    return before;
  },
  async execute(client, accountId, p) {
    const state = await followUser(client, accountId, str(p, 'userId'));
    return { following: state.following, pendingFollow: state.pendingFollow, ...(state.unsaid ? { unsaid: true } : {}) };
  },
  async confirm(d, accountId, p, result) {
    if (!result) return;
    const key: [string, string] = [accountId, str(p, 'userId')];
    // X said neither following nor pending: done as asked, so the store keeps what `apply` showed (Requested for a
    // known protected account, never Following), and the popup's next read asks X (connection_status) which it is.
    if (result.unsaid === true) {
      await d.users.update(key, (u) => {
        delete u.relationSeenAt;
      });
      return;
    }
    const row = (await d.following.get(key)) ?? { accountId, userId: key[1], position: Date.now() };
    if (result.following === true) await d.following.put({ accountId, userId: key[1], position: row.position });
    else if (result.pendingFollow === true) await d.following.put({ ...row, pending: true });
    else await d.following.delete(key);
  },
  // X's answer could not be read: followed as asked, but which (following, or a request waiting) X did not say.
  unreadAnswer: { unsaid: true },
  inverse: (p, result) => (undoIsGuess('follow', result) ? undefined : { type: ACTION_TYPES.follow.undo, params: p }),
};

/** The action types the outbox knows: one executor for each type declared in lib/action-types.ts. */
export const ACTIONS = {
  bookmark: bookmarkToggle(true),
  unbookmark: bookmarkToggle(false),
  mute: relation((d) => d.muted, true, muteUser, 'mute'),
  unmute: relation((d) => d.muted, false, unmuteUser, 'unmute'),
  block,
  unblock,
  follow,
  unfollow: relation((d) => d.following, false, unfollowUser, 'unfollow'),
  like: engagement('liked', true, likePost, 'like'),
  unlike: engagement('liked', false, unlikePost, 'unlike'),
  repost: engagement('reposted', true, repostPost, 'repost'),
  undoRepost: engagement('reposted', false, undoRepost, 'undoRepost'),
  ...LIST_ACTIONS,
  'post.delete': postDelete,
} satisfies Record<ActionType, ActionDef>;

export type { ActionType, Result };
