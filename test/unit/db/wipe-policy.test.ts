import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { db, PerchDb, SCHEMA_V1, SCHEMA_V5_TABLES, tablesWithoutPolicy, TABLE_WIPE, type TableName } from '@/lib/db';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { clientIdItem, enterprisePlanItem } from '@/lib/storage';
import { policyOf, wipeAccount, type StorageAreaName } from '@/lib/storage-wipe';
import { createLimitedClient } from '@/lib/x/limiter';
import { getMe } from '@/lib/x/users';
import { ADA_ID, GRACE_ID, makeService, signInAs, type Harness } from '../auth/support';
import { emu, withEmulator } from '../services/world';

withEmulator();

const ADA_USERNAME = 'adaperch';
const HOUR_S = 3600;

/**
 * One row of an account for every table. Typed by `TableName`: a table added to the store and not here is a type
 * error, so the sign-out test below always covers every table.
 */
function rowsOf(accountId: string, nowS: number): Record<TableName, object[]> {
  const at = new Date(nowS * 1000).toISOString();
  const key = `${accountId}|compose`;
  return {
    users: [{ accountId, id: '11', name: 'Somebody', username: 'somebody', seenAt: at }],
    posts: [{ accountId, id: '21', text: 'hello', urls: [], mediaCount: 0, seenAt: at }],
    bookmarks: [{ accountId, postId: '21', position: 1, folderIds: ['31'], searchText: 'hello' }],
    bookmarkFolders: [{ accountId, id: '31', name: 'Reading' }],
    lists: [{ accountId, id: '41', name: 'Friends', owned: true, followed: false, pinned: false, member: false }],
    listMembers: [{ accountId, listId: '41', userId: '11', position: 0 }],
    muted: [{ accountId, userId: '12', position: 1 }],
    blocked: [{ accountId, userId: '13', position: 1 }],
    following: [{ accountId, userId: '14', position: 1 }],
    engagements: [{ accountId, postId: '21', liked: true }],
    drafts: [
      {
        key,
        accountId,
        context: 'compose',
        posts: [{ text: 'draft', mediaIds: ['m-' + accountId] }],
        publishedIds: [],
        state: 'editing',
        seq: 1,
        updatedAt: at,
      },
    ],
    draftMedia: [{ id: 'm-' + accountId, draftKey: key, name: 'a.png', type: 'image/png', size: 3, blob: new Blob(['abc']) }],
    actions: [
      {
        accountId,
        type: 'bookmark.add',
        params: { postId: '21' },
        label: 'Bookmark post 21',
        state: 'queued',
        createdAt: at,
        updatedAt: at,
        notBefore: 0,
        attempts: 0,
      },
    ],
    rateLimits: [
      // X said this endpoint is used up until an hour from now: that stays, whoever signs out.
      { accountId, endpoint: 'GET /2/users/me', limit: 75, remaining: 0, reset: nowS + HOUR_S },
      // A window already over: nothing of X's left to remember.
      { accountId, endpoint: 'GET /2/users/:id/bookmarks', limit: 180, remaining: 3, reset: nowS - 60 },
    ],
    syncState: [{ accountId, collection: 'bookmarks', lastSyncedAt: at }],
    bookmarkNotes: [
      { accountId, postId: '21', tags: ['reading'], note: 'for later', read: false, updatedAt: at, username: 'somebody' },
      // X no longer lists this one: its tags and note are kept all the same.
      { accountId, postId: '22', tags: ['gone'], note: '', read: true, updatedAt: at },
    ],
    savedSearches: [{ accountId, id: 's-' + accountId, name: 'Unread', query: 'is:unread', pinned: true, createdAt: at }],
  };
}

async function populate(accountId: string, nowS: number): Promise<void> {
  for (const [name, rows] of Object.entries(rowsOf(accountId, nowS))) await db().table(name).bulkAdd(rows);
}

/** Every row of every table (`db.tables`, not a hand-kept list), with its table's name. */
async function everyRow(): Promise<{ table: string; row: Record<string, unknown> }[]> {
  const out: { table: string; row: Record<string, unknown> }[] = [];
  for (const t of db().tables) for (const row of await t.toArray()) out.push({ table: t.name, row: row as Record<string, unknown> });
  return out;
}

const mentions = (value: unknown, accountId: string, username?: string) => {
  const text = JSON.stringify(value);
  return text.includes(accountId) || (username !== undefined && text.includes(username));
};

async function stored(): Promise<{ area: StorageAreaName; key: string; value: unknown }[]> {
  const out: { area: StorageAreaName; key: string; value: unknown }[] = [];
  for (const area of ['local', 'session'] as const) {
    const all: Record<string, unknown> = await browser.storage[area].get(null);
    for (const [key, value] of Object.entries(all)) out.push({ area, key, value });
  }
  return out;
}

