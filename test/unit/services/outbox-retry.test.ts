import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { AWAITING_PERSON } from '@/lib/db';
import { MAX_ATTEMPTS, type ActionDef } from '@/lib/services/outbox';
import { XApiError } from '@/lib/x/errors';
import { fakeX, toggle } from './outbox-fakes';
import { ACCOUNT, actions, clock, muted, outbox, withOutbox } from './outbox-setup';

/** Retry: a creation is looked for on X before it is sent again; "Retry now" and Retry after X refused it for credits. */

withOutbox();

describe('the outbox', () => {
  /** A creation X may have made though its answer never said so: the outbox looks for it on X before sending again. */
  const creation = (execute: ActionDef['execute'], reconcile: NonNullable<ActionDef['reconcile']>): ActionDef => ({
    ...toggle(true, () => clock.now),
    idempotent: false,
    execute,
    reconcile,
    confirm: async (d, accountId, _p, result) => void (await d.muted.put({ accountId, userId: String(result?.id), position: 0 })),
  });

  it('looks on X before sending a creation again whose answer was lost, and does not create it twice', async () => {
    const execute = vi.fn(async () => {
      throw new XApiError('offline');
    });
    const reconcile = vi.fn(async () => ({ id: '99' }));
    const { box } = outbox(fakeX().client, { defs: { create: creation(execute, reconcile) } });
    await box.enqueue(ACCOUNT, 'create', { userId: 'new' });
    await box.idle(ACCOUNT);
    clock.now += 60_000;
    await box.kick(ACCOUNT);
    expect(execute).toHaveBeenCalledOnce();
    expect(reconcile).toHaveBeenCalledOnce();
    expect((await actions())[0]).toMatchObject({ state: 'done', result: { id: '99' } });
  });

  it('looks on X for a creation the person retries after its tries failed, before sending it again', async () => {
    // X may have made it on a try whose answer said otherwise (a 503 after the write): Retry must not make it twice.
    const execute = vi.fn(async () => {
      throw new XApiError('unavailable', { status: 503 });
    });
    // Not found on X during the outbox's own tries; found once the person retries (X made it on the last one).
    let onX = false;
    const reconcile = vi.fn(async () => (onX ? { id: '99' } : undefined));
    const { box } = outbox(fakeX().client, { defs: { create: creation(execute, reconcile) } });
    await box.enqueue(ACCOUNT, 'create', { userId: 'new' });
    await box.idle(ACCOUNT);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.now = (await actions())[0]!.notBefore;
      await box.kick(ACCOUNT);
    }
    const [failed] = await actions();
    expect(failed).toMatchObject({ state: 'failed', error: { kind: 'unavailable' } });
    const calls = execute.mock.calls.length;
    onX = true;
    await box.retry(ACCOUNT, failed!.seq!);
    await box.idle(ACCOUNT);
    expect(execute).toHaveBeenCalledTimes(calls);
    expect((await actions())[0]).toMatchObject({ state: 'done', result: { id: '99' } });
  });

  it('sends a network-delayed action at once on "Retry now", but keeps a rate-limited one waiting', async () => {
    const reset = clock.now / 1000 + 600;
    const x = fakeX(new XApiError('offline'), new XApiError('rate-limited', { status: 429, rateLimitReset: reset }), 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'mute', { userId: '8' });
    await box.idle(ACCOUNT);
    expect((await actions()).map((a) => a.error?.kind)).toEqual(['offline', 'rate-limited']);
    await box.retryNow(ACCOUNT);
    expect((await actions()).map((a) => a.state)).toEqual(['done', 'queued']);
    expect(x.sent).toHaveLength(3);
  });

  it('keeps an action X refused as out of credits, sends nothing by itself, and sends it when the person presses Retry', async () => {
    const x = fakeX(new XApiError('usage-capped', { status: 429, problem: { type: 'usage-capped' } }), 'ok');
    const { box, wakeAt } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    const [waiting] = await actions();
    expect(waiting).toMatchObject({ state: 'queued', notBefore: AWAITING_PERSON, error: { kind: 'usage-capped' } });
    expect(waiting!.error).toEqual({ kind: 'usage-capped' });
    expect(await muted()).toEqual(['7']);
    expect(wakeAt).not.toHaveBeenCalled();
    // Time passes and the worker wakes: still nothing sent, whatever the clock says.
    clock.now += 7 * 24 * 3600_000;
    await box.wake();
    await box.kick(ACCOUNT);
    expect(x.sent).toHaveLength(1);
    await box.retryNow(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done' });
    expect(x.sent).toHaveLength(2);
  });
});
