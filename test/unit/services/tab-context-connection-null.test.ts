import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { postContext, profileContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * `connection_status: null`. X's description (../shared/x-openapi/openapi.json, OpenAPI 3.0.0) gives User's
 * connection_status as `type: array` without `nullable: true`: a null is not in X's contract. It is X's malformed
 * answer for that field only: the popup says X did not say how Ada relates to the person (not "no relation", and not
 * Perch's own older rows), shows the rest of what X said of them, and keeps those rows.
 */

withSignedInAda();

/** Ada's client, with each connection_status in X's answers made null. */
const sayingNull: XClient = {
  request: async (req) => {
    const res = await client.request(req);
    const body: unknown = JSON.parse(JSON.stringify(res.body), (k, v: unknown) => (k === 'connection_status' ? null : v));
    return { ...res, body: body as typeof res.body };
  },
};

describe('the popup when X answers connection_status: null', () => {
  it('says X did not say, on the profile and on the post, and keeps the rest', async () => {
    // Perch's own rows say Ada mutes and blocks Grace: X's null is no word on that, either way.
    const row = { accountId: ADA_ID, userId: GRACE_ID, position: 1 };
    await Promise.all([db().muted.put(row), db().blocked.put(row)]);

    const ctx = await profileContext(() => Promise.resolve(sayingNull), ADA_ID, 'gracehop', emu.state.now());
    expect(ctx.error).toBeUndefined();
    expect(ctx.user).toMatchObject({ id: GRACE_ID, username: 'gracehop', name: 'Grace Hopper', relationUnsaid: true });

    const post = await postContext(() => Promise.resolve(sayingNull), ADA_ID, SEED_POSTS.gracePhoto, emu.state.now());
    expect(post.error).toBeUndefined();
    expect(post.post?.id).toBe(SEED_POSTS.gracePhoto);
    expect(post.author).toMatchObject({ id: GRACE_ID, username: 'gracehop', relationUnsaid: true });

    expect(await db().muted.get([ADA_ID, GRACE_ID])).toBeDefined();
    expect(await db().blocked.get([ADA_ID, GRACE_ID])).toBeDefined();
  });
});
