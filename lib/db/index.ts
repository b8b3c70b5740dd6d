import Dexie, { type PromiseExtended, type Table } from 'dexie';
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
import { clearAccount, type ClearAccountOptions } from './wipe';
import { declareCurrent, upgradeOlderStore } from './history';

export * from './rows';
export * from './schema';
export { firstMemberPosition, nextMemberPosition, putMemberFirst } from './list-members';
export { TABLE_WIPE, tablesWithoutPolicy, type KeepChoice, type TableName, type TablePolicy, type ClearAccountOptions } from './wipe';

/**
 * Perch's local store, one database for every account: every row carries the X user id of the account it
 * belongs to (`accountId`, or a draft's key for its images), so accounts never see each other's data and one
 * account's data can be wiped alone. When each table is wiped is declared in lib/db/wipe.ts (`TABLE_WIPE`).
 * Only the background writes it; screens read it (useLiveQuery) or ask the background.
 * Its tables, version by version, are in lib/db/schema.ts; the versions and the steps between them in
 * lib/db/history.ts.
 */
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

  /** Settles once, before the store first opens: a store an older Perch kept is upgraded. */
  private upgraded: Promise<void> | undefined;

  constructor(name = 'perch') {
    super(name);
    // One declaration of the tables as they are now: a store already at the current version (every start but the
    // first after an update) opens without Dexie rebuilding each older version's tables (./history.ts).
    declareCurrent(this);
  }

  /**
   * Opens the store, as Dexie does on the first read or write. A store an older Perch kept is first upgraded with
   * the whole history of versions (lib/db/history.ts), its rows moved step by step exactly as they always were.
   * Dexie's own open runs even when that upgrade failed: the reads waiting for the store settle only with it, and it
   * refuses a store still at an older version (`declareCurrent`), so they fail rather than wait forever.
   * @throws the upgrade's failure (tried again on the next open) when the store could not open after it, else what
   * Dexie's `open()` throws (IndexedDB refused).
   */
  override open(): PromiseExtended<Dexie> {
    this.upgraded ??= upgradeOlderStore(this.name).catch((error: unknown) => {
      this.upgraded = undefined;
      throw error;
    });
    const upgradeFailure = this.upgraded.then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    return Dexie.Promise.resolve(upgradeFailure).then((failed) =>
      super.open().catch((error: unknown) => {
        throw failed ? failed.error : error;
      }),
    );
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
