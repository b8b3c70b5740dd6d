import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { profileContext } from '@/lib/services/tab-context';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * Blocking an account ends your follow of it and a follow request to it on X (x-api--users--blocks--integrate, "What
 * happens when you block": you can no longer follow them). A person who blocks someone they follow, then looks at
 * their profile again, must not be offered Unfollow, nor told their request still waits.
 */

withSignedInAda();

const TURING = { id: '1097398373457707008', username: 'alanturing_' };
const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };

const outbox = () => new Outbox({ defs: ACTIONS, clientFor: async () => client, wakeAt: () => undefined, now: () => emu.state.now() });

async function run(type: 'follow' | 'block' | 'unblock', who: { id: string; username: string }) {
  const box = outbox();
  await box.enqueue(ADA_ID, type, { userId: who.id, username: who.username });
  await box.kick(ADA_ID);
  await box.idle(ADA_ID);
}

const profile = async (username: string) => (await profileContext(async () => client, ADA_ID, username, emu.state.now())).user;

describe('blocking an account you follow', () => {
  it('shows Follow, not Unfollow, once X blocked it, and still after the unblock', async () => {
    emu.state.enterprise = true;
    expect(await profile(TURING.username)).toMatchObject({ following: true, blocked: false });
    await run('block', TURING);
    expect(emu.state.following.get(ADA_ID)?.has(TURING.id)).toBe(false);
    expect(await profile(TURING.username)).toMatchObject({ following: false, followRequested: false, blocked: true });
    await run('unblock', TURING);
    expect(await profile(TURING.username)).toMatchObject({ following: false, followRequested: false, blocked: false });
  });

  it('keeps no follow row for the account once X unblocked it', async () => {
    emu.state.enterprise = true;
    await run('block', TURING);
    // A follow row a read took before the block, stored after the block's confirm (a sync that was under way).
    await db().following.put({ accountId: ADA_ID, userId: TURING.id, position: 1 });
    await run('unblock', TURING);
    expect(await db().following.get([ADA_ID, TURING.id])).toBeUndefined();
    expect(await profile(TURING.username)).toMatchObject({ following: false, blocked: false });
  });

  it('no longer says a follow request waits once X blocked the account', async () => {
    emu.state.enterprise = true;
    await run('follow', KJOHNSON);
    expect(await profile(KJOHNSON.username)).toMatchObject({ followRequested: true });
    await run('block', KJOHNSON);
    expect(await profile(KJOHNSON.username)).toMatchObject({ following: false, followRequested: false, blocked: true });
  });
});
