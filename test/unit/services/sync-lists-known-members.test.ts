import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox, type Params } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { adding, lookups, onX, syncLists } from './member-counts';
import { client, emu, withSignedInAda } from './world';

/**
 * A List the person made with Perch holds exactly the members Perch added to it (`knownEmpty`): its members view shows
 * them at once, with Remove, rather than "Load members". Only X's figure of 0 (list.fields=member_count on owned_lists,
 * x-api--users--get-owned-lists; the List lookup getListsById) keeps that knowledge through a sync: a figure equal to the
 * members Perch holds may count other members (one added on x.com, another taken off there), and a member whose add
 * still waits in the outbox is none of X's. In doubt, the List offers Load members, X's own answer.
 */

withSignedInAda();

/** A member-changing action that waits in the outbox: X cannot be reached. */
async function waiting(type: string, params: Params): Promise<void> {
  const offline = { request: () => Promise.reject(new XApiError('offline')) } as unknown as XClient;
  const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(offline), wakeAt: () => undefined });
  const { seq } = await outbox.enqueue(ADA_ID, type, params);
  await outbox.idle(ADA_ID);
  expect((await db().actions.get(seq!))?.state).not.toBe('done');
}

/** Ada makes "Reading later" with Perch; its id on X. */
async function made(): Promise<string> {
  await act('list.create', { name: 'Reading later', private: false, tempId: 'pending-1' });
  const made = (await db().lists.where('accountId').equals(ADA_ID).toArray()).find((l) => l.name === 'Reading later');
  expect(made?.knownEmpty).toBe(true);
  return made!.id;
}

/** Ada makes "Reading later" with Perch and adds one account to it; its id on X. */
async function madeAndFilled(): Promise<string> {
  const id = await made();
  await act('list.addMember', adding(id));
  return id;
}

const stored = async (id: string) => db().lists.get([ADA_ID, id]);

describe('a List Perch made and filled, after a Lists sync', () => {
  it('is no longer known whole when X counts as many members as Perch holds, other ones', async () => {
    const id = await madeAndFilled();
    // On x.com, the member Perch added was taken off and someone else added: X still counts 1.
    const members = emu.state.lists.get(id)!.members;
    members.splice(0, members.length, adding(id).userId as string);
    await syncLists(client);
    expect(await stored(id)).toMatchObject({ memberCount: 1 });
    expect((await stored(id))?.knownEmpty).toBeUndefined();
  });

  it('no longer does when X counts a member added elsewhere', async () => {
    const id = await madeAndFilled();
    // Someone added on x.com: X's figure is 2, Perch holds 1.
    emu.state.lists.get(id)!.members.push(adding(id).userId as string);
    await syncLists(client);
    expect(await stored(id)).toMatchObject({ memberCount: 2 });
    expect((await stored(id))?.knownEmpty).toBeUndefined();
  });

  it('no longer does when the sync reads the List again after an add X confirmed during the walk', async () => {
    const id = await madeAndFilled();
    // Confirmed before the page with the List was asked for: X's figure may count it, so the List is looked up again.
    emu.state.log = [];
    await syncLists(actingAt('before', '/owned_lists', () => act('list.addMember', adding(id))));
    expect(lookups()).toEqual([id]);
    expect(onX(id)).toBe(2);
    expect(await stored(id)).toMatchObject({ memberCount: 2 });
    expect((await stored(id))?.knownEmpty).toBeUndefined();
  });
});

describe('a List Perch made with an add waiting in the outbox, after a Lists sync', () => {
  it('stays known whole when X counts none: the waiting add is Perch’s own, newer than X’s figure', async () => {
    const id = await made();
    await waiting('list.addMember', adding(id));
    await syncLists(client);
    expect(onX(id)).toBe(0);
    expect(await stored(id)).toMatchObject({ memberCount: 1, knownEmpty: true });
  });

  it('is no longer known whole when X counts someone added on x.com, as many as the rows Perch holds', async () => {
    const id = await made();
    await waiting('list.addMember', adding(id));
    emu.state.lists.get(id)!.members.push(adding(id).userId as string);
    await syncLists(client);
    expect(await stored(id)).toMatchObject({ memberCount: 2 });
    expect((await stored(id))?.knownEmpty).toBeUndefined();
  });
});

describe('what a Lists sync reads again of Lists Perch made', () => {
  it('looks again only at a List it holds flagged, not at every List the walk saw', async () => {
    const id = await made();
    const get = vi.spyOn(db().lists, 'get');
    await syncLists(client);
    const walked = await db().lists.where('accountId').equals(ADA_ID).count();
    expect(walked, 'the walk stored Lists Perch did not make').toBeGreaterThan(2);
    // No member changed: only the List Perch made is read again, to see it still holds as many as X counts.
    const read = get.mock.calls.map(([key]) => (Array.isArray(key) ? key[1] : key));
    expect(new Set(read)).toEqual(new Set([id]));
    expect(await stored(id)).toMatchObject({ memberCount: 0, knownEmpty: true });
  });
});
