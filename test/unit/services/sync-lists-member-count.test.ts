import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { listMembers } from '@/lib/services/lookups';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { adding, COMPILERS, onX, READING, removing, shown, syncLists } from './member-counts';
import { client, emu, withSignedInAda } from './world';

/**
 * A List's card says how many members it has: X's `member_count` (x-api--lists--list-lookup) as a Lists sync read it,
 * moved by each member the person added or removed through Perch that X's figure may predate (still waiting to be
 * sent, or confirmed by X after the page showing the List was asked for). One X counted already is not counted twice.
 */

withSignedInAda();

describe('a List’s member count after a Lists sync', () => {
  beforeEach(async () => {
    await syncLists(client);
  });

  it('counts a member added after X answered the page with the List, before the sync stored it', async () => {
    expect(await shown(READING)).toBe(4);
    await syncLists(actingAt('after', '/owned_lists', () => act('list.addMember', adding(READING))));
    expect(onX(READING)).toBe(5);
    expect(await shown(READING)).toBe(5);
  });

  it('counts a member removed after X answered the page with the List', async () => {
    // One removes a member shown under Load members.
    await listMembers(client, ADA_ID, READING);
    await syncLists(actingAt('after', '/owned_lists', () => act('list.removeMember', removing(READING))));
    expect(onX(READING)).toBe(3);
    expect(await shown(READING)).toBe(3);
  });

  it('counts a member added after the last page showing the List (pinned_lists) was answered', async () => {
    expect(await shown(COMPILERS)).toBe(9);
    await syncLists(actingAt('after', '/pinned_lists', () => act('list.addMember', adding(COMPILERS))));
    expect(onX(COMPILERS)).toBe(10);
    expect(await shown(COMPILERS)).toBe(10);
  });

  it('counts an add still waiting to be sent when the sync stores', async () => {
    const offline = { request: () => Promise.reject(new XApiError('offline')) } as unknown as XClient;
    const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(offline), wakeAt: () => undefined });
    const { seq } = await outbox.enqueue(ADA_ID, 'list.addMember', adding(READING));
    await outbox.idle(ADA_ID);
    expect((await db().actions.get(seq!))?.state).toBe('queued');
    await syncLists(client);
    expect(onX(READING)).toBe(4);
    expect(await shown(READING)).toBe(5);
  });

  it('does not count twice a member X confirmed before the sync began', async () => {
    await act('list.addMember', adding(READING));
    expect(await shown(READING)).toBe(5);
    await syncLists(client);
    expect(await shown(READING)).toBe(5);
  });

  it('does not count twice a member X confirmed during the sync, before the page with the List was asked for', async () => {
    await listMembers(client, ADA_ID, COMPILERS);
    // Read on owned_lists before the removal, and on pinned_lists after it: the later figure, X's, is kept.
    await syncLists(actingAt('after', '/owned_lists', () => act('list.removeMember', removing(COMPILERS))));
    expect(onX(COMPILERS)).toBe(8);
    expect(await shown(COMPILERS)).toBe(8);
  });

  it('takes X’s figure when the person changed no member, or only another List’s', async () => {
    emu.state.lists.get(READING)!.members.push(adding(READING).userId as string);
    await syncLists(actingAt('after', '/owned_lists', () => act('list.addMember', adding(COMPILERS))));
    expect(await shown(READING)).toBe(5);
    await syncLists(client);
    expect(await shown(READING)).toBe(5);
    expect(await shown(COMPILERS)).toBe(10);
  });
});
