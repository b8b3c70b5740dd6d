import { beforeEach, describe, expect, it } from 'vitest';
import { allAccounts, FIRST_SCREEN_ACCOUNTS, listMemberUsers, newestAccounts } from '@/components/manager/account-queries';
import { nextRowCount, NEXT_ROWS } from '@/components/manager/use-first-screen';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';

const ME = '1';
const OTHER = '2';
const seenAt = '2026-01-01T00:00:00Z';

/** `count` muted accounts of ME (position i + 1, so the last is the newest), and one of another account. */
async function seedMuted(count: number): Promise<void> {
  const d = db();
  await d.users.bulkPut(
    Array.from({ length: count }, (_, i) => ({ accountId: ME, id: String(100 + i), name: `Person ${i}`, username: `p${i}`, seenAt })),
  );
  // Stored in no particular order: the view must not depend on the order rows were written in.
  const order = Array.from({ length: count }, (_, i) => (i * 7) % count);
  await d.muted.bulkPut(order.map((i) => ({ accountId: ME, userId: String(100 + i), position: i + 1 })));
  await d.muted.put({ accountId: OTHER, userId: '999', position: 1_000_000 });
}

beforeEach(freshDb);

describe('the first screen of the Muted and Blocked tabs', () => {
  it('is the newest accounts, in the order the whole list shows them', async () => {
    await seedMuted(101);
    const first = await newestAccounts(ME, 'muted');
    const all = await allAccounts(ME, 'muted');
    expect(first).toHaveLength(FIRST_SCREEN_ACCOUNTS);
    expect(first[0]).toMatchObject({ id: '200', name: 'Person 100', username: 'p100' });
    expect(first).toEqual(all.slice(0, FIRST_SCREEN_ACCOUNTS));
  });

  it('never shows another account’s rows', async () => {
    await seedMuted(3);
    expect((await newestAccounts(ME, 'muted')).map((e) => e.id)).toEqual(['102', '101', '100']);
    expect((await allAccounts(ME, 'muted')).map((e) => e.id)).toEqual(['102', '101', '100']);
  });

  it('reads thousands of accounts with their names, and keeps the ones Perch knows nothing of', async () => {
    await seedMuted(1_200);
    await db().muted.put({ accountId: ME, userId: '5', position: 5_000 });
    const all = await allAccounts(ME, 'muted');
    expect(all).toHaveLength(1_201);
    expect(all[0]).toMatchObject({ id: '5', name: '', username: '' });
    expect(all[1]).toMatchObject({ id: '1299', name: 'Person 1199', username: 'p1199' });
    expect(all.at(-1)).toMatchObject({ id: '100', name: 'Person 0' });
  });
});

describe('a list’s stored members', () => {
  it.each([3, 700])('joins %i members with what is known of them, and only that list’s', async (count) => {
    const d = db();
    await d.users.bulkPut(
      Array.from({ length: count }, (_, i) => ({ accountId: ME, id: String(100 + i), name: `Member ${i}`, username: `m${i}`, seenAt })),
    );
    await d.listMembers.bulkPut(
      Array.from({ length: count }, (_, i) => ({ accountId: ME, listId: 'L', userId: String(100 + i), position: i })),
    );
    await d.listMembers.bulkPut([
      { accountId: ME, listId: 'L', userId: '7', position: -1 },
      { accountId: ME, listId: 'other', userId: '100', position: 0 },
      { accountId: OTHER, listId: 'L', userId: '101', position: 0 },
    ]);
    const members = await listMemberUsers(ME, 'L');
    expect(members).toHaveLength(count + 1);
    expect(members).toContainEqual({ id: '7', name: '', username: '' });
    expect(members).toContainEqual(expect.objectContaining({ id: String(100 + count - 1), name: `Member ${count - 1}` }));
  });
});

describe('drawing a long list a step at a time', () => {
  it.each([
    [30, 1_000, 30 + NEXT_ROWS],
    [30, 100, 100],
    [300, 300, 300],
  ])('after %i of %i rows, draws %i', (drawn, total, next) => {
    expect(nextRowCount(drawn, total)).toBe(next);
  });
});
