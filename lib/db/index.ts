import Dexie, { type Table } from 'dexie';
import type {
  ActionRow,
  BookmarkFolderRow,
  BookmarkNoteRow,
  BookmarkRow,
  DraftMediaRow,
  DraftRow,
  EngagementRow,
  ListMemberRow,
  ListRow,
  PostRow,
  RateLimitRow,
  RelationRow,
  SavedSearchRow,
  SyncStateRow,
  UserRow,
} from './rows';
import { NEVER_SEEN } from './rows';
import { clearAccount, type ClearAccountOptions } from './wipe';
import { positionMembers } from './list-members';

export * from './rows';
export { firstMemberPosition, nextMemberPosition, putMemberFirst } from './list-members';
export { TABLE_WIPE, tablesWithoutPolicy, type KeepChoice, type TableName, type TablePolicy, type ClearAccountOptions } from './wipe';

/**
 * Perch's local store, one database for every account: every row carries the X user id of the account it
 * belongs to (`accountId`, or a draft's key for its images), so accounts never see each other's data and one
 * account's data can be wiped alone. When each table is wiped is declared in lib/db/wipe.ts (`TABLE_WIPE`).
 * Only the background writes it; screens read it (useLiveQuery) or ask the background.
 * Schema versions are append-only: never edit a version that has shipped — add `this.version(n + 1)` with the
 * change, and an `.upgrade()` when rows must move.
 */

/** Version 1's tables and indexes. A table added later goes in its own version's schema, and in `TableName`. */
export const SCHEMA_V1 = {
  users: '[accountId+id], accountId, [accountId+username]',
  posts: '[accountId+id], accountId, [accountId+seenAt]',
  bookmarks: '[accountId+postId], accountId, [accountId+position], *folderIds',
  bookmarkFolders: '[accountId+id], accountId',
  lists: '[accountId+id], accountId',
  listMembers: '[accountId+listId+userId], accountId, [accountId+listId], [accountId+userId]',
  muted: '[accountId+userId], accountId, [accountId+position]',
  blocked: '[accountId+userId], accountId, [accountId+position]',
  following: '[accountId+userId], accountId',
  engagements: '[accountId+postId], accountId',
  drafts: 'key, accountId, updatedAt',
  draftMedia: 'id, draftKey',
  actions: '++seq, accountId, [accountId+state], [accountId+seq]',
  rateLimits: '[accountId+endpoint], accountId',
  syncState: '[accountId+collection], accountId',
} as const;

/**
 * Tables version 5 adds (issue 14): the person's own tags, note and read state of each bookmark, kept apart from
 * the bookmark rows so they outlive a bookmark X stops listing, and their saved searches.
 */
export const SCHEMA_V5_TABLES = {
  bookmarkNotes: '[accountId+postId], accountId, *tags',
  savedSearches: '[accountId+id], accountId',
} as const;

/** Version 6's index of actions by list and type: a list's newest action of a type is one step away. */
export const ACTIONS_BY_LIST = '[accountId+params.listId+type]';
/** Version 6's indexes of actions by post and by person, `seq` order within each: the popup's post or profile. */
export const ACTIONS_BY_POST = '[accountId+params.postId]';
export const ACTIONS_BY_USER = '[accountId+params.userId]';
/** Version 6's index of actions by state alone, every account's: the outbox's queued and mid-send ones at a worker's start. */
export const ACTIONS_BY_STATE = 'state';
/** Version 6's index of people by @username alone, found whatever its case (the popup on a profile's address). */
export const USERS_BY_USERNAME = 'username';

