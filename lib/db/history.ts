import Dexie from 'dexie';
import type { DraftRow, ListMemberRow, PostRow, SyncStateRow, UserRow } from './rows';
import { nameDraftAuthors } from './draft-authors';
import { NEVER_SEEN } from './rows';
import { positionMembers } from './list-members';
import { CURRENT_SCHEMA, CURRENT_VERSION, SCHEMA_V1, SCHEMA_V5_TABLES, SCHEMA_V6_CHANGES, LIST_MEMBERS_V4 } from './schema';

/**
 * Declares every version of the store, 1 to `CURRENT_VERSION`, with the steps that move rows between them: what a
 * store kept by an older Perch needs to reach the current one. Dexie rebuilds every declared version's tables on each
 * declaration (about 8 ms on a cold worker), so only `upgradeOlderStore` declares them, when such an upgrade is due.
 */
export function declareHistory(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  // v2 keeps posts whole past 280 characters (X's `note_tweet`); rows stored before may hold X's cut-short `text`.
  // Marking them unseen makes the popup ask X again, and forgetting the bookmarks' last full walk makes the next
  // sync rewrite every bookmarked post: the day's walk X bills once anyway.
  db.version(2).upgrade(async (tx) => {
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
  db.version(3).upgrade(async (tx) => {
    await tx
      .table<SyncStateRow>('syncState')
      .filter((s) => s.collection === 'bookmarks')
      .modify((s) => {
        delete s.lastFullDay;
      });
  });
  // v4 keeps a list's members in X's order (a `position` each) so a list of thousands opens on its first rows
  // through the `[accountId+listId+position]` index. Members stored before keep the order they were read in.
  db.version(4)
    .stores({ listMembers: LIST_MEMBERS_V4 })
    .upgrade(async (tx) => {
      await positionMembers(tx.table<ListMemberRow, [string, string, string]>('listMembers'));
    });
  // v5 adds the person's tags, notes and read state of bookmarks, and saved searches: new tables, no rows to move.
  db.version(5).stores(SCHEMA_V5_TABLES);
  // v6 lets the popup's list page find the newest pin and follow of one list (lib/services/list-context.ts) without
  // walking the account's whole action log: actions by list id (`params.listId`, every list action's) and type,
  // in `seq` order within each. Every action row already holds its params, so IndexedDB fills it: no rows move.
  // The same for the popup's post and profile (lib/services/tab-context.ts): actions by post id and by person id.
  // And people by @username, found whatever its case: a profile's address need not spell it as X does. And actions by
  // state, so a worker's start finds what is queued or was mid-send without reading the whole log.
  db.version(6).stores(SCHEMA_V6_CHANGES);
  // v7 keeps on a reply or quote draft the @username of its post's author (DraftRow.authorUsername), so the Drafts tab
  // lists drafts without waiting for a sync's write to the posts and people. Drafts kept before get the one the store
  // had seen; no index changes.
  db.version(7).upgrade(async (tx) => {
    await nameDraftAuthors(tx.table<DraftRow, string>('drafts'), {
      posts: tx.table<PostRow, [string, string]>('posts'),
      users: tx.table<UserRow, [string, string]>('users'),
    });
  });
}

/**
 * Brings a store kept by an older Perch to the current version before the store opens: opens it once with every
 * version declared (Dexie runs each step from its version on, as it always has), then closes it. Does nothing for a
 * store the browser lists at the current version; makes one not made yet at the current version, running no step.
 * @throws if IndexedDB refuses, or an upgrade step fails (the store then stays at its version: one transaction).
 */
export async function upgradeOlderStore(name: string): Promise<void> {
  if (!(await historyDue(name))) return;
  const history = new Dexie(name);
  declareHistory(history);
  try {
    await history.open();
  } finally {
    history.close();
  }
}

/**
 * What opening refuses with when a store kept by an older Perch was not first upgraded through its history: a code,
 * not words — the screens word an unexpected failure themselves, in the reader's language.
 */
export const OLDER_STORE_NOT_UPGRADED = 'perch-store-not-upgraded';

/**
 * Declares only the store's current version: every table as it is now, one declaration. A store not made yet is made
 * at it (Dexie runs no upgrade step when it creates a store). A store still at an older version is refused: its rows
 * need the steps of `declareHistory`, which this declaration lacks. That is the case when `upgradeOlderStore` failed,
 * or when the browser's list of databases misstated the store's version; the open then fails, so every
 * read waiting for it fails too, and the store stays at its version.
 */
export function declareCurrent(db: Dexie): void {
  db.version(CURRENT_VERSION)
    .stores(CURRENT_SCHEMA)
    .upgrade(() => {
      throw new Error(OLDER_STORE_NOT_UPGRADED);
    });
}

/**
 * Whether the store named `name` may have been kept by an older Perch and must be upgraded through `declareHistory`:
 * its IndexedDB version (Dexie's version × 10) is below the current one's. Due, too, whenever the browser does not
 * say: no `indexedDB.databases()`, a failing one, or one that leaves the store out or gives no version. Declaring the
 * whole history is always right, only slower (about 8 ms, and Dexie makes a store not made yet at the current version
 * without running a step), whereas a store wrongly judged current is refused on every start.
 */
export async function historyDue(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  try {
    const found = (await indexedDB.databases()).find((d) => d.name === name);
    return found?.version === undefined || found.version < CURRENT_VERSION * 10;
  } catch {
    return true;
  }
}
