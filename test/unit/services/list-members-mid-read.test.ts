import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { listMembers } from '@/lib/services/lookups';
import { Outbox } from '@/lib/services/outbox';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { SECOND_USER_ID, SEED_LISTS, SEED_MUTED_IDS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { client, emu, withSignedInAda } from './world';

/**
 * "Load members" while the person's own change to the List's members waits or is confirmed: GET /2/lists/:id/members
 * (x-api--lists--list-members) answered with the members before the change. The members view shows the change, and the
 * List keeps the member count the change gave it.
 */

withSignedInAda();

const LIST = SEED_LISTS.adaCompilers;
const NEWCOMER = SEED_MUTED_IDS.at(-1)!;

const storedMembers = async () =>
  (await db().listMembers.where('[accountId+listId+position]').between([ADA_ID, LIST, -Infinity], [ADA_ID, LIST, Infinity]).toArray()).map(
    (m) => m.userId,
  );
const memberCount = async () => (await db().lists.get([ADA_ID, LIST]))?.memberCount;
const onX = () => emu.state.lists.get(LIST)!.members;

describe('a List’s members loaded while the person changed them', () => {
  beforeEach(async () => {
    await new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS }).sync(ADA_ID, 'lists');
    await listMembers(client, ADA_ID, LIST);
    expect(await storedMembers()).toContain(SECOND_USER_ID);
  });

  it('keeps out a member whose removal still waits to be sent, and the count it gave', async () => {
    const offline = { request: () => Promise.reject(new XApiError('offline')) } as unknown as XClient;
    const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(offline), wakeAt: () => undefined });
    await outbox.enqueue(ADA_ID, 'list.removeMember', { listId: LIST, userId: SECOND_USER_ID });
    await outbox.idle(ADA_ID);
    const count = await memberCount();
    expect(count).toBe(onX().length - 1);
    await listMembers(client, ADA_ID, LIST);
    expect(onX()).toContain(SECOND_USER_ID);
    expect(await storedMembers()).not.toContain(SECOND_USER_ID);
    expect(await memberCount()).toBe(count);
  });

  it('keeps out a member X removed after it answered', async () => {
    await listMembers(
      actingAt('after', '/members', () => act('list.removeMember', { listId: LIST, userId: SECOND_USER_ID })),
      ADA_ID,
      LIST,
    );
    expect(onX()).not.toContain(SECOND_USER_ID);
    expect(await storedMembers()).not.toContain(SECOND_USER_ID);
    expect(await memberCount()).toBe(onX().length);
  });

  it('shows first a member X added after it answered', async () => {
    await listMembers(
      actingAt('after', '/members', () => act('list.addMember', { listId: LIST, userId: NEWCOMER })),
      ADA_ID,
      LIST,
    );
    expect(onX()).toContain(NEWCOMER);
    expect((await storedMembers())[0]).toBe(NEWCOMER);
    expect(await memberCount()).toBe(onX().length);
  });
});
