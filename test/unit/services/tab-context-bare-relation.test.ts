import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { profileContext } from '@/lib/services/tab-context';
import { CROWD_USERS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, followWaiting, withSignedInAda } from './world';

/**
 * The popup's read asks X for `connection_status`; an X that leaves out empty fields (test/emulator/bare.ts) answers a
 * stranger without it. "Missing fields in responses mean the value is `null` or empty" (x-api--fundamentals--fields,
 * Important notes): X said there is no relation, so the popup offers Follow, Mute and Block (one way each), not
 * "X did not say whether you follow, mute or block…", and does not read X again that day.
 */

withSignedInAda();
beforeEach(() => {
  emu.state.bareAnswers = true;
});
afterEach(() => {
  emu.state.bareAnswers = false;
});

const DAY = 24 * 60 * 60 * 1000;
/** Public, and nobody Ada follows, mutes or blocks. */
const STRANGER = CROWD_USERS[30]!;
const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };

const profile = (username: string, now = emu.state.now()) => profileContext(async () => client, ADA_ID, username, now);
const userReads = () => emu.state.log.filter((e) => e.method === 'GET' && e.path.startsWith('/2/users/by/username/'));

describe('the popup on a profile X answers without connection_status', () => {
  it('shows a stranger as not followed, muted or blocked, and asks nothing again the same day', async () => {
    // Perch's own rows guessed otherwise (an older sync): X's answer says there is no relation.
    const row = { accountId: ADA_ID, userId: STRANGER.id, position: 1 };
    await Promise.all([db().following.put(row), db().muted.put(row), db().blocked.put(row)]);
    emu.state.log = [];

    const ctx = await profile(STRANGER.username);
    expect(ctx.error).toBeUndefined();
    expect(ctx.user).toMatchObject({ id: STRANGER.id, following: false, followRequested: false, muted: false, blocked: false });
    expect(ctx.user).not.toHaveProperty('relationUnsaid');
    expect(userReads()).toHaveLength(1);

    const again = await profile(STRANGER.username, emu.state.now() + 60_000);
    expect(again.user).toMatchObject({ id: STRANGER.id, following: false, muted: false, blocked: false });
    expect(again.user).not.toHaveProperty('relationUnsaid');
    expect(userReads()).toHaveLength(1);
  });

  it('keeps a follow still waiting in the outbox as Requested', async () => {
    await profile(KJOHNSON.username);
    await followWaiting(KJOHNSON, emu.state.now() + DAY);
    const next = await profile(KJOHNSON.username, emu.state.now() + DAY);
    expect(next.user).toMatchObject({ following: false, followRequested: true });
    expect(next.user).not.toHaveProperty('relationUnsaid');
  });
});
