import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { firstListMemberUsers, FIRST_SCREEN_ACCOUNTS, listMemberUsers } from '@/components/manager/account-queries';
import { db, PerchDb, putMemberFirst, SCHEMA_V1 } from '@/lib/db';
import { freshDb } from '../services/support';

const ME = '1';
const OTHER = '2';
const seenAt = '2026-01-01T00:00:00Z';

beforeEach(freshDb);

/** `count` members of list L in X's order (the first is the most recently added), and a few rows that are not. */
async function seedMembers(count: number): Promise<void> {
  const d = db();
  await d.users.bulkPut(
    Array.from({ length: count }, (_, i) => ({ accountId: ME, id: String(1000 + i), name: `Zed ${count - i}`, username: `m${i}`, seenAt })),
  );
  // Written in no particular order: what is shown must follow the positions, not the writes.
  const order = Array.from({ length: count }, (_, i) => (i * 7) % count);
  await d.listMembers.bulkPut(order.map((i) => ({ accountId: ME, listId: 'L', userId: String(1000 + i), position: i })));
  await d.listMembers.bulkPut([
    { accountId: ME, listId: 'other', userId: '5', position: -100 },
    { accountId: OTHER, listId: 'L', userId: '6', position: -100 },
  ]);
}

describe('the store’s version 4', () => {
  it('keeps the members stored before and gives each a place, list by list, in the order they were kept', async () => {
    await db().delete();
    const old = new Dexie('perch');
    old.version(3).stores(SCHEMA_V1);
    await old.open();
    await old.table('listMembers').bulkPut([
      { accountId: ME, listId: 'L', userId: '30' },
      { accountId: ME, listId: 'L', userId: '10' },
      { accountId: ME, listId: 'L', userId: '20' },
      { accountId: ME, listId: 'M', userId: '40' },
      { accountId: OTHER, listId: 'L', userId: '50' },
    ]);
    old.close();
    const upgraded = new PerchDb();
    const inL = await upgraded.listMembers
      .where('[accountId+listId+position]')
      .between([ME, 'L', Dexie.minKey], [ME, 'L', Dexie.maxKey])
      .toArray();
    expect(inL.map((m) => [m.userId, m.position])).toEqual([
      ['10', 0],
      ['20', 1],
      ['30', 2],
    ]);
    expect(await upgraded.listMembers.get([ME, 'M', '40'])).toEqual({ accountId: ME, listId: 'M', userId: '40', position: 0 });
    expect(await upgraded.listMembers.get([OTHER, 'L', '50'])).toEqual({ accountId: OTHER, listId: 'L', userId: '50', position: 0 });
    upgraded.close();
  });
});

describe('a list’s members in X’s order', () => {
  it('opens on the head of the whole list, read with a limit', async () => {
    await seedMembers(5_000);
    const first = await firstListMemberUsers(ME, 'L');
    const all = await listMemberUsers(ME, 'L');
    expect(all).toHaveLength(5_000);
    expect(first).toHaveLength(FIRST_SCREEN_ACCOUNTS);
    // X's order, not by name: the most recently added (position 0) first, though its name sorts last.
    expect(first[0]).toMatchObject({ id: '1000', name: 'Zed 5000', username: 'm0' });
    expect(first.map((m) => m.id)).toEqual(all.slice(0, FIRST_SCREEN_ACCOUNTS).map((m) => m.id));
    expect(all.at(-1)).toMatchObject({ id: '5999' });
    expect(all.map((m) => m.id)).not.toContain('5');
    expect(all.map((m) => m.id)).not.toContain('6');
  });

  it('puts a member added through Perch first, keeps a member already there in its place, and forgets a removed one', async () => {
    await seedMembers(3);
    const d = db();
    await putMemberFirst(d.listMembers, ME, 'L', '77');
    await putMemberFirst(d.listMembers, ME, 'L', '1002');
    expect((await listMemberUsers(ME, 'L')).map((m) => m.id)).toEqual(['77', '1000', '1001', '1002']);
    await d.listMembers.delete([ME, 'L', '1001']);
    await putMemberFirst(d.listMembers, ME, 'L', '78');
    expect((await listMemberUsers(ME, 'L')).map((m) => m.id)).toEqual(['78', '77', '1000', '1002']);
    expect((await firstListMemberUsers(ME, 'L', 2)).map((m) => m.id)).toEqual(['78', '77']);
  });

  it('starts an empty list at 0', async () => {
    await putMemberFirst(db().listMembers, ME, 'new', '9');
    expect(await db().listMembers.get([ME, 'new', '9'])).toMatchObject({ position: 0 });
  });
});
