import { describe, expect, it } from 'vitest';
import { ACTIONS } from '@/lib/services/actions';
import { listMembers, lookupUser } from '@/lib/services/lookups';
import { SyncService } from '@/lib/services/sync';
import { postContext, profileContext } from '@/lib/services/tab-context';
import { CROWD_USERS, SEED_BLOCKED_IDS, SEED_LISTS, SEED_MUTED_IDS, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * The popup reads from X how the account relates to a person (`connection_status`) once a day and keeps the day it did.
 * The Lists sync's Muted and Blocked walks, a List's members shown and an account looked up read the same person again
 * and put a row in its place without that day: the next popup on their post or profile read X again (a billed user
 * read, or a post read with its author). Now they keep it, as the bookmarks sync does (lib/services/kept-rows.ts).
 */

withSignedInAda();

const sync = (collection: 'muted' | 'blocked') =>
  new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => emu.state.now() }).sync(ADA_ID, collection);

const reads = () => emu.state.log.filter((e) => e.method === 'GET').map((e) => e.path);
const profile = (username: string, now = emu.state.now()) => profileContext(async () => client, ADA_ID, username, now);

/** A person Ada mutes, and one she blocks (seeded ones, not spam accounts). */
const person = (ids: readonly string[]) => CROWD_USERS.find((u) => ids.includes(u.id) && !u.username.startsWith('promo_'))!;
const MUTED = person(SEED_MUTED_IDS);
const BLOCKED = person(SEED_BLOCKED_IDS);

describe('the popup after a Lists sync, a List’s members or a lookup read the same person', () => {
  it.each([
    ['muted', MUTED, { muted: true }],
    ['blocked', BLOCKED, { blocked: true }],
  ] as const)('asks X nothing again that day about a %s account after its sync', async (collection, who, relation) => {
    const first = await profile(who.username);
    expect(first.user).toMatchObject({ id: who.id, ...relation });

    expect(await sync(collection)).toMatchObject({ ran: true });
    emu.state.log = [];

    const again = await profile(who.username, emu.state.now() + 60_000);
    expect(again.error).toBeUndefined();
    expect(again.user).toMatchObject({ id: who.id, username: who.username, ...relation });
    expect(again.user).not.toHaveProperty('relationUnsaid');
    expect(reads()).toEqual([]);
  });

  it('asks X nothing again that day about a member’s post after the List’s members were shown', async () => {
    const now = emu.state.now();
    expect((await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now)).author).toMatchObject({ id: GRACE_ID });
    const { users } = await listMembers(client, ADA_ID, SEED_LISTS.adaCompilers);
    expect(users.map((u) => u.id)).toContain(GRACE_ID);
    emu.state.log = [];

    const again = await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(again.author).toMatchObject({ id: GRACE_ID, username: 'gracehop', following: true });
    expect(again.author).not.toHaveProperty('relationUnsaid');
    expect(reads()).toEqual([]);
  });

  it('asks X nothing again that day about an account looked up by @username', async () => {
    await profile('gracehop');
    expect(await lookupUser(client, ADA_ID, '@gracehop')).toMatchObject({ id: GRACE_ID, username: 'gracehop' });
    emu.state.log = [];

    expect((await profile('gracehop', emu.state.now() + 60_000)).user).toMatchObject({ id: GRACE_ID, following: true });
    expect(reads()).toEqual([]);
  });

  it('still asks X about a person the popup never read, after the sync stored them', async () => {
    await sync('muted');
    emu.state.log = [];

    expect((await profile(MUTED.username)).user).toMatchObject({ id: MUTED.id, muted: true });
    expect(reads()).toEqual([`/2/users/by/username/${MUTED.username}`]);
  });
});
