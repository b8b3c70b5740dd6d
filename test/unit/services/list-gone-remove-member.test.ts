import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { storedGoneListIds } from '@/components/manager/activity-link';
import { SECOND_USER_ID, SEED_LISTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { xProblem } from '../x/problems';
import { scripted, type Step } from '../x/support';
import { adaClient, emu, withEmulator } from './world';

/**
 * Removing a member from a List deleted on x.com was stored as done ("Removed @grace"), and the List stayed in the
 * Lists tab with a "View list" link to a page x.com no longer has: the removal took any not-found as "not a member
 * any more". X's not-found to DELETE /2/lists/{id}/members/{user_id} (removeListsMemberByUserId) names what it
 * could not find (ResourceNotFoundProblem's `resource_type`); one naming the List means the List is gone
 * (x-api--lists--list-lookup--integrate, "404 – List doesn't exist"): the removal fails as X answered, and the List
 * is forgotten and recorded gone, as a pin, follow, change or member add X answers so is. One naming the member is
 * still done: they are on it no more.
 */

withEmulator();

const LIST = SEED_LISTS.adaCompilers;
const params = { listId: LIST, listName: 'Compiler folks', userId: SECOND_USER_ID, username: 'gracehop' };
const LIST_NOT_FOUND = xProblem('resource-not-found', `Could not find list with id: [${LIST}].`, {
  resource_type: 'list',
  resource_id: LIST,
  parameter: 'id',
});
const USER_NOT_FOUND = xProblem('resource-not-found', `Could not find user with user_id: [${SECOND_USER_ID}].`, {
  resource_type: 'user',
  resource_id: SECOND_USER_ID,
  parameter: 'user_id',
});

/** Ada's List as a Lists sync stored it, with Grace on it (2 members). */
async function storeList(): Promise<void> {
  await db().lists.put({
    accountId: ADA_ID,
    id: LIST,
    name: 'Compiler folks',
    memberCount: 2,
    owned: true,
    followed: false,
    pinned: false,
    member: false,
  });
  await db().listMembers.put({ accountId: ADA_ID, listId: LIST, userId: SECOND_USER_ID, position: 0 });
}

/** Removes Grace through the outbox with `client`; returns the action as stored after. */
async function removeGrace(client: XClient) {
  const box = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(client), wakeAt: vi.fn(), random: () => 0.5 });
  const { seq } = await box.enqueue(ADA_ID, 'list.removeMember', params);
  await box.idle(ADA_ID);
  return (await db().actions.get(seq!))!;
}

const scriptedClient = (step: Step) => scripted(step).client;
const stored = () => db().lists.get([ADA_ID, LIST]);
const members = () => db().listMembers.where('[accountId+listId]').equals([ADA_ID, LIST]).count();

describe('removing a member from a List X says does not exist', () => {
  it('fails as X answered, forgets the List with its members and records it gone (X emulated)', async () => {
    await storeList();
    const client = await adaClient();
    // Deleted on x.com after Perch last read it.
    emu.state.deleteList(LIST);
    const action = await removeGrace(client);
    const sent = emu.state.log.filter((r) => r.method === 'DELETE');
    expect(sent.map((r) => [r.path, r.status])).toEqual([[`/2/lists/${LIST}/members/${SECOND_USER_ID}`, 404]]);
    expect(action.state).toBe('failed');
    expect(action.error).toMatchObject({ kind: 'not-found' });
    expect(await stored()).toBeUndefined();
    // No member row put back by the rollback is left behind the forgotten List.
    expect(await members()).toBe(0);
    // What Activity and the List's page read to stop linking it and say X says it no longer exists.
    expect(await storedGoneListIds(ADA_ID)).toEqual([LIST]);
  });

  it('stays done when X’s not-found names the member, and fails once it names the List', async () => {
    await storeList();
    const noUser = await removeGrace(scriptedClient({ status: 404, body: { errors: [USER_NOT_FOUND] } }));
    expect(noUser.state).toBe('done');
    expect(await stored()).toMatchObject({ id: LIST, memberCount: 1 });
    expect(await members()).toBe(0);
    expect(await storedGoneListIds(ADA_ID)).toEqual([]);

    await storeList();
    const noList = await removeGrace(scriptedClient({ status: 404, body: { errors: [LIST_NOT_FOUND] } }));
    expect(noList.state).toBe('failed');
    expect(await stored()).toBeUndefined();
    expect(await members()).toBe(0);
    expect(await storedGoneListIds(ADA_ID)).toEqual([LIST]);
  });
});
