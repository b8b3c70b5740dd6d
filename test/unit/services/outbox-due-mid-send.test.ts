import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';
import type { XClient, XRequest } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/**
 * An action whose wait ends while X is slow to answer another is sent in that same wake. The background asks to be
 * woken once, for the earliest wait (one alarm, entrypoints/background/services.ts); an action passed over as "not
 * yet" and never looked at again stayed queued, due, with no wake asked for it — "Queued" in Activity until some
 * other action or a restart woke the queue (found by the outbox class test, seed 215381094).
 */

const ACCOUNT = '1585841080431321088';

withEmptyStore();

describe('the outbox, when X is slow to answer', () => {
  it('sends an action that came due during another send, in the same wake', async () => {
    let now = 1_800_000_000_000;
    const t0 = now;
    const sent: string[] = [];
    // X: the first three tries are lost on the network; then X takes 10 seconds to answer, and answers well.
    let failures = 3;
    const client = {
      request: vi.fn(async (req: XRequest<unknown>) => {
        sent.push(`${(now - t0) / 1000}s ${req.path}`);
        if (failures-- > 0) throw new XApiError('offline');
        now += 10_000;
        return { body: {}, status: 200, rateLimit: undefined };
      }),
    } as unknown as XClient;
    const wakeAt = vi.fn();
    const box = new Outbox({
      defs: { mute: toggle(true, () => now) },
      clientFor: async () => client,
      wakeAt,
      now: () => now,
      random: () => 0.5,
    });

    // Muting @7 is lost twice: it waits 5 s, then 15 s (due at 20 s).
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    now = t0 + 5_000;
    await box.wake();
    await box.idle(ACCOUNT);
    // Muting @8 at 6 s is lost once: due at 11 s, before @7.
    now = t0 + 6_000;
    await box.enqueue(ACCOUNT, 'mute', { userId: '8' });
    await box.idle(ACCOUNT);
    expect((await db().actions.orderBy('seq').toArray()).map((a) => a.notBefore - t0)).toEqual([20_000, 11_000]);

    // Woken at 11 s: @8 is sent, and X answers at 21 s — @7 has been due since 20 s.
    now = t0 + 11_000;
    await box.wake();
    await box.idle(ACCOUNT);

    const rows = await db().actions.orderBy('seq').toArray();
    expect(rows.map((a) => [a.params.userId, a.state])).toEqual([
      ['7', 'done'],
      ['8', 'done'],
    ]);
    expect(sent.slice(-2)).toEqual([`11s /2/users/${ACCOUNT}/muting`, `21s /2/users/${ACCOUNT}/muting`]);
  });
});
