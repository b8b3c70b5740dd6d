import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { fakeX, toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/**
 * Undo and Retry only when they would do something: once a later action of the same pair on the same account is
 * waiting or done (the popup's unmute of a mute done in the manager), Undo would send a second unmute and Retry would
 * send the mute again over the person's later choice. The outbox refuses both, sending nothing.
 */

const ACCOUNT = '1585841080431321088';
const now = 1_800_000_000_000;

function outbox(client: XClient) {
  return new Outbox({
    defs: { mute: toggle(true, () => now), unmute: toggle(false, () => now) },
    clientFor: async () => client,
    wakeAt: vi.fn(),
    now: () => now,
    random: () => 0.5,
  });
}

withEmptyStore();

describe('the outbox after a later action of the same pair', () => {
  it('refuses Undo of a mute whose unmute is already waiting, and queues no second unmute', async () => {
    const limited = new XApiError('rate-limited', { status: 429, rateLimitReset: now / 1000 + 600 });
    const x = fakeX('ok', limited);
    const box = outbox(x.client);
    const mute = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    // The popup's Unmute, not this row's Undo: it waits for X's limit.
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await box.idle(ACCOUNT);
    await expect(box.undo(ACCOUNT, mute.seq!)).rejects.toMatchObject({ kind: 'cannot-undo', replyWords: { kind: 'taken-over' } });
    expect((await db().actions.toArray()).map((a) => a.type)).toEqual(['mute', 'unmute']);
  });

  it('still undoes a mute nothing took over from', async () => {
    const box = outbox(fakeX('ok', 'ok').client);
    const mute = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '8' });
    await box.idle(ACCOUNT);
    await expect(box.undo(ACCOUNT, mute.seq!)).resolves.toMatchObject({ type: 'unmute', undoOf: mute.seq });
  });

  it('refuses Retry of a failed mute once the person muted again, sending nothing', async () => {
    const box = outbox(fakeX('ok').client);
    const first = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await db().actions.update(first.seq!, { state: 'failed', error: { kind: 'unavailable' } });
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await expect(box.retry(ACCOUNT, first.seq!)).rejects.toMatchObject({ kind: 'cannot-retry', replyWords: { kind: 'taken-over' } });
    expect((await db().actions.get(first.seq!))?.state).toBe('failed');
  });
});
