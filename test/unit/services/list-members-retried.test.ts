import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { MAX_ATTEMPTS } from '@/lib/services/outbox-types';
import { listMembers } from '@/lib/services/lookups';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { CROWD_USER_IDS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { lookups, onX, READING, shown, syncLists } from './member-counts';
import { client, emu, withSignedInAda } from './world';

/**
 * A member the person added, whose tries all failed though X applied the first (X failing, its answer lost), and which
 * the person then pressed Retry on: queued again, its tries counted afresh. A Lists page X answered before it was sent
 * again may already count it: the sync reads that List again (GET /2/lists/:id) rather than count it twice.
 */

withSignedInAda();

describe('a List’s member count when the person retried a member change X had applied', () => {
  beforeEach(async () => {
    await syncLists(client);
    await listMembers(client, ADA_ID, READING);
    emu.state.log = [];
  });

  it('reads the List again rather than count twice an add sent before and retried', async () => {
    const userId = CROWD_USER_IDS.find((id) => !emu.state.lists.get(READING)!.members.includes(id))!;
    let clock = Date.now();
    // X applies the add but each answer is lost as X failing; a mute, once let go, waits on X.
    let failing = true;
    let release: (() => void) | undefined;
    let held: Promise<void> | undefined;
    const flaky: XClient = {
      async request(req) {
        if (req.method === 'POST' && req.path.endsWith(`/lists/${READING}/members`) && failing) {
          await client.request(req);
          throw new XApiError('unavailable', { status: 503 });
        }
        if (req.method === 'POST' && req.path.endsWith('/muting') && held) await held;
        return client.request(req);
      },
    };
    const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(flaky), wakeAt: () => undefined, now: () => clock });
    const { seq } = await outbox.enqueue(ADA_ID, 'list.addMember', {
      listId: READING,
      listName: 'Reading list',
      userId,
      username: 'someone',
    });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await outbox.idle(ADA_ID);
      clock += 2 * 60 * 60_000;
      await outbox.kick(ADA_ID);
    }
    expect((await db().actions.get(seq!))?.state).toBe('failed');
    expect(onX(READING)).toBe(5);
    expect(await shown(READING)).toBe(4);
    failing = false;

    const during: XClient = {
      async request(req) {
        if (req.path.endsWith('/owned_lists')) {
          // The person mutes someone (X holds its answer), then presses Retry: the add waits behind the mute.
          held = new Promise<void>((resolve) => (release = resolve));
          await outbox.enqueue(ADA_ID, 'mute', { userId: CROWD_USER_IDS.at(-1)!, username: 'crowd' });
          await outbox.retry(ADA_ID, seq!);
          expect((await db().actions.get(seq!))?.state).toBe('queued');
        }
        if (req.path.endsWith('/followed_lists') && release) {
          // The page with Reading list was answered while the add waited; it is sent, and confirmed, now.
          release();
          await outbox.idle(ADA_ID);
          expect((await db().actions.get(seq!))?.state).toBe('done');
        }
        return client.request(req);
      },
    };
    await syncLists(during);
    expect(onX(READING)).toBe(5);
    expect(await shown(READING)).toBe(5);
    expect(lookups()).toEqual([READING]);
  });
});
