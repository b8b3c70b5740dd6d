import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, db, LIST_MEMBERS_V4, NEVER_SEEN, PerchDb, SCHEMA_V1, SCHEMA_V5_TABLES, SCHEMA_V6_CHANGES } from '@/lib/db';
import { declareHistory } from '@/lib/db/history';
import { freshDb } from '../services/support';

/**
 * A store kept by every older Perch reaches the current version with each step from its version on, whether the
 * browser can list its databases or not; a current store opens as it is. The store reads below open it themselves,
 * as every screen and service does (no explicit `open()`).
 */

const ME = '1';
const SEEN = '2026-01-01T00:00:00.000Z';
const DAY = '2026-01-01';

/** The tables and indexes each shipped version had, as it declared them. */
function schemaOf(version: number): Record<string, string> {
  return {
    ...SCHEMA_V1,
    ...(version >= 4 ? { listMembers: LIST_MEMBERS_V4 } : {}),
    ...(version >= 5 ? SCHEMA_V5_TABLES : {}),
    ...(version >= 6 ? SCHEMA_V6_CHANGES : {}),
  };
}

/** Keeps a post, the bookmarks' sync state, two list members (positioned from version 4) and an action at `version`. */
async function storeAtVersion(version: number): Promise<void> {
  const old = new Dexie('perch');
  old.version(version).stores(schemaOf(version));
  await old.open();
  await old.table('posts').put({ accountId: ME, id: '10', text: 'cut short…', urls: [], mediaCount: 0, seenAt: SEEN });
  await old.table('syncState').put({ accountId: ME, collection: 'bookmarks', lastSyncedAt: SEEN, lastFullDay: DAY });
  await old.table('syncState').put({ accountId: ME, collection: 'lists', lastSyncedAt: SEEN, lastFullDay: DAY });
  const positioned = version >= 4;
  await old.table('listMembers').bulkPut([
    { accountId: ME, listId: 'L', userId: '30', ...(positioned ? { position: 5 } : {}) },
    { accountId: ME, listId: 'L', userId: '20', ...(positioned ? { position: 9 } : {}) },
  ]);
  await old.table('users').put({ accountId: ME, id: '7', name: 'Ann', username: 'Ann' });
  await old
    .table('actions')
    .add({ accountId: ME, type: 'post.like', params: { postId: '10' }, state: 'queued', notBefore: 0, attempts: 0 });
  old.close();
}

const listDatabases = indexedDB.databases.bind(indexedDB);

beforeEach(freshDb);
afterEach(() => {
  indexedDB.databases = listDatabases;
});

describe.each([
  ['the browser lists its databases', true],
  ['the browser cannot list its databases', false],
])('a store kept by an older Perch, when %s', (_, canList) => {
  beforeEach(() => {
    if (!canList) (indexedDB as { databases?: unknown }).databases = undefined;
  });

  it.each([1, 2, 3, 4, 5, 6])('is upgraded from version %i with each step since, and its rows kept', async (version) => {
    await storeAtVersion(version);

    const post = await db().posts.get([ME, '10']);
    expect(post?.text).toBe('cut short…');
    // v2: posts kept before may be cut short, so the popup asks X again.
    expect(post?.seenAt).toBe(version < 2 ? NEVER_SEEN : SEEN);
    // v2 and v3: the bookmarks' next sync walks them all again; other collections keep their day.
    expect((await db().syncState.get([ME, 'bookmarks']))?.lastFullDay).toBe(version < 3 ? undefined : DAY);
    expect((await db().syncState.get([ME, 'lists']))?.lastFullDay).toBe(DAY);
    // v4: members kept before get a place, in the order they were kept.
    const members = await db()
      .listMembers.where('[accountId+listId+position]')
      .between([ME, 'L', Dexie.minKey], [ME, 'L', Dexie.maxKey])
      .toArray();
    expect(members.map((m) => [m.userId, m.position])).toEqual(
      version < 4
        ? [
            ['20', 0],
            ['30', 1],
          ]
        : [
            ['30', 5],
            ['20', 9],
          ],
    );
    // v5: the person's notes and saved searches.
    await db().bookmarkNotes.put({ accountId: ME, postId: '10', tags: ['later'], note: '', read: false, updatedAt: SEEN });
    expect(await db().bookmarkNotes.where('tags').equals('later').primaryKeys()).toEqual([[ME, '10']]);
    // v6: actions by state and by post, people by @username.
    expect((await db().actions.where('state').equals('queued').toArray()).map((a) => a.type)).toEqual(['post.like']);
    expect(await db().actions.where('[accountId+params.postId]').equals([ME, '10']).count()).toBe(1);
    expect((await db().users.where('username').equalsIgnoreCase('ann').first())?.id).toBe('7');
    expect(db().verno).toBe(CURRENT_VERSION);
  });
});

describe('the store’s current version', () => {
  it('is made at once where no store was kept, with every table', async () => {
    await db().bookmarkNotes.put({ accountId: ME, postId: '10', tags: ['later'], note: '', read: false, updatedAt: SEEN });
    expect(
      db()
        .tables.map((t) => t.name)
        .sort(),
    ).toEqual(Object.keys(schemaOf(CURRENT_VERSION)).sort());
    expect((await indexedDB.databases()).find((d) => d.name === 'perch')?.version).toBe(CURRENT_VERSION * 10);
  });

  it('is the tables and indexes the whole history of versions comes to', () => {
    const shape = (d: Dexie) =>
      d.tables
        .map((t) => [t.name, t.schema.primKey.src, t.schema.indexes.map((i) => i.src).sort()] as const)
        .sort(([a], [b]) => a.localeCompare(b));
    const history = new Dexie('perch-history-shape');
    declareHistory(history);
    expect(history.verno).toBe(CURRENT_VERSION);
    expect(shape(new PerchDb('perch-current-shape'))).toEqual(shape(history));
  });
});
