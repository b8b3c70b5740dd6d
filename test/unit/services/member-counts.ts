import { expect } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import type { Params } from '@/lib/services/outbox';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { CROWD_USER_IDS, SEED_LISTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { emu } from './world';

/** What the tests of a List's member count share: a Lists sync, the card's figure, X's, and the changes they make. */

/** A Lists sync of Ada's that ran and failed nothing. */
export const syncLists = async (c: XClient) => {
  const result = await new SyncService({ clientFor: () => Promise.resolve(c), defs: ACTIONS }).sync(ADA_ID, 'lists', { force: true });
  expect(result).toMatchObject({ ran: true });
  expect(result.error).toBeUndefined();
};

/** "N members" on the List's card, and the members X has. */
export const shown = async (id: string) => (await db().lists.get([ADA_ID, id]))?.memberCount;
export const onX = (id: string) => emu.state.lists.get(id)!.members.length;
/** The List lookups (GET /2/lists/:id) X was asked for since the log was emptied. */
export const lookups = () =>
  emu.state.log.filter((e) => e.method === 'GET' && /^\/2\/lists\/\d+$/.test(e.path)).map((e) => e.path.split('/')[3]);

// Reading list is owned only: its figure comes from owned_lists. Compiler folks is owned and pinned: pinned_lists,
// read last, gives it its figure.
export const READING = SEED_LISTS.adaReading;
export const COMPILERS = SEED_LISTS.adaCompilers;
/** Adding someone not on the List on X; removing its first member. */
export const adding = (listId: string): Params => ({
  listId,
  listName: 'A List',
  userId: CROWD_USER_IDS.find((id) => !emu.state.lists.get(listId)!.members.includes(id))!,
  username: 'someone',
});
export const removing = (listId: string): Params => ({ ...adding(listId), userId: emu.state.lists.get(listId)!.members[0]! });
