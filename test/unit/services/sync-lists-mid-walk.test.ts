import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox, type Params } from '@/lib/services/outbox';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { SEED_LISTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { client, emu, withSignedInAda } from './world';

/**
 * What the person did while a sync was reading pages must survive that sync: X confirmed it after the walk's earlier
 * pages were read, so those pages show the world before it. The Lists tab shows what X confirmed for the action
 * (x-api--lists--manage-lists, pin-list, unpin-list, follow-list, unfollow-list), not the walk's older view.
 */

withSignedInAda();

const syncLists = (c: XClient) =>
  new SyncService({ clientFor: () => Promise.resolve(c), defs: ACTIONS }).sync(ADA_ID, 'lists', { force: true });

/** Syncs the lists, the person taking `type` once X has answered the last of the four list answers (pinned_lists). */
async function syncWhile(type: string, params: Params, at = actingAt.bind(null, 'after', '/pinned_lists')): Promise<void> {
  const result = await syncLists(at(() => act(type, params)));
  expect(result).toMatchObject({ ran: true });
  expect(result.error).toBeUndefined();
}

const shown = async () => db().lists.where('accountId').equals(ADA_ID).toArray();

describe('a List the person changed while a lists sync was reading', () => {
  beforeEach(async () => {
    await syncLists(client);
  });

  it('shows a List made during the sync, under the id X gave it, once', async () => {
    await syncWhile('list.create', { tempId: 'pending-mid-walk', name: 'Made mid-sync' });
    const onX = [...emu.state.lists.values()].filter((l) => l.name === 'Made mid-sync');
    expect(onX).toHaveLength(1);
    const rows = (await shown()).filter((l) => l.name === 'Made mid-sync');
    expect(rows).toEqual([expect.objectContaining({ id: onX[0]!.id, owned: true })]);
  });

  it('keeps what X said of a List made during the sync that the sync’s pages already show', async () => {
    await syncWhile('list.create', { tempId: 'pending-mid-walk', name: 'Made mid-sync' }, actingAt.bind(null, 'before', '/owned_lists'));
    const onX = [...emu.state.lists.values()].filter((l) => l.name === 'Made mid-sync');
    expect(onX).toHaveLength(1);
    const rows = (await shown()).filter((l) => l.name === 'Made mid-sync');
    expect(rows).toEqual([expect.objectContaining({ id: onX[0]!.id, owned: true, memberCount: 0 })]);
    expect(rows[0]!.createdAt).toBeTruthy();
  });

  it('keeps a List deleted during the sync out of the Lists tab', async () => {
    const id = SEED_LISTS.adaReading;
    await syncWhile('list.delete', { listId: id });
    expect(emu.state.lists.has(id)).toBe(false);
    expect((await shown()).map((l) => l.id)).not.toContain(id);
  });

  it.each([
    ['list.pin', SEED_LISTS.adaJapanese, 'pinned', true],
    ['list.unpin', SEED_LISTS.adaCompilers, 'pinned', false],
    ['list.follow', SEED_LISTS.turingBletchley, 'followed', true],
    ['list.unfollow', SEED_LISTS.zoePlants, 'followed', false],
  ] as const)('shows %s of a List, taken during the sync, as X confirmed it', async (type, id, flag, on) => {
    const before = await db().lists.get([ADA_ID, id]);
    expect(before?.[flag]).toBe(!on);
    await syncWhile(type, { listId: id });
    const relation = flag === 'pinned' ? emu.state.pinnedLists : emu.state.followedLists;
    expect((relation.get(ADA_ID) ?? []).includes(id)).toBe(on);
    expect((await db().lists.get([ADA_ID, id]))?.[flag]).toBe(on);
  });

  it('shows a pin waiting to be sent when the sync began, and confirmed during it', async () => {
    const id = SEED_LISTS.adaJapanese;
    let online = false;
    const offline = { request: () => Promise.reject(new XApiError('offline')) } as unknown as XClient;
    const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(online ? client : offline), wakeAt: () => undefined });
    const { seq } = await outbox.enqueue(ADA_ID, 'list.pin', { listId: id });
    await outbox.idle(ADA_ID);
    expect((await db().actions.get(seq!))?.state).toBe('queued');
    const during = actingAt('after', '/pinned_lists', async () => {
      online = true;
      await outbox.retryNow(ADA_ID);
      expect((await db().actions.get(seq!))?.state).toBe('done');
    });
    await syncLists(during);
    expect(emu.state.pinnedLists.get(ADA_ID)).toContain(id);
    expect((await db().lists.get([ADA_ID, id]))?.pinned).toBe(true);
  });

  it('still takes what X said of Lists the person did not touch during the sync', async () => {
    const id = SEED_LISTS.graceNavy;
    emu.state.relationList(emu.state.followedLists, ADA_ID).splice(emu.state.followedLists.get(ADA_ID)!.indexOf(id), 1);
    await syncWhile('list.pin', { listId: SEED_LISTS.adaJapanese });
    expect((await db().lists.get([ADA_ID, id]))?.followed ?? false).toBe(false);
  });

  it('shows a change made on X after an action X confirmed before the sync began', async () => {
    const id = SEED_LISTS.adaJapanese;
    await act('list.pin', { listId: id });
    const pins = emu.state.pinnedLists.get(ADA_ID)!;
    pins.splice(pins.indexOf(id), 1);
    await syncLists(client);
    expect((await db().lists.get([ADA_ID, id]))?.pinned).toBe(false);
  });
});
