import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { listMembers } from '@/lib/services/lookups';
import { MAX_RECOUNTS } from '@/lib/services/sync-lists';
import type { XClient } from '@/lib/x/client';
import { CROWD_USER_IDS, SEED_LISTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { adding, COMPILERS, lookups, onX, READING, removing, shown, syncLists } from './member-counts';
import { client, emu, withSignedInAda } from './world';

/**
 * A member the person added or removed through Perch that X had received when it answered the page showing the List
 * may or may not be in X's `member_count` there. The sync reads that List again with X's List lookup (GET /2/lists/:id,
 * getListsById, list.fields=member_count: x-api--lists--get-list-by-id) and shows X's figure, moved only by what that
 * lookup may predate: "5 members" with 5 on X, not 6. At most MAX_RECOUNTS lookups a sync; none when nothing is unsure.
 */

withSignedInAda();

describe('a List’s member count when X may already count a change the sync counts', () => {
  beforeEach(async () => {
    await syncLists(client);
    emu.state.log = [];
  });

  it.each([
    { what: 'an add', list: READING, page: '/owned_lists', type: 'list.addMember', change: adding, was: 4, now: 5 },
    { what: 'a removal', list: COMPILERS, page: '/pinned_lists', type: 'list.removeMember', change: removing, was: 9, now: 8 },
  ])('counts once $what X confirmed while the page with the List was asked for', async ({ list, page, type, change, was, now }) => {
    await listMembers(client, ADA_ID, list);
    expect(await shown(list)).toBe(was);
    // X confirms it after the sync noted the outbox, before the page's request goes: the page's figure shows it.
    await syncLists(actingAt('before', page, () => act(type, change(list))));
    expect(onX(list)).toBe(now);
    expect(await shown(list)).toBe(now);
    expect(lookups()).toEqual([list]);
  });

  it('counts once an add X had received but not confirmed when the page with the List was answered', async () => {
    let applied!: () => void;
    const onXNow = new Promise<void>((resolve) => (applied = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // X applies the add at once and answers it only when let go.
    const slow: XClient = {
      async request(req) {
        const reply = await client.request(req);
        if (req.path.endsWith('/members')) {
          applied();
          await answered;
        }
        return reply;
      },
    };
    const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(slow), wakeAt: () => undefined });
    let sent: Promise<void> | undefined;
    const during: XClient = {
      async request(req) {
        if (req.path.endsWith('/owned_lists')) {
          const { seq } = await outbox.enqueue(ADA_ID, 'list.addMember', adding(READING));
          sent = outbox.idle(ADA_ID);
          await onXNow;
          expect((await db().actions.get(seq!))?.state).toBe('sending');
        }
        if (req.path.endsWith('/followed_lists')) {
          // Still being sent when owned_lists was answered; X's answer to it comes now.
          answer();
          await sent;
        }
        return client.request(req);
      },
    };
    await syncLists(during);
    expect(onX(READING)).toBe(5);
    expect(await shown(READING)).toBe(5);
    expect(lookups()).toEqual([READING]);
  });

  it('reads a List again when the person changed its members again while it was read', async () => {
    const first = adding(READING);
    const second = { ...adding(READING), userId: CROWD_USER_IDS.filter((id) => !emu.state.lists.get(READING)!.members.includes(id))[1]! };
    let lookup = false;
    const during: XClient = {
      async request(req) {
        if (req.path.endsWith('/owned_lists')) await act('list.addMember', first);
        if (req.path.endsWith(`/lists/${READING}`) && !lookup) {
          lookup = true;
          await act('list.addMember', second);
        }
        return client.request(req);
      },
    };
    await syncLists(during);
    expect(onX(READING)).toBe(6);
    expect(await shown(READING)).toBe(6);
    expect(lookups()).toEqual([READING, READING]);
  });

  it('reads no List again when X’s figures cannot show a change the sync counts', async () => {
    await listMembers(client, ADA_ID, COMPILERS);
    // Sent after owned_lists, the page with Reading list, was answered: counted on its figure.
    await syncLists(actingAt('before', '/followed_lists', () => act('list.addMember', adding(READING))));
    // Confirmed before pinned_lists, the page with Compiler folks, was asked for: in its figure already.
    await syncLists(actingAt('before', '/followed_lists', () => act('list.removeMember', removing(COMPILERS))));
    expect([await shown(READING), await shown(COMPILERS)]).toEqual([onX(READING), onX(COMPILERS)]);
    expect([onX(READING), onX(COMPILERS)]).toEqual([5, 8]);
    expect(lookups()).toEqual([]);
  });

  it(`reads at most ${MAX_RECOUNTS} Lists again in a sync; the others keep the change counted`, async () => {
    // Four more Lists of Ada's, shown only by owned_lists as Reading list is.
    const more = ['1900000000000000001', '1900000000000000002', '1900000000000000003', '1900000000000000004'];
    for (const [i, id] of more.entries()) {
      emu.state.lists.set(id, { id, ownerId: ADA_ID, name: `More ${i}`, description: '', private: false, createdAt: 0, members: [] });
    }
    await syncLists(client);
    emu.state.log = [];
    const unsure = [READING, SEED_LISTS.adaJapanese, SEED_LISTS.adaClose, ...more];
    const changes = unsure.map(adding);
    await syncLists(
      actingAt('before', '/owned_lists', async () => {
        for (const change of changes) await act('list.addMember', change);
      }),
    );
    expect(lookups()).toHaveLength(MAX_RECOUNTS);
    expect(new Set(lookups()).size).toBe(MAX_RECOUNTS);
    const off = await Promise.all(unsure.map(async (id) => ((await shown(id)) ?? NaN) - onX(id)));
    expect(off.filter((by) => by === 0)).toHaveLength(MAX_RECOUNTS);
    expect(off.filter((by) => by === 1)).toHaveLength(unsure.length - MAX_RECOUNTS);
  });

  it('keeps the counted figure of a List X would not look up, and reads the next one', async () => {
    emu.state.addFault({ method: 'GET', path: `/2/lists/${READING}`, remaining: 1, kind: 'status', status: 503 });
    const close = SEED_LISTS.adaClose;
    const wasClose = onX(close);
    await syncLists(
      actingAt('before', '/owned_lists', async () => {
        await act('list.addMember', adding(READING));
        await act('list.addMember', adding(close));
      }),
    );
    expect(new Set(lookups())).toEqual(new Set([READING, close]));
    expect(emu.state.log.find((e) => e.path === `/2/lists/${READING}`)?.status).toBe(503);
    // X's 5 with the add counted on it, as before the lookup: off by one until the next sync, never lost.
    expect(onX(READING)).toBe(5);
    expect(await shown(READING)).toBe(6);
    expect(onX(close)).toBe(wasClose + 1);
    expect(await shown(close)).toBe(wasClose + 1);
    await syncLists(client);
    expect(await shown(READING)).toBe(5);
  });
});
