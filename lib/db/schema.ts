/**
 * The store's tables and indexes, version by version (lib/db/history.ts declares them to Dexie). Schema versions are
 * append-only: never edit a version that has shipped — add version n + 1 with the change in lib/db/history.ts, its
 * tables in `CURRENT_SCHEMA`, and an `.upgrade()` when rows must move.
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

/** Version 4's list members: in X's order within each list (a `position` each). */
export const LIST_MEMBERS_V4 = `${SCHEMA_V1.listMembers}, [accountId+listId+position]`;

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

/** Version 6's changes: the indexes above. */
export const SCHEMA_V6_CHANGES = {
  actions: `${SCHEMA_V1.actions}, ${ACTIONS_BY_LIST}, ${ACTIONS_BY_POST}, ${ACTIONS_BY_USER}, ${ACTIONS_BY_STATE}`,
  users: `${SCHEMA_V1.users}, ${USERS_BY_USERNAME}`,
} as const;

/** The store's version now: the last one lib/db/history.ts declares (version 7 moves draft rows, no table or index). */
export const CURRENT_VERSION = 7;

/** Every table and index as they are at `CURRENT_VERSION`: all of the versions above, each on the one before. */
export const CURRENT_SCHEMA = {
  ...SCHEMA_V1,
  listMembers: LIST_MEMBERS_V4,
  ...SCHEMA_V5_TABLES,
  ...SCHEMA_V6_CHANGES,
} as const;
