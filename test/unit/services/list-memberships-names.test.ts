import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listsForUser } from '@/lib/services/list-memberships';
import { ok, scripted } from '../x/support';
import { freshDb } from './support';

/**
 * The popup's list picker over a stored List whose name is not text (a store edited by hand, a write of another
 * version): it lists every List still, that one without a name, rather than failing the picker for all of them.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const owned = { accountId: ADA, owned: true, followed: false, pinned: false, member: false };
beforeEach(async () => {
  await freshDb();
  await db().lists.bulkPut([
    { ...owned, id: '1900000000000000001', name: 'Birds' },
    { ...owned, id: '1900000000000000002', name: 42 as unknown as string },
  ]);
});

describe('the list picker over a List stored with a name that is not text', () => {
  it('still lists every List, the good one by its name', async () => {
    const { client } = scripted(ok({ data: [{ id: '1900000000000000001', name: 'Birds' }], meta: { result_count: 1 } }));
    const lists = await listsForUser(client, ADA, GRACE);
    expect(lists).toStrictEqual([
      { id: '1900000000000000002', name: '', member: false },
      { id: '1900000000000000001', name: 'Birds', member: true },
    ]);
  });
});