export class PerchDb extends Dexie {
  users!: Table<UserRow, [string, string]>;
  posts!: Table<PostRow, [string, string]>;
  bookmarks!: Table<BookmarkRow, [string, string]>;
  bookmarkFolders!: Table<BookmarkFolderRow, [string, string]>;
  lists!: Table<ListRow, [string, string]>;
  listMembers!: Table<ListMemberRow, [string, string, string]>;
  muted!: Table<RelationRow, [string, string]>;
  blocked!: Table<RelationRow, [string, string]>;
  following!: Table<RelationRow, [string, string]>;
  engagements!: Table<EngagementRow, [string, string]>;
  drafts!: Table<DraftRow, string>;
  draftMedia!: Table<DraftMediaRow, string>;
  actions!: Table<ActionRow, number>;
  rateLimits!: Table<RateLimitRow, [string, string]>;
  syncState!: Table<SyncStateRow, [string, string]>;
  bookmarkNotes!: Table<BookmarkNoteRow, [string, string]>;
  savedSearches!: Table<SavedSearchRow, [string, string]>;

  constructor(name = 'perch') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2 keeps posts whole past 280 characters (X's `note_tweet`); rows stored before may hold X's cut-short `text`.
    // Marking them unseen makes the popup ask X again, and forgetting the bookmarks' last full walk makes the next
    // sync rewrite every bookmarked post: the day's walk X bills once anyway.
    this.version(2).upgrade(async (tx) => {
      await tx
        .table<PostRow>('posts')
        .toCollection()
        .modify((p) => {
          p.seenAt = NEVER_SEEN;
        });
      await tx
        .table<SyncStateRow>('syncState')
        .filter((s) => s.collection === 'bookmarks')
        .modify((s) => {
          delete s.lastFullDay;
        });
    });
    // v3 keeps a bookmarked post's media, quoted post and replied-to user. Forgetting the last full walk makes the
    // next sync read every bookmark again with them (the same request count as any day's walk).
    this.version(3).upgrade(async (tx) => {
      await tx
        .table<SyncStateRow>('syncState')
        .filter((s) => s.collection === 'bookmarks')
        .modify((s) => {
          delete s.lastFullDay;
        });
    });
    // v4 keeps a list's members in X's order (a `position` each) so a list of thousands opens on its first rows
    // through the `[accountId+listId+position]` index. Members stored before keep the order they were read in.
    this.version(4)
      .stores({ listMembers: `${SCHEMA_V1.listMembers}, [accountId+listId+position]` })
      .upgrade(async (tx) => {
        await positionMembers(tx.table<ListMemberRow, [string, string, string]>('listMembers'));
      });
    // v5 adds the person's tags, notes and read state of bookmarks, and saved searches: new tables, no rows to move.
    this.version(5).stores(SCHEMA_V5_TABLES);
    // v6 lets the popup's list page find the newest pin and follow of one list (lib/services/list-context.ts) without
    // walking the account's whole action log: actions by list id (`params.listId`, every list action's) and type,
    // in `seq` order within each. Every action row already holds its params, so IndexedDB fills it: no rows move.
    // The same for the popup's post and profile (lib/services/tab-context.ts): actions by post id and by person id.
    // And people by @username, found whatever its case: a profile's address need not spell it as X does. And actions by
    // state, so a worker's start finds what is queued or was mid-send without reading the whole log.
    this.version(6).stores({
      actions: `${SCHEMA_V1.actions}, ${ACTIONS_BY_LIST}, ${ACTIONS_BY_POST}, ${ACTIONS_BY_USER}, ${ACTIONS_BY_STATE}`,
      users: `${SCHEMA_V1.users}, ${USERS_BY_USERNAME}`,
    });
  }

  /**
   * Removes one account's rows from every table whose wipe policy (lib/db/wipe.ts) says sign-out: cached X data,
   * queued and logged actions, drafts and their images — unless the person chose to keep what the policy lets them
   * keep. X's rate-limit records stay until their reset. Other accounts are untouched.
   * @throws if IndexedDB fails; nothing is removed then (one transaction).
   */
  clearAccount(accountId: string, options: ClearAccountOptions): Promise<void> {
    return clearAccount(this, accountId, options);
  }
}

let instance: PerchDb | undefined;

/** The store, opened on first use. */
export function db(): PerchDb {
  instance ??= new PerchDb();
  return instance;
}

/** Closes and forgets the store (tests; a restarted worker opens it afresh). */
export function resetDb(): void {
  instance?.close();
  instance = undefined;
}
