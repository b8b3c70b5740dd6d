import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AWAITING_PERSON, db } from '@/lib/db';
import { MAX_ATTEMPTS, Outbox, type ActionDef } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { fakeX, toggle, type Step } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

const ACCOUNT = '1585841080431321088';
let now = 1_800_000_000_000;

function outbox(client: XClient, extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const wakeAt = vi.fn();
  const box = new Outbox({
    defs: { mute: toggle(true, () => now), unmute: toggle(false, () => now), ...extra.defs },
    clientFor: async () => client,
    wakeAt,
    now: () => now,
    random: () => 0.5,
    ...extra,
  });
  return { box, wakeAt };
}

const muted = async () => (await db().muted.where('accountId').equals(ACCOUNT).toArray()).map((r) => r.userId);
const actions = () => db().actions.orderBy('seq').toArray();

withEmptyStore();
beforeEach(() => {
  now = 1_800_000_000_000;
});

describe('the outbox', () => {
  it('shows an action in the store at once, then sends it and marks it done', async () => {
    const x = fakeX('ok');
    const { box } = outbox(x.client);
    const action = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    expect(action).toMatchObject({ state: 'queued', type: 'mute', params: { userId: '7' } });
    // No words of the background's own: a screen words it in its reader's language (action-state.ts).
    expect(action).not.toHaveProperty('label');
    expect(await muted()).toEqual(['7']);
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`]);
    expect((await actions())[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('rolls the store back and says why when X refuses', async () => {
    const x = fakeX(new XApiError('forbidden', { status: 403, problem: { detail: 'You cannot mute yourself.' } }));
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    expect(await muted()).toEqual([]);
    expect((await actions())[0]).toMatchObject({
      state: 'failed',
      error: { kind: 'forbidden', said: 'You cannot mute yourself.' },
    });
    expect((await actions())[0]!.error).not.toHaveProperty('message');
  });

  it('keeps an action through a network drop and sends it when woken after the back-off', async () => {
    const x = fakeX(new XApiError('offline'), 'ok');
    const { box, wakeAt } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    const [waiting] = await actions();
    expect(waiting).toMatchObject({ state: 'queued', error: { kind: 'offline' } });
    expect(waiting!.notBefore).toBe(now + 5000);
    expect(wakeAt).toHaveBeenCalledWith(now + 5000);
    expect(await muted()).toEqual(['7']);
    now += 5000;
    await box.kick(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect(x.sent).toHaveLength(2);
  });

  it('waits for the rate-limit reset X gave, then sends', async () => {
    const reset = now / 1000 + 600;
    const x = fakeX(new XApiError('rate-limited', { status: 429, rateLimitReset: reset }), 'ok');
    const { box, wakeAt } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'queued', notBefore: reset * 1000 + 1000 });
    expect(wakeAt).toHaveBeenCalledWith(reset * 1000 + 1000);
    await box.kick(ACCOUNT);
    expect(x.sent).toHaveLength(1);
    now = reset * 1000 + 1000;
    await box.kick(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done' });
  });

  it('sends again after a worker restart an action that was caught mid-send', async () => {
    await db().actions.add({
      accountId: ACCOUNT,
      type: 'mute',
      params: { userId: '7' },
      label: 'Mute 7',
      state: 'sending',
      createdAt: '',
      updatedAt: '',
      notBefore: 0,
      attempts: 1,
    });
    const x = fakeX('ok');
    const { box } = outbox(x.client);
    await box.recover();
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`]);
    expect((await actions())[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('keeps actions on the same account in order while the first waits, and lets others through', async () => {
    const x = fakeX(new XApiError('offline'), 'ok', 'ok', 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await box.enqueue(ACCOUNT, 'mute', { userId: '8' });
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`, `POST /2/users/${ACCOUNT}/muting`]);
    expect((await actions()).map((a) => a.state)).toEqual(['queued', 'queued', 'done']);
    now += 60_000;
    await box.kick(ACCOUNT);
    expect(x.sent.slice(2)).toEqual([`POST /2/users/${ACCOUNT}/muting`, `DELETE /2/users/${ACCOUNT}/muting/7`]);
    expect(await muted()).toEqual(['8']);
  });

  it('does not roll back over a later action on the same target', async () => {
    const x = fakeX(new XApiError('offline'), new XApiError('forbidden', { status: 403 }), 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    now += 60_000;
    await box.kick(ACCOUNT);
    expect((await actions()).map((a) => a.state)).toEqual(['failed', 'done']);
    expect(await muted()).toEqual([]);
  });

  it('keeps actions queued, not lost, while the account is signed out', async () => {
    const x = fakeX(new XApiError('signed-out', { status: 401 }), 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'queued', error: { kind: 'signed-out' } });
    await box.kick(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done' });
  });

  it('undoes a done action by sending its inverse, once', async () => {
    const x = fakeX('ok', 'ok');
    const { box } = outbox(x.client);
    const first = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    const undo = await box.undo(ACCOUNT, first.seq!);
    await box.idle(ACCOUNT);
    expect(undo).toMatchObject({ type: 'unmute', undoOf: first.seq });
    expect(await muted()).toEqual([]);
    expect((await db().actions.get(first.seq!))?.undoneBy).toBe(undo.seq);
    await expect(box.undo(ACCOUNT, first.seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
  });

  it('refuses to undo a creation whose thing was removed since, sending nothing', async () => {
    // Like "Create the list" after that list was deleted: the inverse cannot itself be reversed.
    const remove: ActionDef = toggle(false, () => now);
    delete remove.inverse;
    const x = fakeX('ok', 'ok');
    const { box } = outbox(x.client, { defs: { mute: toggle(true, () => now), unmute: remove } });
    const made = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await box.idle(ACCOUNT);
    await expect(box.undo(ACCOUNT, made.seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
    await box.idle(ACCOUNT);
    expect(x.sent).toHaveLength(2);
    expect(await actions()).toHaveLength(2);
  });

  it.each([
    ['a failed action', [new XApiError('forbidden', { status: 403 })] as Step[]],
    ['an action not yet sent', [new XApiError('offline')] as Step[]],
  ])('refuses to undo %s', async (_name, script) => {
    const { box } = outbox(fakeX(...script).client);
    const action = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await expect(box.undo(ACCOUNT, action.seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
  });

  /** A creation X may have made though its answer never said so: the outbox looks for it on X before sending again. */
  const creation = (execute: ActionDef['execute'], reconcile: NonNullable<ActionDef['reconcile']>): ActionDef => ({
    ...toggle(true, () => now),
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
    now += 60_000;
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
      now = (await actions())[0]!.notBefore;
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
    const reset = now / 1000 + 600;
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
    now += 7 * 24 * 3600_000;
    await box.wake();
    await box.kick(ACCOUNT);
    expect(x.sent).toHaveLength(1);
    await box.retryNow(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done' });
    expect(x.sent).toHaveLength(2);
  });

  describe('whatever X answers, stays bounded', () => {
    const tooMany = (reset: number | undefined) =>
      new XApiError('rate-limited', {
        status: 429,
        ...(reset !== undefined ? { rateLimitReset: reset, rateLimit: { limit: 50, remaining: 0, reset } } : {}),
      });

    it.each([
      ['already past (our clock ahead of X’s)', () => now / 1000 - 300],
      ['zero', () => 0],
    ])('does not resend at once after a 429 whose reset is %s: it backs off, longer each time', async (_name, reset) => {
      const x = fakeX(...Array.from({ length: 10 }, () => tooMany(reset())));
      const { box } = outbox(x.client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      expect(x.sent).toHaveLength(1);
      const first = (await actions())[0]!;
      expect(first).toMatchObject({ state: 'queued', error: { kind: 'rate-limited' } });
      expect(first.notBefore).toBeGreaterThanOrEqual(now + 5000);
      now = first.notBefore;
      await box.kick(ACCOUNT);
      expect(x.sent).toHaveLength(2);
      // The second wait is longer: 15 seconds, give or take its jitter.
      expect((await actions())[0]!.notBefore - now).toBeGreaterThanOrEqual(11_250);
    });

    it(`fails with X's reason after ${MAX_ATTEMPTS} tries, rolls back, and sends again on Retry`, async () => {
      const x = fakeX(...Array.from({ length: MAX_ATTEMPTS }, () => new XApiError('unavailable', { status: 503 })), 'ok');
      const { box } = outbox(x.client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      const sentAt: number[] = [now];
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        now = (await actions())[0]!.notBefore;
        sentAt.push(now);
        await box.kick(ACCOUNT);
      }
      expect(x.sent).toHaveLength(MAX_ATTEMPTS);
      // Never more than three requests in any 15 minutes.
      for (const t of sentAt) expect(sentAt.filter((u) => u >= t && u < t + 15 * 60_000).length).toBeLessThanOrEqual(3);
      const [failed] = await actions();
      expect(failed).toMatchObject({
        state: 'failed',
        error: { kind: 'unavailable' },
      });
      expect(await muted()).toEqual([]);
      now += 24 * 3600_000;
      await box.wake();
      expect(x.sent).toHaveLength(MAX_ATTEMPTS);
      await box.retry(ACCOUNT, failed!.seq!);
      expect(await muted()).toEqual(['7']);
      await box.idle(ACCOUNT);
      expect((await actions())[0]).toMatchObject({ state: 'done' });
      expect(x.sent).toHaveLength(MAX_ATTEMPTS + 1);
    });

    it('does not offer Retry for an action X refused', async () => {
      const x = fakeX(new XApiError('forbidden', { status: 403 }));
      const { box } = outbox(x.client);
      const { seq } = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      await expect(box.retry(ACCOUNT, seq!)).rejects.toMatchObject({ kind: 'cannot-retry' });
    });

    it('waits no longer than a day behind a 429 whose reset is in the year 3000', async () => {
      const rows = new Map<string, never>();
      const store: RateLimitStore = { get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i as never) };
      const x = fakeX(tooMany(32_503_680_000), 'ok');
      const client = createLimitedClient({ client: x.client, store, now: () => now });
      const { box } = outbox(client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      const [waiting] = await actions();
      expect(waiting!.notBefore).toBeLessThanOrEqual(now + 24 * 3600_000 + 1000);
      now = waiting!.notBefore;
      await box.kick(ACCOUNT);
      expect((await actions())[0]).toMatchObject({ state: 'done' });
    });

    it('lets the person cancel a queued action: nothing is sent, and the store goes back', async () => {
      const x = fakeX(tooMany(now / 1000 + 600), 'ok');
      const { box } = outbox(x.client);
      const { seq } = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      expect(await muted()).toEqual(['7']);
      await box.cancel(ACCOUNT, seq!);
      expect(await muted()).toEqual([]);
      expect((await actions())[0]).toMatchObject({ state: 'failed', error: { kind: 'cancelled' } });
      now += 3600_000;
      await box.wake();
      expect(x.sent).toHaveLength(1);
      await expect(box.cancel(ACCOUNT, seq!)).rejects.toMatchObject({ kind: 'cannot-cancel' });
    });

    it('keeps retrying through a long network drop, at most hourly, without failing the action', async () => {
      const x = fakeX(...Array.from({ length: 12 }, () => new XApiError('offline')), 'ok');
      const { box } = outbox(x.client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      for (let i = 0; i < 12; i++) {
        const [a] = await actions();
        expect(a!.state).toBe('queued');
        expect(a!.notBefore - now).toBeLessThanOrEqual(75 * 60_000);
        now = a!.notBefore;
        await box.kick(ACCOUNT);
      }
      expect((await actions())[0]).toMatchObject({ state: 'done' });
    });
  });
});
