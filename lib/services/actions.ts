import type { Table } from 'dexie';
import type { BookmarkRow, ListMemberRow, ListRow, PerchDb, PostRow, RelationRow } from '../db';
import { bookmarkPost, unbookmarkPost } from '../x/bookmarks';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import { blockUser, unblockUser } from '../x/blocks';
import { followUser, unfollowUser } from '../x/follows';
import { likePost, unlikePost } from '../x/likes';
import {
  addListMember,
  createList,
  deleteList,
  followList,
  getOwnedLists,
  pinList,
  removeListMember,
  unfollowList,
  unpinList,
  updateList,
} from '../x/lists';
import { muteUser, unmuteUser } from '../x/mutes';
import { deletePost, repostPost, undoRepost } from '../x/posts';
import type { ActionDef, Params, Result } from './outbox';
import { bookmarkSearchText } from './records';

/**
 * Every action a person can take on X through Perch, for the outbox: how it shows in the store at once, how it is
 * sent, rolled back, and undone. One action at a time, each explicitly asked for: nothing here loops or batches.
 */

const str = (p: Params, key: string): string => {
  const v = p[key];
  if (typeof v !== 'string' || !v) throw new Error(`Missing ${key}.`);
  return v;
};
const who = (p: Params) => (typeof p.username === 'string' ? `@${p.username}` : 'an account');
const listName = (p: Params) => (typeof p.listName === 'string' ? `“${p.listName}”` : 'a list');

/** Treats "already gone" as done for removals sent again after a lost answer. */
async function gone(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof XApiError && error.kind === 'not-found') return;
    throw error;
  }
}

type RowSnapshot<T> = T | null;

/** A toggle stored as the presence of a row in a relation table (muted, blocked, following). */
function relation(
  table: (d: PerchDb) => Table<RelationRow, [string, string]>,
  on: boolean,
  send: (client: XClient, accountId: string, userId: string) => Promise<unknown>,
  words: { on: string; off: string },
  inverse: string | undefined,
): ActionDef {
  return {
    label: (p) => `${on ? words.on : words.off} ${who(p)}`,
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
    ...(inverse ? { inverse: (p: Params) => ({ type: inverse, params: p }) } : {}),
  };
}

/** A toggle stored as a flag on the post's engagement row (liked, reposted). */
function engagement(
  flag: 'liked' | 'reposted',
  on: boolean,
  send: (client: XClient, accountId: string, postId: string) => Promise<unknown>,
  label: string,
  inverse: string,
): ActionDef {
  return {
    label: (p) => `${label} ${typeof p.username === 'string' ? `a post by @${p.username}` : 'a post'}`,
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
      await send(client, accountId, str(p, 'postId'));
    },
    idempotent: true,
    inverse: (p) => ({ type: inverse, params: p }),
  };
}

