import { expect } from '@playwright/test';
import Dexie, { type IndexSpec as DexieIndex, type Version } from 'dexie';
import {
  ACTIONS_BY_LIST,
  ACTIONS_BY_POST,
  ACTIONS_BY_STATE,
  ACTIONS_BY_USER,
  CURRENT_VERSION,
  USERS_BY_USERNAME,
  type ActionRow,
  type BookmarkNoteRow,
  type BookmarkRow,
  type DraftRow,
  type EngagementRow,
  type ListRow,
  type PostRow,
  type RateLimitRow,
  type SavedSearchRow,
  type UserRow,
} from '../../../lib/db';
import { declareHistory } from '../../../lib/db/history';
import { SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { ADA } from './emulator-control';

/**
 * A person updating Perch from the last release has a version 5 store in their browser's IndexedDB. What the store
 * upgrade tests (chromium/ and firefox/store-upgrade.spec.ts) share: that store's shape, read from lib/db's own
 * declaration, the rows such a person has, and the raw IndexedDB code that writes and reads it inside a Perch page.
 */

/** One object store as IndexedDB holds it: what `createObjectStore` and `createIndex` were given. */
export interface StoreSpec {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** Dexie stores schema version n as IndexedDB version n × 10. */
export const IDB_VERSION_5 = 50;
export const IDB_VERSION_6 = 60;

/** A store that takes only the versions up to `last`: the later `version()` calls are left out. */
class DeclaredUpTo extends Dexie {
  constructor(private readonly last: number) {
    super('perch-declared');
  }

  override version(n: number): Version {
    const ignored = { stores: () => ignored, upgrade: () => ignored } as unknown as Version;
    return n <= this.last ? super.version(n) : ignored;
  }
}

/** Perch's store as its history of versions (lib/db/history.ts) declares it up to version `last`. */
function perchDbUpTo(last: number): Dexie {
  const declared = new DeclaredUpTo(last);
  declareHistory(declared);
  return declared;
}

/** In code-unit order, as IndexedDB lists its store and index names. */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const keyPathOf = (k: DexieIndex['keyPath']): string | string[] => (Array.isArray(k) ? [...k] : (k ?? ''));

/**
 * The object stores lib/db/history.ts declares up to schema version `last`, as Dexie creates them (its own reading
 * of the schema strings: `[a+b]` compound, `*tags` multi-entry, `++seq` auto-incremented), so they cannot drift.
 */
export function declaredStores(last: number): StoreSpec[] {
  return perchDbUpTo(last)
    .tables.map(({ name, schema }) => ({
      name,
      keyPath: schema.primKey.keyPath === undefined ? null : keyPathOf(schema.primKey.keyPath),
      autoIncrement: !!schema.primKey.auto,
      indexes: schema.indexes
        .map((i) => ({ name: i.name, keyPath: keyPathOf(i.keyPath), unique: !!i.unique, multiEntry: !!i.multi }))
        .sort(byName),
    }))
    .sort(byName);
}

/** The indexes version 6 adds, by store: what the popup's post, profile and list pages read through. */
export const VERSION_6_INDEXES = {
  actions: [ACTIONS_BY_LIST, ACTIONS_BY_POST, ACTIONS_BY_USER, ACTIONS_BY_STATE],
  users: [USERS_BY_USERNAME],
};

/** The emulator's second person, whose post and list Ada acted on. */
export const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };
/** Grace's post Ada bookmarked and liked with the last release, and reposted while X's limit was used up. */
export const POST = SEED_POSTS.gracePhoto;
/** A list (Alan Turing's) Ada pinned and followed from the popup on its page, never synced: only her actions say so. */
export const LIST = SEED_LISTS.turingBletchley;
/** X's own words refusing to let Ada mute Grace, quoted as X's. */
export const MUTE_REFUSED = 'You cannot mute this account.';

/** What a person's version 5 store holds after a week of Perch: `now` is the test's clock (epoch ms). */
export function version5Rows(now: number): Record<string, unknown[]> {
  const day = 24 * 60 * 60 * 1000;
  const reset = Math.floor(now / 1000 + 2 * 60 * 60) * 1000;
  const at = (daysAgo: number, minutes = 0) => new Date(now - daysAgo * day + minutes * 60_000).toISOString();
  const accountId = ADA.id;
  const onPost = { postId: POST, username: GRACE.username };
  const onList = { listId: LIST };
  const action = (seq: number, type: string, params: ActionRow['params'], extra: Partial<ActionRow> = {}): ActionRow => ({
    seq,
    accountId,
    type,
    params,
    state: 'done',
    createdAt: at(3, seq),
    updatedAt: at(3, seq),
    notBefore: 0,
    attempts: 1,
    ...extra,
  });
  const users: UserRow[] = [
    { accountId, id: ADA.id, name: ADA.name, username: ADA.username, seenAt: at(3) },
    { accountId, id: GRACE.id, name: GRACE.name, username: GRACE.username, seenAt: at(3), relationSeenAt: at(3) },
  ];
  const posts: PostRow[] = [
    { accountId, id: POST, text: 'First actual case of bug being found 🐛', authorId: GRACE.id, urls: [], mediaCount: 1, seenAt: at(3) },
  ];
  const bookmarks: BookmarkRow[] = [
    { accountId, postId: POST, position: 1, folderIds: [], searchText: 'first actual case of bug being found 🐛 grace hopper @gracehop' },
  ];
  const bookmarkNotes: BookmarkNoteRow[] = [
    { accountId, postId: POST, tags: ['lab', 'history'], note: 'Show the class', read: false, updatedAt: at(2), username: GRACE.username },
  ];
  const engagements: EngagementRow[] = [{ accountId, postId: POST, liked: true }];
  const lists: ListRow[] = [
    {
      accountId,
      id: SEED_LISTS.adaReading,
      name: 'Reading list 📚',
      owned: true,
      followed: false,
      pinned: false,
      member: false,
      ownerId: ADA.id,
    },
  ];
  const actions: ActionRow[] = [
    action(1, 'bookmark', onPost, { rollback: null }),
    action(2, 'like', onPost, { rollback: null }),
    action(
      3,
      'mute',
      { userId: GRACE.id, username: GRACE.username },
      { state: 'failed', error: { kind: 'forbidden', said: MUTE_REFUSED } },
    ),
    action(4, 'list.follow', onList),
    action(5, 'list.pin', onList),
    // Waiting for X's rate limit when the browser closed: the new worker sends it at X's reset.
    action(6, 'repost', onPost, {
      state: 'queued',
      createdAt: at(0, -5),
      updatedAt: at(0, -5),
      rollback: null,
      notBefore: reset,
      error: { kind: 'rate-limited', reset: reset / 1000 },
    }),
  ];
  const drafts: DraftRow[] = [
    {
      key: `${accountId}|compose`,
      accountId,
      context: 'compose',
      posts: [{ text: 'Notes on the first compiler', mediaIds: [] }],
      publishedIds: [],
      state: 'editing',
      seq: 4,
      updatedAt: at(1),
    },
  ];
  const savedSearches: SavedSearchRow[] = [
    { accountId, id: 'compilers', name: 'Compilers', query: 'compiler', pinned: true, createdAt: at(2) },
  ];
  const rateLimits: RateLimitRow[] = [
    { accountId, endpoint: 'POST /2/users/:id/retweets', limit: 50, remaining: 49, reset: Math.floor((now - 3 * day) / 1000) },
  ];
  return { users, posts, bookmarks, bookmarkNotes, engagements, lists, actions, drafts, savedSearches, rateLimits };
}

/** What `writeStore` writes: IndexedDB's version number, the object stores, and their rows by store name. */
export interface StoreWrite {
  version: number;
  stores: StoreSpec[];
  rows: Record<string, unknown[]>;
}

/**
 * In a Perch page (pass to its `evaluate`): deletes Perch's store and creates it as IndexedDB version `version` with
 * these object stores, holding these rows, with the raw IndexedDB API. Resolves once the connection is closed.
 */
export async function writeStore({ version, stores, rows }: StoreWrite): Promise<void> {
  const done = (request: IDBRequest | IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      if (request instanceof IDBTransaction) {
        request.oncomplete = () => resolve();
        request.onerror = request.onabort = () => reject(request.error ?? new Error('aborted'));
      } else {
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('failed'));
      }
    });
  const del = indexedDB.deleteDatabase('perch');
  await done(del);
  const open = indexedDB.open('perch', version);
  open.onupgradeneeded = () => {
    const database = open.result;
    for (const s of stores) {
      const options = s.keyPath === null ? { autoIncrement: s.autoIncrement } : { keyPath: s.keyPath, autoIncrement: s.autoIncrement };
      const store = database.createObjectStore(s.name, options);
      for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      for (const row of rows[s.name] ?? []) store.add(row);
    }
  };
  await done(open);
  const database = open.result;
  database.close();
}

