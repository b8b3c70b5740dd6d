import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listsForUser } from '@/lib/services/list-memberships';
import { listMembers } from '@/lib/services/lookups';
import { xProblem } from '../x/problems';
import { ok, scripted, xErrorOf } from '../x/support';
import { freshDb } from './support';

/**
 * A list read X answers 200 with only `errors` (data is optional in ListMembershipsResponse and ListMembersResponse)
 * says why X listed nothing, not that there is nothing: the person sees X's words, and what was stored stays.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const LIST = '1900000000000000001';
const NOT_AUTHORIZED = xProblem('not-authorized-for-resource', 'Sorry, you are not authorized to see the user with id: [1111111111].');
const GONE = xProblem('resource-not-found', 'Could not find list with id: [1900000000000000003].');
beforeEach(async () => {
  await freshDb();
  await db().lists.put({ accountId: ADA, id: LIST, name: 'Birds', owned: true, followed: false, pinned: false, member: false });
  await db().listMembers.put({ accountId: ADA, listId: LIST, userId: GRACE, position: 0 });
});

const refusalOf = async (p: Promise<unknown>) => {
  const { kind, message } = await xErrorOf(p);
  return { kind, message };
};
const storedMember = () => db().listMembers.get([ADA, LIST, GRACE]);

describe("the popup's list picker, when X answers list_memberships with only errors", () => {
  it("shows X's words and keeps the person on the lists the store knew", async () => {
    const { client, sent } = scripted(ok({ errors: [NOT_AUTHORIZED] }));
    const refused = await refusalOf(listsForUser(client, ADA, GRACE));
    expect(refused).toEqual({ kind: 'forbidden', message: expect.stringContaining(NOT_AUTHORIZED.detail) as string });
    expect(await storedMember()).toBeDefined();
    expect(sent).toHaveLength(1);
  });

  it('keeps the person on a stored list when X sent other lists with errors beside them', async () => {
    const other = { id: '1900000000000000002', name: 'Cats' };
    const { client } = scripted(ok({ data: [other], errors: [GONE], meta: { result_count: 1 } }));
    const lists = await listsForUser(client, ADA, GRACE);
    expect(lists).toEqual([{ id: LIST, name: 'Birds', member: true }]);
    expect(await storedMember()).toBeDefined();
  });
});

describe("a list's members, when X answers with only errors", () => {
  it("shows X's words and keeps the stored members", async () => {
    const { client, sent } = scripted(ok({ errors: [NOT_AUTHORIZED] }));
    const refused = await refusalOf(listMembers(client, ADA, LIST));
    expect(refused).toEqual({ kind: 'forbidden', message: expect.stringContaining(NOT_AUTHORIZED.detail) as string });
    expect(await storedMember()).toBeDefined();
    expect(sent).toHaveLength(1);
  });

  it('still shows an empty list as empty', async () => {
    const { client } = scripted(ok({ meta: { result_count: 0 } }));
    expect(await listMembers(client, ADA, LIST)).toEqual({ users: [] });
    expect(await storedMember()).toBeUndefined();
  });
});

describe("a list's first members page, when X sends errors beside the members", () => {
  it('keeps a stored member X did not return, after the ones it did', async () => {
    const ada = { id: ADA, name: 'Ada', username: 'ada' };
    const { client } = scripted(ok({ data: [ada], errors: [NOT_AUTHORIZED], meta: { result_count: 1 } }));
    const { users } = await listMembers(client, ADA, LIST);
    expect(users.map((u) => u.id)).toEqual([ADA]);
    const stored = await db().listMembers.where('[accountId+listId]').equals([ADA, LIST]).sortBy('position');
    expect(stored.map((r) => r.userId)).toEqual([ADA, GRACE]);
  });

  it('replaces the stored members when the page is whole', async () => {
    const ada = { id: ADA, name: 'Ada', username: 'ada' };
    const { client } = scripted(ok({ data: [ada], meta: { result_count: 1 } }));
    await listMembers(client, ADA, LIST);
    expect(await storedMember()).toBeUndefined();
  });
});
