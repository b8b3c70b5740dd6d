import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { adding, lookups, onX, syncLists } from './member-counts';
import { client, emu, withSignedInAda } from './world';

/**
 * A List the person made with Perch holds exactly the members Perch added to it (`knownEmpty`): its members view shows
 * them at once, with Remove, rather than "Load members". A Lists sync dropped that knowledge as soon as X's figure was
 * above 0, so the List went back to "Load members" though nobody had added anyone elsewhere. X's figure equal to the
 * members Perch holds now keeps it; a figure that counts someone else (added on x.com) drops it.
 */

withSignedInAda();

/** Ada makes "Reading later" with Perch and adds one account to it; its id on X. */
async function madeAndFilled(): Promise<string> {
  await act('list.create', { name: 'Reading later', private: false, tempId: 'pending-1' });
  const made = (await db().lists.where('accountId').equals(ADA_ID).toArray()).find((l) => l.name === 'Reading later');
  expect(made?.knownEmpty).toBe(true);
  await act('list.addMember', adding(made!.id));
  return made!.id;
}

const stored = async (id: string) => db().lists.get([ADA_ID, id]);

describe('a List Perch made and filled, after a Lists sync', () => {
  it('still shows the members Perch holds as all of them when X counts as many', async () => {
    const id = await madeAndFilled();
    await syncLists(client);
    expect(onX(id)).toBe(1);
    expect(await stored(id)).toMatchObject({ memberCount: 1, knownEmpty: true });
  });

  it('no longer does when X counts a member added elsewhere', async () => {
    const id = await madeAndFilled();
    // Someone added on x.com: X's figure is 2, Perch holds 1.
    emu.state.lists.get(id)!.members.push(adding(id).userId as string);
    await syncLists(client);
    expect(await stored(id)).toMatchObject({ memberCount: 2 });
    expect((await stored(id))?.knownEmpty).toBeUndefined();
  });

  it('keeps it when the sync reads the List again after an add X confirmed during the walk', async () => {
    const id = await madeAndFilled();
    // Confirmed before the page with the List was asked for: X's figure may count it, so the List is looked up again.
    emu.state.log = [];
    await syncLists(actingAt('before', '/owned_lists', () => act('list.addMember', adding(id))));
    expect(lookups()).toEqual([id]);
    expect(onX(id)).toBe(2);
    expect(await stored(id)).toMatchObject({ memberCount: 2, knownEmpty: true });
  });
});
