import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postContext, profileContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * The popup reads from X how the account relates to a person (`connection_status`) once a day and keeps the day it did.
 * Its own later reads stored the people they named in place of the stored rows: a post's author or a replied-to person
 * X named with a `connection_status` Perch cannot read (not a list) lost that day, so the next popup on them the same
 * day read X again. They now keep it (lib/services/kept-rows.ts `putUsers`). A person named without the field is X
 * saying "no relation" (x-api--fundamentals--fields): ./tab-context-bare-relation.test.ts.
 */

withSignedInAda();

const DAY = 24 * 60 * 60_000;

/** What Perch cannot read as a relation: present, not a list. */
const UNREADABLE = 'following';

/** Ada's client, with the users X expands in an answer (`includes.users`) carrying an unreadable `connection_status`. */
const expandedSilent: XClient = {
  request: async (req) => {
    const res = await client.request(req);
    const body = res.body as { includes?: { users?: Record<string, unknown>[] } } | undefined;
    const includes = body?.includes;
    if (!includes?.users) return res;
    const users = includes.users.map((u) => ({ ...u, connection_status: UNREADABLE }));
    return { ...res, body: { ...body, includes: { ...includes, users } } as typeof res.body };
  },
};

/** Ada's client, with an unreadable `connection_status` wherever X's answers carry one. */
const silent: XClient = {
  request: async (req) => {
    const res = await client.request(req);
    const body: unknown = JSON.parse(JSON.stringify(res.body), (k, v: unknown) => (k === 'connection_status' ? UNREADABLE : v));
    return { ...res, body: body as typeof res.body };
  },
};

const reads = () => emu.state.log.filter((e) => e.method === 'GET').map((e) => e.path);
const profile = (username: string, now: number, via: XClient = client) => profileContext(async () => via, ADA_ID, username, now);

describe('the popup after its own read of a post names a person without saying how Ada relates to them', () => {
  // "That day" is the UTC day (tab-context.ts), and the reads here run up to three minutes apart: the clock stays at
  // noon, so a run across UTC midnight still finds the first read that day. Only Date is faked: the emulator and the
  // store keep real timers.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-15T12:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks X nothing again that day about the post’s author Ada’s popup already read', async () => {
    const now = emu.state.now();
    expect((await profile('gracehop', now)).user).toMatchObject({ id: GRACE_ID, following: true });

    const post = await postContext(async () => expandedSilent, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(post.author).toMatchObject({ id: GRACE_ID, username: 'gracehop', following: true });
    expect(post.author).not.toHaveProperty('relationUnsaid');
    emu.state.log = [];

    const again = await profile('gracehop', now + 120_000);
    expect(again.user).toMatchObject({ id: GRACE_ID, following: true });
    expect(again.user).not.toHaveProperty('relationUnsaid');
    expect((await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now + 180_000)).author).toMatchObject({
      id: GRACE_ID,
      following: true,
    });
    expect(reads()).toEqual([]);
  });

  it('still asks X about an author the popup never read', async () => {
    const now = emu.state.now();
    await postContext(async () => expandedSilent, ADA_ID, SEED_POSTS.gracePhoto, now);
    emu.state.log = [];

    expect((await profile('gracehop', now + 60_000)).user).toMatchObject({ id: GRACE_ID, following: true });
    expect(reads()).toEqual(['/2/users/by/username/gracehop']);
  });
});

describe('the popup on a profile X answers without saying how Ada relates to the person', () => {
  it('shows what X said the day before rather than nothing known', async () => {
    const now = emu.state.now();
    await profile('gracehop', now - DAY);
    emu.state.log = [];

    const today = await profile('gracehop', now, silent);
    expect(reads()).toEqual(['/2/users/by/username/gracehop']);
    expect(today.error).toBeUndefined();
    expect(today.user).toMatchObject({ id: GRACE_ID, following: true });
    expect(today.user).not.toHaveProperty('relationUnsaid');
  });
});
