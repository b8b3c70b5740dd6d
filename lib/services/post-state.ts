import {
  ACTIONS_BY_POST,
  ACTIONS_BY_USER,
  type ActionRow,
  type BookmarkRow,
  type EngagementRow,
  type PerchDb,
  type PostRow,
  type RelationRow,
  type SyncStateRow,
  type UserRow,
} from '../db';
import { userViewOf } from './row-views';
import type { AccountRelation, ActionBrief, UserView } from '../views';

/**
 * A post's or person's state as the store holds it for the popup (./tab-context.ts): the account's relation to a
 * person, the newest action of each kind on them, and a post's whole state made from its rows, whether Dexie read them
 * or the popup's first read did with IndexedDB itself (./stored-post-raw.ts), so both give the same answer.
 */

/** The account's relation to a person, from its three rows (absent: not so). */
function relationOf(follow: RelationRow | undefined, muted: RelationRow | undefined, blocked: RelationRow | undefined): AccountRelation {
  return {
    muted: !!muted,
    blocked: !!blocked,
    following: !!follow && !follow.pending,
    followRequested: !!follow?.pending,
  };
}

/** The following, muted and blocked rows of the account on a person. */
function relationRows(d: PerchDb, accountId: string, userId: string) {
  const key: [string, string] = [accountId, userId];
  return Promise.all([d.following.get(key), d.muted.get(key), d.blocked.get(key)]);
}

export const relation = async (d: PerchDb, accountId: string, userId: string): Promise<AccountRelation> =>
  relationOf(...(await relationRows(d, accountId, userId)));

/** How many of the newest actions on a post or person are looked at for each one's newest of a kind. */
export const ACTIONS_LOOKED_AT = 50;

/**
 * The newest action of each kind (bookmark or unbookmark, like or unlike, mute or unmute…) whose params name one of
 * these ids: a post (`params.postId`) or a person (`params.userId`). Read through the actions' post and person
 * indexes (lib/db, version 6), newest first and at most `ACTIONS_LOOKED_AT` each, however long the account's action
 * log: the popup asks this each time it opens on a post or profile.
 */
export async function actionsOn(d: PerchDb, accountId: string, ids: string[]): Promise<ActionBrief[]> {
  return newestOfEach(await actionRowsOn(d, accountId, ids));
}

/** Each id's newest `ACTIONS_LOOKED_AT` actions through the post index, then through the person index. */
function actionRowsOn(d: PerchDb, accountId: string, ids: string[]): Promise<ActionRow[][]> {
  const newest = (index: string, id: string) => d.actions.where(index).equals([accountId, id]).reverse().limit(ACTIONS_LOOKED_AT).toArray();
  return Promise.all(ids.flatMap((id) => [newest(ACTIONS_BY_POST, id), newest(ACTIONS_BY_USER, id)]));
}

/** The newest action of each kind among these rows (each id's on each index), of the newest `ACTIONS_LOOKED_AT` of them. */
export function newestOfEach(found: ActionRow[][]): ActionBrief[] {
  const bySeq = new Map(found.flat().map((a) => [a.seq!, a]));
  const rows = [...bySeq.values()].sort((a, b) => b.seq! - a.seq!).slice(0, ACTIONS_LOOKED_AT);
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

/** Marks a relation unknown when X never said it for this row (a sync's row, or a `connection_status` not a list). */
export const unsaid = (row: UserRow): Pick<AccountRelation, 'relationUnsaid'> => (row.relationSeenAt ? {} : { relationUnsaid: true });

/** What the store says of a post besides the post itself: its author and how the account relates to both. */
export interface PostState {
  authorRow: UserRow | undefined;
  author: (UserView & AccountRelation) | null;
  bookmarked: boolean;
  bookmarksReadAt?: string | null;
  liked: boolean;
  reposted: boolean;
  actions: ActionBrief[];
}

/** The stored post and its state, as the popup's first read gives them (from the store alone). */
export interface StoredPost {
  post: PostRow | undefined;
  state: PostState;
}

/** The tables `postState` reads, with the post's own. */
export const postTables = (d: PerchDb) => [
  d.posts,
  d.users,
  d.engagements,
  d.bookmarks,
  d.syncState,
  d.following,
  d.muted,
  d.blocked,
  d.actions,
];

/**
 * The rows a post's state is made of: its author's row and, when there is one, the three relation rows and the actions
 * on the author; the actions on the post, the account's engagement, bookmark and bookmark sync.
 */
export interface PostStateRows {
  authorRow: UserRow | undefined;
  relation: [RelationRow | undefined, RelationRow | undefined, RelationRow | undefined] | undefined;
  /** Each id's actions on the post index then the person index: the post's id's, then the author's when read. */
  actions: ActionRow[][];
  engagement: EngagementRow | undefined;
  bookmark: BookmarkRow | undefined;
  sync: SyncStateRow | undefined;
}

/** A post's state from its rows (the store's transaction, or the popup's first read in ./stored-post-raw.ts). */
export function postStateOf(rows: PostStateRows): PostState {
  const { authorRow, relation: rel, engagement, bookmark, sync } = rows;
  const author = authorRow && rel ? { ...userViewOf(authorRow), ...relationOf(...rel), ...unsaid(authorRow) } : null;
  const read = bookmark ? {} : { bookmarksReadAt: sync?.lastSyncedAt ?? null };
  const actions = newestOfEach(rows.actions);
  return { authorRow, author, actions, bookmarked: !!bookmark, ...read, liked: !!engagement?.liked, reposted: !!engagement?.reposted };
}

/** Reads a post's state all at once (the popup waits for it): every read that does not need another's answer in parallel. */
export async function postState(d: PerchDb, accountId: string, postId: string, post: PostRow | undefined): Promise<PostState> {
  const authorAndActions = async () => {
    const authorRow = post?.authorId ? await d.users.get([accountId, post.authorId]) : undefined;
    const [rel, actions] = await Promise.all([
      authorRow ? relationRows(d, accountId, authorRow.id) : undefined,
      actionRowsOn(d, accountId, [postId, ...(authorRow ? [authorRow.id] : [])]),
    ]);
    return { authorRow, relation: rel, actions };
  };
  const [who, engagement, bookmark, sync] = await Promise.all([
    authorAndActions(),
    d.engagements.get([accountId, postId]),
    d.bookmarks.get([accountId, postId]),
    d.syncState.get([accountId, 'bookmarks']),
  ]);
  return postStateOf({ ...who, engagement, bookmark, sync });
}

/** The post and its state from the store, in one read-only transaction of Dexie's. */
export function storedPost(d: PerchDb, accountId: string, postId: string): Promise<StoredPost> {
  return d.transaction('r', postTables(d), async () => {
    const row = await d.posts.get([accountId, postId]);
    return { post: row, state: await postState(d, accountId, postId, row) };
  });
}
