import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { userRow } from '@/lib/services/records';
import { postContext, profileContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * Issue 12 item 1: the popup's relation to a person comes from X's connection_status (users.fields, the
 * description's User.connection_status), never from a user row a sync stored without it.
 */

withSignedInAda();

/** Grace as the bookmark sync stores her today: name and username, no relation. */
async function storeGraceAsSynced(): Promise<void> {
  const seenAt = new Date(emu.state.now()).toISOString();
  await db().users.put(userRow(ADA_ID, { id: GRACE_ID, name: 'Grace Hopper', username: 'gracehop' }, seenAt));
}

/** Ada's client, with X's `connection_status` in each answer replaced by `said` (`undefined`: left out). */
const saying = (said: unknown): XClient => ({
  request: async (req) => {
    const res = await client.request(req);
    const body: unknown = JSON.parse(JSON.stringify(res.body), (k, v: unknown) => (k === 'connection_status' ? said : v));
    return { ...res, body: body as typeof res.body };
  },
});

const userReads = () => emu.state.log.filter((e) => e.method === 'GET' && e.path.startsWith('/2/users/by/username/'));

describe('the popup’s relation to a person a sync stored', () => {
  it('asks X, and shows that Ada follows Grace; the next popup the same day asks nothing', async () => {
    await storeGraceAsSynced();
    const ctx = await profileContext(() => Promise.resolve(client), ADA_ID, 'gracehop', emu.state.now());
    expect(ctx.user).toMatchObject({ id: GRACE_ID, following: true, followRequested: false });
    expect(userReads()).toHaveLength(1);
    expect(userReads()[0]?.query?.['user.fields']?.split(',')).toContain('connection_status');
    await profileContext(() => Promise.resolve(client), ADA_ID, 'gracehop', emu.state.now());
    expect(userReads()).toHaveLength(1);
  });

  it('says what failed rather than offering Follow when X cannot be asked', async () => {
    await storeGraceAsSynced();
    const offline = {
      request: () => Promise.reject(new XApiError('offline')),
    } as unknown as XClient;
    const ctx = await profileContext(() => Promise.resolve(offline), ADA_ID, 'gracehop', emu.state.now());
    expect(ctx.user).toBeNull();
    expect(ctx.error?.kind).toBe('offline');
  });

  it('reads a stored post again when its author’s relation is unknown', async () => {
    await postContext(() => Promise.resolve(client), ADA_ID, SEED_POSTS.gracePhoto, emu.state.now());
    // The bookmark sync stores the author again, without a relation.
    await storeGraceAsSynced();
    const before = emu.state.log.filter((e) => e.path === '/2/tweets').length;
    const ctx = await postContext(() => Promise.resolve(client), ADA_ID, SEED_POSTS.gracePhoto, emu.state.now());
    expect(emu.state.log.filter((e) => e.path === '/2/tweets').length).toBe(before + 1);
    expect(ctx.author).toMatchObject({ id: GRACE_ID, following: true });
  });

  it('reads an answer without connection_status as no relation, not the stored rows (x-api--fundamentals--fields)', async () => {
    await storeGraceAsSynced();
    // Perch's own rows say Ada follows, mutes and blocks Grace; X leaves the field out: none of them.
    const row = { accountId: ADA_ID, userId: GRACE_ID, position: 1 };
    await Promise.all([db().following.put(row), db().muted.put(row), db().blocked.put(row)]);

    const ctx = await profileContext(() => Promise.resolve(saying(undefined)), ADA_ID, 'gracehop', emu.state.now());
    expect(ctx.user).toMatchObject({ id: GRACE_ID, following: false, muted: false, blocked: false });
    expect(ctx.user).not.toHaveProperty('relationUnsaid');
  });

  it('shows the relation as unknown, not the stored rows, when X’s connection_status is not a list', async () => {
    await storeGraceAsSynced();
    const row = { accountId: ADA_ID, userId: GRACE_ID, position: 1 };
    await Promise.all([db().following.put(row), db().muted.put(row), db().blocked.put(row)]);

    const ctx = await profileContext(() => Promise.resolve(saying('following')), ADA_ID, 'gracehop', emu.state.now());
    expect(ctx.user).toMatchObject({ id: GRACE_ID, relationUnsaid: true });
    const post = await postContext(() => Promise.resolve(saying('following')), ADA_ID, SEED_POSTS.gracePhoto, emu.state.now());
    expect(post.author).toMatchObject({ id: GRACE_ID, relationUnsaid: true });
  });

  it('shows the relation X said as known', async () => {
    const ctx = await profileContext(() => Promise.resolve(client), ADA_ID, 'gracehop', emu.state.now());
    expect(ctx.user?.relationUnsaid).toBeUndefined();
    const post = await postContext(() => Promise.resolve(client), ADA_ID, SEED_POSTS.gracePhoto, emu.state.now());
    expect(post.author?.relationUnsaid).toBeUndefined();
  });
});