/** What {@link readStore} reads: the store's version, stores and rows. */
export interface StoreRead {
  version: number;
  stores: StoreSpec[];
  rows: Record<string, unknown[]>;
}

/**
 * Checks the store read `after` the upgrade against the one read `before` it: at this build's version (6 or later),
 * with the stores it declares and the indexes version 6 adds, and every row as it was (the seeded draft is a new post,
 * which version 7's step leaves as it is).
 */
export function expectUpgraded(before: StoreRead, after: StoreRead): void {
  expect(after.version).toBe(CURRENT_VERSION * 10);
  expect(after.version).toBeGreaterThanOrEqual(IDB_VERSION_6);
  expect(after.stores).toEqual(declaredStores(CURRENT_VERSION));
  for (const [store, names] of Object.entries(VERSION_6_INDEXES))
    expect(after.stores.find((s) => s.name === store)?.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(names));
  expect(after.rows).toEqual(before.rows);
}

/**
 * What a Perch page reads of the store with the raw IndexedDB API (pass to its `evaluate`): its version, stores and
 * rows, stores and indexes in IndexedDB's own order (by name, in code units).
 */
export async function readStore(): Promise<StoreRead> {
  const open = indexedDB.open('perch');
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('failed'));
  });
  try {
    const names = [...database.objectStoreNames];
    const tx = database.transaction(names, 'readonly');
    const keyPath = (k: string | string[] | null) => (Array.isArray(k) ? [...k] : k);
    const stores: StoreSpec[] = [];
    const rows: Record<string, unknown[]> = {};
    for (const name of names) {
      const store = tx.objectStore(name);
      const indexes = [...store.indexNames].map((n) => {
        const i = store.index(n);
        return { name: n, keyPath: keyPath(i.keyPath) as string | string[], unique: i.unique, multiEntry: i.multiEntry };
      });
      stores.push({ name, keyPath: keyPath(store.keyPath), autoIncrement: store.autoIncrement, indexes });
      const all = store.getAll();
      rows[name] = await new Promise<unknown[]>((resolve, reject) => {
        all.onsuccess = () => resolve(all.result as unknown[]);
        all.onerror = () => reject(all.error ?? new Error('failed'));
      });
    }
    return { version: database.version, stores, rows };
  } finally {
    database.close();
  }
}
