import type { Collection, Dexie, Table } from 'dexie';
import type { PerchDb, SCHEMA_V1, SCHEMA_V5_TABLES } from './index';
import type { RateLimitRow } from './rows';

/**
 * When each table of Perch's store is wiped, declared once (Bitwarden's `clearOn`). `TABLE_WIPE` must name every
 * table — a table without a declaration is a type error here and fails test/unit/db/wipe-policy.test.ts — and
 * `clearAccount` is built from it, never from a hand-kept list.
 */

/** Every table of the store: a table added in a later schema version joins this union. */
export type TableName = keyof typeof SCHEMA_V1 | keyof typeof SCHEMA_V5_TABLES;

/** What the person may choose to keep when signing out (the sign-out dialog offers one checkbox per choice). */
export const KEEP_CHOICES = ['drafts', 'bookmarkNotes'] as const;
export type KeepChoice = (typeof KEEP_CHOICES)[number];

export type TablePolicy =
  /** The account's rows go when it signs out; `rows` finds them when they carry no `accountId`. */
  | {
      clearOn: 'sign-out';
      rows?: (table: Table, accountId: string) => Collection;
      /** The person may keep these rows by choosing this in the sign-out dialog. */
      keepable?: KeepChoice;
    }
  /**
   * X's state, not the person's: a row lives until the epoch second `until` returns, even across a sign-out, so
   * signing out and in again does not send what X already said it would refuse. Past that, sign-out removes it.
   */
  | { clearOn: 'x-reset'; until: (row: never) => number }
  /** Kept whoever signs out; `why` says why. */
  | { clearOn: 'never'; why: string };

const rateLimitUntil = (row: RateLimitRow): number => Math.max(row.reset, row.userDay?.reset ?? 0, row.appDay?.reset ?? 0);

export const TABLE_WIPE = {
  users: { clearOn: 'sign-out' },
  posts: { clearOn: 'sign-out' },
  bookmarks: { clearOn: 'sign-out' },
  bookmarkFolders: { clearOn: 'sign-out' },
  lists: { clearOn: 'sign-out' },
  listMembers: { clearOn: 'sign-out' },
  muted: { clearOn: 'sign-out' },
  blocked: { clearOn: 'sign-out' },
  following: { clearOn: 'sign-out' },
  engagements: { clearOn: 'sign-out' },
  drafts: { clearOn: 'sign-out', keepable: 'drafts' },
  // A draft's images carry its key (`${accountId}|${context}`), not the account id.
  draftMedia: {
    clearOn: 'sign-out',
    keepable: 'drafts',
    rows: (table, accountId) => table.where('draftKey').startsWith(`${accountId}|`),
  },
  actions: { clearOn: 'sign-out' },
  rateLimits: { clearOn: 'x-reset', until: rateLimitUntil },
  syncState: { clearOn: 'sign-out' },
  // The person's own work, not X's content (issue 14): the sign-out dialog offers to keep it, checked by default.
  bookmarkNotes: { clearOn: 'sign-out', keepable: 'bookmarkNotes' },
  savedSearches: { clearOn: 'sign-out', keepable: 'bookmarkNotes' },
} as const satisfies Record<TableName, TablePolicy>;

/** The names of a database's tables that declare no wipe policy (the convention test's check). */
export function tablesWithoutPolicy(database: Dexie, policies: Record<string, TablePolicy> = TABLE_WIPE): string[] {
  return database.tables.map((t) => t.name).filter((name) => !Object.hasOwn(policies, name));
}

export interface ClearAccountOptions {
  /** Epoch milliseconds: X's rate-limit records whose reset is past go, the others stay. */
  now: number;
  /** What the person chose to keep. */
  keep?: readonly KeepChoice[];
}

/**
 * Removes one account's rows as `TABLE_WIPE` declares, in one transaction. Other accounts are untouched.
 * @throws if IndexedDB fails; nothing is removed then.
 */
export async function clearAccount(database: PerchDb, accountId: string, { now, keep = [] }: ClearAccountOptions): Promise<void> {
  const policies: [TableName, TablePolicy][] = Object.entries(TABLE_WIPE) as [TableName, TablePolicy][];
  const tables = policies.filter(([, p]) => p.clearOn !== 'never').map(([name]) => database.table(name));
  const nowS = now / 1000;
  await database.transaction('rw', tables, async () => {
    for (const [name, policy] of policies) {
      const table = database.table(name);
      if (policy.clearOn === 'sign-out') {
        if (policy.keepable && keep.includes(policy.keepable)) continue;
        await (policy.rows ?? ((t: Table, id: string) => t.where('accountId').equals(id)))(table, accountId).delete();
      } else if (policy.clearOn === 'x-reset') {
        const until = policy.until as (row: unknown) => number;
        await table
          .where('accountId')
          .equals(accountId)
          .filter((row) => until(row) <= nowS)
          .delete();
      }
    }
  });
}
