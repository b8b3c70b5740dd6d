import { describe, expect, it } from 'vitest';
import { db, type Collection } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { ADA_ID } from '../auth/support';
import { actingAt } from './mid-walk';
import { withSignedInAda } from './world';

/**
 * The person signs out while a sync is reading X's pages. The sign-out wipes the account's rows (lib/storage-wipe.ts);
 * the page X answers after it, and the sync's own progress and outcome, must not put them back.
 */

withSignedInAda();

/** Ada's sync, on a client that signs her out (tokens gone, rows wiped) once X has answered `path`. */
function signingOutAt(path: string) {
  let signedIn = true;
  const during: XClient = actingAt('after', path, async () => {
    signedIn = false;
    await db().clearAccount(ADA_ID, { now: Date.now() });
  });
  const sync = new SyncService({ clientFor: () => Promise.resolve(during), defs: ACTIONS, signedIn: () => Promise.resolve(signedIn) });
  return (collection: Collection) => sync.sync(ADA_ID, collection, { force: true, full: true });
}

const rows = async () => ({
  bookmarks: await db().bookmarks.where('accountId').equals(ADA_ID).count(),
  lists: await db().lists.where('accountId').equals(ADA_ID).count(),
  state: await db().syncState.where('accountId').equals(ADA_ID).count(),
});

describe('a sync reading when the person signs out', () => {
  it.each<[Collection, string]>([
    ['bookmarks', '/bookmarks'],
    ['lists', '/owned_lists'],
  ])('puts back none of the %s rows the sign-out wiped', async (collection, path) => {
    const result = await signingOutAt(path)(collection);
    expect(result).toMatchObject({ ran: false, error: { kind: 'signed-out' } });
    expect(await rows()).toEqual({ bookmarks: 0, lists: 0, state: 0 });
  });

  it('still stores everything when the person stays signed in', async () => {
    const sync = new SyncService({
      clientFor: () => Promise.resolve(actingAt('after', '/none', async () => {})),
      defs: ACTIONS,
      signedIn: () => Promise.resolve(true),
    });
    expect(await sync.sync(ADA_ID, 'bookmarks', { force: true, full: true })).toMatchObject({ ran: true });
    expect((await rows()).bookmarks).toBeGreaterThan(0);
    expect((await rows()).state).toBe(1);
  });
});
