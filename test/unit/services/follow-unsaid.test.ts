import { describe, expect, it } from 'vitest';
import { canUndo } from '@/components/manager/action-state';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { profileContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * A follow X answers `{"data":{}}`: `following` and `pending_follow` are both optional in the OpenAPI's
 * UsersFollowingCreateResponse (POST /2/users/:id/following). The follow was done as asked, but X did not say whether
 * it follows or waits for a protected account's approval: the popup never shows a request as Following, asks X, and
 * offers no Undo, whose DELETE following X does not say withdraws a request.
 */

withSignedInAda();

const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };
const GRACE = { id: GRACE_ID, username: 'gracehop' };

/** Ada's client, with X's answer to a follow emptied to `{"data":{}}` after X did it. */
const silentFollows = (): XClient => ({
  request: async (req) => {
    const res = await client.request(req);
    if (req.method !== 'POST' || !req.path.endsWith('/following')) return res;
    return { ...res, body: { data: {} } as typeof res.body };
  },
});

const outbox = () =>
  new Outbox({ defs: ACTIONS, clientFor: async () => silentFollows(), wakeAt: () => undefined, now: () => emu.state.now() });

async function follow(who: { id: string; username: string }) {
  const box = outbox();
  await box.enqueue(ADA_ID, 'follow', { userId: who.id, username: who.username });
  await box.kick(ADA_ID);
  await box.idle(ADA_ID);
  return db().actions.where('accountId').equals(ADA_ID).last();
}

const profile = (username: string) => profileContext(async () => client, ADA_ID, username, emu.state.now());
const userReads = () => emu.state.log.filter((e) => e.method === 'GET' && e.path.startsWith('/2/users/by/username/')).length;

describe('a follow X answers without saying following or pending', () => {
  it('shows a protected account as Requested, never Following, and asks X which it is', async () => {
    expect((await profile(KJOHNSON.username)).user).toMatchObject({ protected: true, following: false });
    expect(await follow(KJOHNSON)).toMatchObject({ state: 'done' });
    expect(await db().following.get([ADA_ID, KJOHNSON.id])).toMatchObject({ pending: true });

    const reads = userReads();
    expect((await profile(KJOHNSON.username)).user).toMatchObject({ following: false, followRequested: true });
    expect(userReads()).toBe(reads + 1);
  });

  it('offers no Undo: its DELETE following may not withdraw a request (x-api--users--unfollow-user)', async () => {
    const done = await follow(KJOHNSON);
    expect(canUndo(done!)).toBe(false);
    await expect(outbox().undo(ADA_ID, done!.seq!)).rejects.toMatchObject({ kind: 'cannot-undo', replyWords: { kind: 'undo-impossible' } });
    expect(emu.state.log.some((e) => e.method === 'DELETE' && e.path.includes('/following/'))).toBe(false);
  });

  it('shows an open account as X then says, asked again', async () => {
    await profile(GRACE.username);
    emu.state.following.get(ADA_ID)?.delete(GRACE.id);
    await db().following.delete([ADA_ID, GRACE.id]);
    await follow(GRACE);

    const reads = userReads();
    expect((await profile(GRACE.username)).user).toMatchObject({ following: true, followRequested: false });
    expect(userReads()).toBe(reads + 1);
  });
});
