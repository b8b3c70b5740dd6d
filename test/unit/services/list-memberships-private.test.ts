import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listsForUser } from '@/lib/services/list-memberships';
import { ok, scripted } from '../x/support';
import { freshDb } from './support';

/**
 * The popup's list picker is told a list is private or public only when X said which: a list stored without X's
 * `private` (the field is optional in X's List object) is not handed on as public.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const owned = { accountId: ADA, owned: true, followed: false, pinned: false, member: false };
beforeEach(async () => {
  await freshDb();
  await db().lists.bulkPut([
    { ...owned, id: '1900000000000000001', name: 'Birds' },
    { ...owned, id: '1900000000000000002', name: 'Cats', private: false },
    { ...owned, id: '1900000000000000003', name: 'Owls', private: true },
  ]);
});

describe("the popup's list picker, as to each list's privacy", () => {
  it('says private or public only for the lists X said it of', async () => {
    const { client } = scripted(ok({ data: [{ id: '1900000000000000002', name: 'Cats' }], meta: { result_count: 1 } }));
    const lists = await listsForUser(client, ADA, GRACE);
    expect(lists).toStrictEqual([
      { id: '1900000000000000001', name: 'Birds', member: false },
      { id: '1900000000000000002', name: 'Cats', private: false, member: true },
      { id: '1900000000000000003', name: 'Owls', private: true, member: false },
    ]);
  });
});

describe("the popup's list picker over a List stored with a name that is not text", () => {
  it('still lists every List, that one without a name, rather than failing the picker for all of them', async () => {
    // A store edited by hand, or a write of another version.
    await db().lists.put({ ...owned, id: '1900000000000000004', name: 42 as unknown as string });
    const { client } = scripted(ok({ data: [{ id: '1900000000000000002', name: 'Cats' }], meta: { result_count: 1 } }));
    const lists = await listsForUser(client, ADA, GRACE);
    expect(lists.map((l) => [l.name, l.member])).toStrictEqual([
      ['', false],
      ['Birds', false],
      ['Cats', true],
      ['Owls', false],
    ]);
  });
});