function bookmarkToggle(on: boolean): ActionDef {
  return {
    label: (p) => `${on ? 'Bookmark' : 'Remove bookmark of'} ${typeof p.username === 'string' ? `a post by @${p.username}` : 'a post'}`,
    target: (p) => `post:${str(p, 'postId')}:bookmark`,
    tables: (d) => [d.bookmarks, d.posts, d.users],
    async apply(d, accountId, p) {
      const postId = str(p, 'postId');
      const before = (await d.bookmarks.get([accountId, postId])) ?? null;
      if (on) {
        if (!before) {
          const top = await d.bookmarks.where('[accountId+position]').between([accountId, -Infinity], [accountId, Infinity]).last();
          const post = await d.posts.get([accountId, postId]);
          const author = post?.authorId ? await d.users.get([accountId, post.authorId]) : undefined;
          await d.bookmarks.put({
            accountId,
            postId,
            position: (top?.position ?? 0) + 1,
            folderIds: [],
            searchText: bookmarkSearchText(post, author),
          });
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
    inverse: (p) => ({ type: on ? 'unbookmark' : 'bookmark', params: p }),
  };
}

/** A flag on a list row (pinned, followed). */
function listFlag(
  flag: 'pinned' | 'followed',
  on: boolean,
  send: (client: XClient, accountId: string, listId: string) => Promise<unknown>,
  label: string,
  inverse: string,
): ActionDef {
  return {
    label: (p) => `${label} ${listName(p)}`,
    target: (p) => `list:${str(p, 'listId')}:${flag}`,
    tables: (d) => [d.lists],
    async apply(d, accountId, p) {
      const key: [string, string] = [accountId, str(p, 'listId')];
      const before = (await d.lists.get(key)) ?? null;
      if (before) await d.lists.put({ ...before, [flag]: on });
      return before;
    },
    async rollback(d, _accountId, _p, snapshot) {
      const before = snapshot as RowSnapshot<ListRow>;
      if (before) await d.lists.put(before);
    },
    async execute(client, accountId, p) {
      await send(client, accountId, str(p, 'listId'));
    },
    idempotent: true,
    inverse: (p) => ({ type: inverse, params: p }),
  };
}

function member(on: boolean): ActionDef {
  return {
    label: (p) => `${on ? 'Add' : 'Remove'} ${who(p)} ${on ? 'to' : 'from'} ${listName(p)}`,
    target: (p) => `list:${str(p, 'listId')}:member:${str(p, 'userId')}`,
    tables: (d) => [d.listMembers, d.lists],
    async apply(d, accountId, p) {
      const key: [string, string, string] = [accountId, str(p, 'listId'), str(p, 'userId')];
      const before = (await d.listMembers.get(key)) ?? null;
      if (on) await d.listMembers.put({ accountId, listId: key[1], userId: key[2] });
      else await d.listMembers.delete(key);
      return before;
    },
    async rollback(d, accountId, p, snapshot) {
      if (snapshot) await d.listMembers.put(snapshot as never);
      else await d.listMembers.delete([accountId, str(p, 'listId'), str(p, 'userId')]);
    },
    async execute(client, _accountId, p) {
      if (on) await addListMember(client, str(p, 'listId'), str(p, 'userId'));
      else await gone(() => removeListMember(client, str(p, 'listId'), str(p, 'userId')));
    },
    idempotent: true,
    inverse: (p) => ({ type: on ? 'list.removeMember' : 'list.addMember', params: p }),
  };
}

const listCreate: ActionDef = {
  label: (p) => `Create the list ${listName({ listName: p.name })}`,
  target: (p) => `list:${str(p, 'tempId')}`,
  tables: (d) => [d.lists],
  async apply(d, accountId, p) {
    await d.lists.put({
      accountId,
      id: str(p, 'tempId'),
      name: str(p, 'name'),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      private: p.private === true,
      ownerId: accountId,
      owned: true,
      followed: false,
      pinned: false,
      member: false,
    });
    return null;
  },
  async rollback(d, accountId, p) {
    await d.lists.delete([accountId, str(p, 'tempId')]);
  },
  async execute(client, _accountId, p) {
    const created = await createList(client, {
      name: str(p, 'name'),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(typeof p.private === 'boolean' ? { private: p.private } : {}),
    });
    return { id: created.id };
  },
  async confirm(d, accountId, p, result) {
    const tempKey: [string, string] = [accountId, str(p, 'tempId')];
    const row = await d.lists.get(tempKey);
    await d.lists.delete(tempKey);
    if (row && typeof result?.id === 'string') await d.lists.put({ ...row, id: result.id });
  },
  idempotent: false,
  async reconcile(client, accountId, p, action) {
    // Its answer was lost: a list of that name created since the action was taken means X did create it.
    const page = await getOwnedLists(client, accountId, { maxResults: 100 });
    const made = page.items.find((l) => l.name === p.name && (!l.created_at || l.created_at >= action.createdAt.slice(0, 19)));
    return made ? { id: made.id } : undefined;
  },
  inverse: (_p, result) => (typeof result?.id === 'string' ? { type: 'list.delete', params: { listId: result.id } } : undefined),
};

const listUpdate: ActionDef = {
  label: (p) => `Change ${listName(p)}`,
  target: (p) => `list:${str(p, 'listId')}`,
  tables: (d) => [d.lists],
  async apply(d, accountId, p) {
    const key: [string, string] = [accountId, str(p, 'listId')];
    const before = (await d.lists.get(key)) ?? null;
    if (before) {
      await d.lists.put({
        ...before,
        ...(typeof p.name === 'string' ? { name: p.name } : {}),
        ...(typeof p.description === 'string' ? { description: p.description } : {}),
        ...(typeof p.private === 'boolean' ? { private: p.private } : {}),
      });
    }
    return before;
  },
  async rollback(d, _accountId, _p, snapshot) {
    if (snapshot) await d.lists.put(snapshot as ListRow);
  },
  async execute(client, _accountId, p) {
    await updateList(client, str(p, 'listId'), {
      ...(typeof p.name === 'string' ? { name: p.name } : {}),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(typeof p.private === 'boolean' ? { private: p.private } : {}),
    });
  },
  idempotent: true,
};

const listDelete: ActionDef = {
  label: (p) => `Delete the list ${listName(p)}`,
  target: (p) => `list:${str(p, 'listId')}`,
  tables: (d) => [d.lists, d.listMembers],
  async apply(d, accountId, p) {
    const key: [string, string] = [accountId, str(p, 'listId')];
    const list = (await d.lists.get(key)) ?? null;
    const members = await d.listMembers.where('[accountId+listId]').equals(key).toArray();
    await d.lists.delete(key);
    await d.listMembers.where('[accountId+listId]').equals(key).delete();
    return { list, members };
  },
  async rollback(d, _accountId, _p, snapshot) {
    const { list, members } = snapshot as { list: ListRow | null; members: ListMemberRow[] };
    if (list) await d.lists.put(list);
    await d.listMembers.bulkPut(members);
  },
  async execute(client, _accountId, p) {
    await gone(() => deleteList(client, str(p, 'listId')));
  },
  idempotent: true,
};

const postDelete: ActionDef = {
  label: () => 'Delete your post',
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

const followToggle = relation((d) => d.following, true, followUser, { on: 'Follow', off: 'Unfollow' }, 'unfollow');

/**
 * Following a protected account sends a follow request: X answers `pending_follow: true` and `following: false`
 * until the account approves (x-api--users--follows--quickstart, "If the target account is protected,
 * `pending_follow` will be `true`"). The row is kept as pending ("Requested"), never as following; known protected
 * accounts show as pending at once. X documents no way to withdraw a request through the API, so a pending follow
 * has no Undo (the popup links to the profile on x.com instead).
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
    return { following: state.following, pendingFollow: state.pendingFollow };
  },
  async confirm(d, accountId, p, result) {
    if (!result) return;
    const key: [string, string] = [accountId, str(p, 'userId')];
    const row = (await d.following.get(key)) ?? { accountId, userId: key[1], position: Date.now() };
    if (result.following === true) await d.following.put({ accountId, userId: key[1], position: row.position });
    else if (result.pendingFollow === true) await d.following.put({ ...row, pending: true });
    else await d.following.delete(key);
  },
  inverse: (p, result) => (result?.pendingFollow === true ? undefined : { type: 'unfollow', params: p }),
};

/** Unfollowing a list also unpins it on X: show both at once. */
async function unfollowAndUnpin(d: PerchDb, accountId: string, p: Params): Promise<unknown> {
  const key: [string, string] = [accountId, str(p, 'listId')];
  const before = (await d.lists.get(key)) ?? null;
  if (before) await d.lists.put({ ...before, followed: false, ...(before.owned ? {} : { pinned: false }) });
  return before;
}

/** The action types the outbox knows. */
export const ACTIONS: Record<string, ActionDef> = {
  bookmark: bookmarkToggle(true),
  unbookmark: bookmarkToggle(false),
  mute: relation((d) => d.muted, true, muteUser, { on: 'Mute', off: 'Unmute' }, 'unmute'),
  unmute: relation((d) => d.muted, false, unmuteUser, { on: 'Mute', off: 'Unmute' }, 'mute'),
  block: relation((d) => d.blocked, true, blockUser, { on: 'Block', off: 'Unblock' }, 'unblock'),
  unblock: relation((d) => d.blocked, false, unblockUser, { on: 'Block', off: 'Unblock' }, 'block'),
  follow,
  unfollow: relation((d) => d.following, false, unfollowUser, { on: 'Follow', off: 'Unfollow' }, 'follow'),
  like: engagement('liked', true, likePost, 'Like', 'unlike'),
  unlike: engagement('liked', false, unlikePost, 'Unlike', 'like'),
  repost: engagement('reposted', true, repostPost, 'Repost', 'undoRepost'),
  undoRepost: engagement('reposted', false, undoRepost, 'Undo repost of', 'repost'),
  'list.create': listCreate,
  'list.update': listUpdate,
  'list.delete': listDelete,
  'list.addMember': member(true),
  'list.removeMember': member(false),
  'list.pin': listFlag('pinned', true, pinList, 'Pin', 'list.unpin'),
  'list.unpin': listFlag('pinned', false, unpinList, 'Unpin', 'list.pin'),
  'list.follow': listFlag('followed', true, followList, 'Follow', 'list.unfollow'),
  'list.unfollow': { ...listFlag('followed', false, unfollowList, 'Unfollow', 'list.follow'), apply: unfollowAndUnpin },
  'post.delete': postDelete,
};

export type ActionType = keyof typeof ACTIONS;
export type { Result };
