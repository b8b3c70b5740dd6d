import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION, db, NEVER_SEEN, PerchDb, resetDb, SCHEMA_V1 } from '@/lib/db';
import { OLDER_STORE_NOT_UPGRADED } from '@/lib/db/history';
import { freshDb } from '../services/support';

/**
 * A store kept by an older Perch that cannot be brought to the current version must make the store's reads fail,
 * as Dexie's own open failure does: every screen then shows its error and every background message gets an answer,
 * instead of waiting forever. The store stays as it was, rows and version, for the next start to upgrade. The reads
 * below open the store themselves, as every screen and service does; a read that waits forever fails the test at
 * vitest's timeout.
 */

const ME = '1';
const SEEN = '2026-01-01T00:00:00.000Z';

/** A store left at version 1 by the first Perch, holding one post the popup has seen. */
async function storeAtVersion1(): Promise<void> {
  const old = new Dexie('perch');
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('posts').put({ accountId: ME, id: '10', text: 'cut short…', urls: [], mediaCount: 0, seenAt: SEEN });
  old.close();
}

/** The store as IndexedDB keeps it, read without Dexie's declarations: its version and its post. */
async function keptStore(): Promise<{ version: number | undefined; seenAt: unknown }> {
  const version = (await indexedDB.databases()).find((d) => d.name === 'perch')?.version;
  const raw = new Dexie('perch');
  await raw.open();
  const post = (await raw.table('posts').get([ME, '10'])) as { seenAt?: unknown } | undefined;
  raw.close();
  return { version, seenAt: post?.seenAt };
}

const listDatabases = indexedDB.databases.bind(indexedDB);

beforeEach(async () => {
  await freshDb();
  await storeAtVersion1();
});
afterEach(() => {
  vi.restoreAllMocks();
  indexedDB.databases = listDatabases;
  resetDb();
});

describe('a store kept by an older Perch whose upgrade fails', () => {
  /** The upgrade's own connection (every Dexie but the store itself) fails to open, as when a step throws. */
  function failTheUpgrade(): void {
    const proto = Dexie.prototype as { open(this: Dexie): Promise<Dexie> };
    const open = proto.open;
    vi.spyOn(proto, 'open').mockImplementation(function (this: Dexie) {
      if (this instanceof PerchDb) return open.call(this);
      return Promise.reject(new Error('an upgrade step failed'));
    });
  }

  it('fails every read of the store and an explicit open, and keeps the store as it was', async () => {
    failTheUpgrade();

    const opened = db().open();
    await expect(db().posts.count()).rejects.toThrow(OLDER_STORE_NOT_UPGRADED);
    // Whoever opens the store is told what went wrong first: the upgrade's failure.
    await expect(opened).rejects.toThrow('an upgrade step failed');
    await expect(db().syncState.toArray()).rejects.toThrow(OLDER_STORE_NOT_UPGRADED);
    vi.restoreAllMocks();
    resetDb();
    expect(await keptStore()).toEqual({ version: 10, seenAt: SEEN });
  });

  it('is upgraded on the next start once the failure is gone', async () => {
    failTheUpgrade();
    await expect(db().posts.count()).rejects.toThrow();
    vi.restoreAllMocks();
    resetDb();

    expect((await db().posts.get([ME, '10']))?.seenAt).toBe(NEVER_SEEN);
  });
});

describe('a store kept by an older Perch that the browser misreports', () => {
  it('is refused when the browser says the store is at the current version, not opened with its steps skipped', async () => {
    indexedDB.databases = () => Promise.resolve([{ name: 'perch', version: CURRENT_VERSION * 10 }]);

    await expect(db().posts.get([ME, '10'])).rejects.toThrow(OLDER_STORE_NOT_UPGRADED);
    resetDb();
    indexedDB.databases = listDatabases;
    expect(await keptStore()).toEqual({ version: 10, seenAt: SEEN });
  });

  it.each([
    ['leaves the store out of its databases', [] as IDBDatabaseInfo[]],
    ['lists the store without a version', [{ name: 'perch' }]],
  ])('is opened and upgraded when the browser %s', async (_, listed) => {
    indexedDB.databases = () => Promise.resolve(listed);

    expect((await db().posts.get([ME, '10']))?.seenAt).toBe(NEVER_SEEN);
    resetDb();
    indexedDB.databases = listDatabases;
    expect(await keptStore()).toEqual({ version: CURRENT_VERSION * 10, seenAt: NEVER_SEEN });
  });
});

describe('a store not made yet, when the browser leaves it out of its databases', () => {
  it('is made at the current version and opens', async () => {
    await freshDb();
    indexedDB.databases = () => Promise.resolve([]);

    expect(await db().posts.count()).toBe(0);
    expect(db().verno).toBe(CURRENT_VERSION);
  });
});