/** Two accounts signed in, Ada last (so the last sign-in's outcome names her), every table holding rows of both. */
async function twoAccounts(): Promise<Harness> {
  const h = makeService(emu);
  await clientIdItem.setValue('my-x-app');
  await enterprisePlanItem.setValue(false);
  await signInAs(emu, h, GRACE_ID);
  await signInAs(emu, h, ADA_ID);
  const nowS = Math.floor(h.clock.now() / 1000);
  await populate(ADA_ID, nowS);
  await populate(GRACE_ID, nowS);
  const change = (accountId: string, seq: number) => ({ accountId, seq, type: 'bookmark.add', state: 'queued', notBefore: 0 });
  await browser.storage.session.set({ 'outbox.feed': { rev: 2, changes: [change(ADA_ID, 1), change(GRACE_ID, 2)] } });
  const snap = (accountId: string, post: string) => [`${accountId} post:${post}`, { digest: 'd', html: '<p>Bookmark</p>' }];
  await browser.storage.session.set({ 'popup.snapshots': [snap(ADA_ID, '1'), snap(GRACE_ID, '2')] });
  return h;
}

/** What the background does on "Sign out" (entrypoints/background/services.ts). */
async function signOut(h: Harness, accountId: string): Promise<void> {
  await h.auth.signOut(accountId);
  await wipeAccount(accountId, { now: h.clock.now() });
}

describe('signing out', () => {
  it('takes the account’s popup screens out of the kept snapshots and leaves the other account’s', async () => {
    const h = await twoAccounts();
    await signOut(h, ADA_ID);
    const { 'popup.snapshots': kept } = await browser.storage.session.get('popup.snapshots');
    expect((kept as [string, unknown][]).map(([entry]) => entry)).toEqual([`${GRACE_ID} post:2`]);
  });

  it('leaves nothing of the account in any table or stored key but what X still holds against it', async () => {
    const h = await twoAccounts();
    const graceBefore = (await everyRow()).filter(({ row }) => mentions(row, GRACE_ID));
    expect((await stored()).some(({ value }) => mentions(value, ADA_ID, ADA_USERNAME))).toBe(true);

    await signOut(h, ADA_ID);

    const adaLeft = (await everyRow()).filter(({ row }) => mentions(row, ADA_ID, ADA_USERNAME));
    expect(adaLeft).toEqual([
      { table: 'rateLimits', row: expect.objectContaining({ accountId: ADA_ID, endpoint: 'GET /2/users/me' }) as unknown },
    ]);
    const keysLeft = (await stored()).filter(({ key, value }) => key.includes(ADA_ID) || mentions(value, ADA_ID, ADA_USERNAME));
    expect(keysLeft).toEqual([]);
    // Grace's data is whole: every row, her tokens, her place in the session.
    expect((await everyRow()).filter(({ row }) => mentions(row, GRACE_ID))).toEqual(graceBefore);
    const keys = (await stored()).map(({ area, key }) => `${area}:${key}`);
    expect(keys).toEqual(
      expect.arrayContaining([`local:auth.refresh.${GRACE_ID}`, `session:auth.access.${GRACE_ID}`, 'local:settings.clientId']),
    );
    expect(await browser.storage.local.get('session.view')).toMatchObject({
      'session.view': { accounts: [{ id: GRACE_ID }], activeAccountId: GRACE_ID },
    });
  });

  it('keeps the drafts and their images when the person chooses to keep them', async () => {
    const h = await twoAccounts();
    await h.auth.signOut(ADA_ID);
    await wipeAccount(ADA_ID, { now: h.clock.now(), keep: ['drafts'] });
    expect(await db().drafts.where('accountId').equals(ADA_ID).count()).toBe(1);
    expect(await db().draftMedia.get('m-' + ADA_ID)).toBeDefined();
    expect(await db().actions.where('accountId').equals(ADA_ID).count()).toBe(0);
  });

  it('keeps the bookmark tags, notes and saved searches when the person chooses to keep them, and only those', async () => {
    const h = await twoAccounts();
    const graceBefore = (await everyRow()).filter(({ row }) => mentions(row, GRACE_ID));
    await h.auth.signOut(ADA_ID);
    await wipeAccount(ADA_ID, { now: h.clock.now(), keep: ['bookmarkNotes'] });

    const adaLeft = (await everyRow()).filter(({ row }) => mentions(row, ADA_ID, ADA_USERNAME)).map(({ table }) => table);
    expect(adaLeft.sort()).toEqual(['bookmarkNotes', 'bookmarkNotes', 'rateLimits', 'savedSearches']);
    expect((await db().bookmarkNotes.where('accountId').equals(ADA_ID).toArray()).map((n) => [n.postId, n.tags, n.note])).toEqual([
      ['21', ['reading'], 'for later'],
      ['22', ['gone'], ''],
    ]);
    // The drafts were not chosen: they go.
    expect(await db().drafts.where('accountId').equals(ADA_ID).count()).toBe(0);
    expect((await everyRow()).filter(({ row }) => mentions(row, GRACE_ID))).toEqual(graceBefore);
  });

  it("deletes the bookmark tags, notes and saved searches without that choice, and no other account's", async () => {
    const h = await twoAccounts();
    await h.auth.signOut(ADA_ID);
    await wipeAccount(ADA_ID, { now: h.clock.now(), keep: ['drafts'] });
    expect(await db().bookmarkNotes.where('accountId').equals(ADA_ID).count()).toBe(0);
    expect(await db().savedSearches.where('accountId').equals(ADA_ID).count()).toBe(0);
    expect(await db().bookmarkNotes.where('accountId').equals(GRACE_ID).count()).toBe(2);
    expect(await db().savedSearches.where('accountId').equals(GRACE_ID).count()).toBe(1);
  });

  it('does not send, after signing in again, a request X said it would refuse until its reset', async () => {
    const h = await twoAccounts();
    await signOut(h, ADA_ID);
    await signInAs(emu, h, ADA_ID);
    const asked = emu.state.log.length;
    const client = createLimitedClient({ client: h.auth.clientFor(ADA_ID, h.settings), store: rateLimitStore(ADA_ID), now: h.clock.now });

    await expect(getMe(client)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(emu.state.log.slice(asked)).toEqual([]);

    // Once X's window is over, the record is gone at the next sign-out and the request goes out.
    h.clock.advance((HOUR_S + 1) * 1000);
    await expect(getMe(client)).resolves.toMatchObject({ id: ADA_ID });
  });
});

describe('the wipe policy', () => {
  it('is declared for every table of the store', () => {
    expect(tablesWithoutPolicy(db())).toEqual([]);
    expect(Object.keys(TABLE_WIPE).sort()).toEqual(Object.keys({ ...SCHEMA_V1, ...SCHEMA_V5_TABLES }).sort());
  });

  it('fires for a table without one (canary)', () => {
    class WithStray extends PerchDb {
      constructor() {
        super('perch-canary');
        this.version(3).stores({ stray: 'id' });
      }
    }
    const canary = new WithStray();
    expect(tablesWithoutPolicy(canary)).toEqual(['stray']);
    canary.close();
    void Dexie.delete('perch-canary');
  });

  it('is declared for every key a signed-in session leaves in storage', async () => {
    await twoAccounts();
    const undeclared = (await stored()).filter(({ area, key }) => !policyOf(area, key)).map(({ area, key }) => `${area}:${key}`);
    expect(undeclared).toEqual([]);
  });

  it('is declared for every key the source writes or reads', () => {
    const found = SOURCE_FILES.flatMap((file) => storageKeysIn(readFileSync(file, 'utf8')).map((k) => ({ ...k, file })));
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((k) => !declared(k) && !PAGE_STORAGE.has(k.key))).toEqual([]);
    // Each page-storage key is still in the source: an entry left behind would excuse a future extension key.
    expect([...PAGE_STORAGE].filter((key) => !found.some((k) => k.key === key))).toEqual([]);
  });

  it('fires for a key without one (canary)', () => {
    const fixture = `export const strayItem = storage.defineItem<string>('local:stray.key', { fallback: '' });
      const STRAY_KEY = 'stray.other';
      const strayKey = (userId: string) => \`stray.account.\${userId}\`;`;
    expect(storageKeysIn(fixture).filter((k) => !declared(k))).toHaveLength(3);
  });
});

