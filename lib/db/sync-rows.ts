import type { ActionError } from '../action-error';

/** The sync state's rows: how each collection's last sync with X went (lib/services/sync.ts). Re-exported by rows.ts. */

export type Collection = 'bookmarks' | 'bookmarkFolders' | 'lists' | 'muted' | 'blocked';

export interface SyncStateRow {
  accountId: string;
  collection: Collection;
  lastSyncedAt?: string;
  /** The UTC day (YYYY-MM-DD) of the last complete walk: X charges each resource once per UTC day. */
  lastFullDay?: string;
  running?: boolean;
  progress?: { pages: number; items: number };
  /** Why the last sync failed, as a kind and facts the screen words (components/manager/sync-words.ts). */
  error?: SyncError | undefined;
  /** The last walk ended early (its page cap, or X repeating a page): what the sync line says about it. */
  notice?: SyncNotice | undefined;
  /**
   * How many stored rows the last walk kept as they were because of X's errors: of muted, blocked, lists and bookmark
   * folders, the ones X's errors named; of bookmarks, the ones not listed beside errors that named nothing. The sync
   * line says so (components/manager/sync-words.ts `syncKeptText`).
   */
  kept?: number | undefined;
  /** Bookmarks only: how many posts X sent the last walk that Perch could not read (without their text). Said too. */
  unreadable?: number | undefined;
  /**
   * Lists only: the Lists X said no longer exist (deleted on x.com, not through Perch: lib/services/list-gone.ts),
   * newest last, at most GONE_LISTS_KEPT: Activity links none of them to x.com.
   */
  goneListIds?: string[] | undefined;
}

/**
 * A sync's failure as stored: like an action's (kind, X's reset, X's own words), never a sentence of Perch's.
 * Rows stored before kept `message` (an English sentence) and `rateLimitReset`: still shown as they are.
 */
export interface SyncError extends ActionError {
  /** Rows stored before: X's reset in Unix seconds, now `reset`. */
  rateLimitReset?: number | undefined;
}

/**
 * A walk cut short: at its page cap (`pages` read), on X repeating a page, or on a page token X would refuse back. The screen words it for the row's
 * collection. Rows stored before kept `message` (an English sentence): still shown as it is.
 */
export interface SyncNotice {
  kind: 'cap' | 'repeat' | 'token';
  /** How many pages the walk read. */
  pages?: number | undefined;
  /** Bookmark folders only: how many folders' bookmarks one sync reads (the rest show what was last read). */
  folders?: number | undefined;
  /** Bookmarks only, at the page cap: how many different bookmarks the walk read. */
  read?: number | undefined;
  /**
   * Bookmarks only, at the page cap: whether stored bookmarks past X's 800 newest were let go ('gone': their tags and
   * notes stay under No longer on X) or kept as they were ('kept': the walk did not reach X's 800).
   */
  older?: 'gone' | 'kept' | undefined;
  /** Rows stored before only: the background's English sentence. Never written now. */
  message?: string | undefined;
}
