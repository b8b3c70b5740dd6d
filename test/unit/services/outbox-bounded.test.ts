import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '@/lib/services/outbox';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { fakeX } from './outbox-fakes';
import { ACCOUNT, actions, clock, muted, outbox, withOutbox } from './outbox-setup';

/** Bounds: whatever X answers (past, zero or far resets, 5xx, long drops), the outbox stays bounded and cancellable. */

withOutbox();

describe('the outbox', () => {
  describe('whatever X answers, stays bounded', () => {
    const tooMany = (reset: number | undefined) =>
      new XApiError('rate-limited', {
        status: 429,
        ...(reset !== undefined ? { rateLimitReset: reset, rateLimit: { limit: 50, remaining: 0, reset } } : {}),
      });

    it.each([
      ['already past (our clock ahead of X’s)', () => clock.now / 1000 - 300],
      ['zero', () => 0],
    ])('does not resend at once after a 429 whose reset is %s: it backs off, longer each time', async (_name, reset) => {
      const x = fakeX(...Array.from({ length: 10 }, () => tooMany(reset())));
      const { box } = outbox(x.client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      expect(x.sent).toHaveLength(1);
      const first = (await actions())[0]!;
      expect(first).toMatchObject({ state: 'queued', error: { kind: 'rate-limited' } });
      expect(first.notBefore).toBeGreaterThanOrEqual(clock.now + 5000);
      clock.now = first.notBefore;
      await box.kick(ACCOUNT);
      expect(x.sent).toHaveLength(2);
      // The second wait is longer: 15 seconds, give or take its jitter.
      expect((await actions())[0]!.notBefore - clock.now).toBeGreaterThanOrEqual(11_250);
    });

    it(`fails with X's reason after ${MAX_ATTEMPTS} tries, rolls back, and sends again on Retry`, async () => {
      const x = fakeX(...Array.from({ length: MAX_ATTEMPTS }, () => new XApiError('unavailable', { status: 503 })), 'ok');
      const { box } = outbox(x.client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      const sentAt: number[] = [clock.now];
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        clock.now = (await actions())[0]!.notBefore;
        sentAt.push(clock.now);
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
      clock.now += 24 * 3600_000;
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
      const client = createLimitedClient({ client: x.client, store, now: () => clock.now });
      const { box } = outbox(client);
      await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      const [waiting] = await actions();
      expect(waiting!.notBefore).toBeLessThanOrEqual(clock.now + 24 * 3600_000 + 1000);
      clock.now = waiting!.notBefore;
      await box.kick(ACCOUNT);
      expect((await actions())[0]).toMatchObject({ state: 'done' });
    });

    it('lets the person cancel a queued action: nothing is sent, and the store goes back', async () => {
      const x = fakeX(tooMany(clock.now / 1000 + 600), 'ok');
      const { box } = outbox(x.client);
      const { seq } = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
      await box.idle(ACCOUNT);
      expect(await muted()).toEqual(['7']);
      await box.cancel(ACCOUNT, seq!);
      expect(await muted()).toEqual([]);
      expect((await actions())[0]).toMatchObject({ state: 'failed', error: { kind: 'cancelled' } });
      clock.now += 3600_000;
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
        expect(a!.notBefore - clock.now).toBeLessThanOrEqual(75 * 60_000);
        clock.now = a!.notBefore;
        await box.kick(ACCOUNT);
      }
      expect((await actions())[0]).toMatchObject({ state: 'done' });
    });
  });
});