/**
 * Keys of a page's own Web Storage, not the extension's storage the wipe policy covers: a popup page Perch reloads to
 * reopen a screen marks it in that page's sessionStorage (entrypoints/popup/reload-mark.ts), which holds screen names
 * and a post's id, lives with that one popup page, and is removed by the new page on first read.
 */
const PAGE_STORAGE = new Set(['perch.popup.reopen']);

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const SOURCE_FILES = ['lib', 'entrypoints', 'components'].flatMap((d) => walk(join(ROOT, d)));

interface FoundKey {
  area?: StorageAreaName;
  key: string;
  perAccount?: boolean;
}

/** The storage keys a source text names: WXT storage items, `…KEY = '…'` constants, per-account key builders, literal get/remove calls. */
function storageKeysIn(source: string): FoundKey[] {
  const out: FoundKey[] = [];
  for (const m of source.matchAll(/defineItem(?:<[^>]*>)?\(\s*'(local|session|sync):([^']+)'/g))
    out.push({ area: m[1] as StorageAreaName, key: m[2]! });
  for (const m of source.matchAll(/\b[A-Z_]*KEY\s*=\s*'([^']+)'/g)) out.push({ key: m[1]! });
  for (const m of source.matchAll(/\w*[kK]ey\s*=\s*\(\w+: \w+\) => `([\w.]+)\$\{/g)) out.push({ key: m[1]!, perAccount: true });
  for (const m of source.matchAll(/storage\.(local|session)\.(?:get|remove)\(\s*'([^']+)'/g))
    out.push({ area: m[1] as StorageAreaName, key: m[2]! });
  return out;
}

function declared({ area, key, perAccount }: FoundKey): boolean {
  const areas: StorageAreaName[] = area ? [area] : ['local', 'session'];
  return areas.some((a) => policyOf(a, perAccount ? `${key}1` : key) !== undefined);
}
