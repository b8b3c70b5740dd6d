import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { XClient, XRequest, XResponse } from '@/lib/x/client';
import { XApiError, type RateLimitInfo } from '@/lib/x/errors';
import { boundRateLimit, createLimitedClient, endpointOf, type RateLimitStore } from '@/lib/x/limiter';

const NOW = 1_800_000_000_000;
const GET_MUTED: XRequest<unknown> = { method: 'GET', path: '/2/users/42/muting', schema: z.unknown() };
const MUTE: XRequest<unknown> = { method: 'POST', path: '/2/users/42/muting', body: { target_user_id: '7' }, schema: z.unknown() };

function memoryStore(): RateLimitStore & { rows: Map<string, RateLimitInfo> } {
  const rows = new Map<string, RateLimitInfo>();
  return { rows, get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i) };
}

/** A client answering from a script: a response, or an error to throw. */
function scripted(...steps: (Partial<XResponse<unknown>> | XApiError)[]) {
  const request = vi.fn(async (_req: XRequest<unknown>) => {
    const step = steps.shift();
    if (!step) throw new Error('no more scripted answers');
    if (step instanceof XApiError) throw step;
    return { body: {}, status: 200, rateLimit: undefined, ...step };
  });
  return { client: { request } as unknown as XClient, request };
}

const limited = (client: XClient, store: RateLimitStore, extra: Partial<Parameters<typeof createLimitedClient>[0]> = {}) =>
  createLimitedClient({ client, store, now: () => NOW, sleep: async () => undefined, random: () => 0.5, ...extra });

describe('the endpoint a request counts against', () => {
  it.each([
    ['GET', '/2/users/1585841080431321088/muting', 'GET /2/users/:id/muting'],
    ['DELETE', '/2/users/1/muting/2', 'DELETE /2/users/:id/muting/:id'],
    ['GET', '/2/users/by/username/adaperch', 'GET /2/users/by/username/:username'],
    ['GET', '/2/users/me', 'GET /2/users/me'],
    ['POST', '/2/lists/123/members', 'POST /2/lists/:id/members'],
  ])('%s %s counts against %s', (method, path, endpoint) => {
    expect(endpointOf(method, path)).toBe(endpoint);
  });
});

describe('the rate limiter', () => {
  it("holds back a like once the day's cap is spent, though the 15-minute window has room, until the day's reset", async () => {
    const store = memoryStore();
    const LIKE: XRequest<unknown> = { method: 'POST', path: '/2/users/42/likes', body: { tweet_id: '9' }, schema: z.unknown() };
    const dayReset = NOW / 1000 + 20_000;
    const { client, request } = scripted({
      rateLimit: { limit: 50, remaining: 49, reset: NOW / 1000 + 900, userDay: { limit: 1000, remaining: 0, reset: dayReset } },
    });
    await limited(client, store).request(LIKE);
    const error = await limited(client, store)
      .request(LIKE)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate-limited', local: true, rateLimitReset: dayReset });
    expect(request).toHaveBeenCalledTimes(1);
    // After the 15-minute reset, still held: the day's cap decides.
    const later = limited(client, store, { now: () => NOW + 901_000 });
    await expect(later.request(LIKE)).rejects.toMatchObject({ rateLimitReset: dayReset });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('does not park an endpoint when X says the app is out of credits (that is not a rate limit)', async () => {
    const store = memoryStore();
    const { client } = scripted(new XApiError('usage-capped', { status: 429, problem: { type: 'usage-capped' } }));
    await expect(limited(client, store).request(MUTE)).rejects.toMatchObject({ kind: 'usage-capped' });
    expect(store.rows.get('POST /2/users/:id/muting')).toBeUndefined();
  });

  it('records the rate-limit headers of every answer per endpoint', async () => {
    const store = memoryStore();
    const { client } = scripted({ rateLimit: { limit: 15, remaining: 14, reset: NOW / 1000 + 900 } });
    await limited(client, store).request(GET_MUTED);
    expect(store.rows.get('GET /2/users/:id/muting')).toEqual({ limit: 15, remaining: 14, reset: NOW / 1000 + 900 });
  });

  it('does not send a request the last answer said X would refuse, and names the reset', async () => {
    const store = memoryStore();
    store.rows.set('GET /2/users/:id/muting', { limit: 15, remaining: 0, reset: NOW / 1000 + 600 });
    const { client, request } = scripted();
    const error = await limited(client, store)
      .request(GET_MUTED)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect(error).toMatchObject({ kind: 'rate-limited', local: true, rateLimitReset: NOW / 1000 + 600 });
    expect(request).not.toHaveBeenCalled();
  });

  it('sends again once the window has reset', async () => {
    const store = memoryStore();
    store.rows.set('GET /2/users/:id/muting', { limit: 15, remaining: 0, reset: NOW / 1000 - 1 });
    const { client, request } = scripted({ rateLimit: { limit: 15, remaining: 14, reset: NOW / 1000 + 900 } });
    await limited(client, store).request(GET_MUTED);
    expect(request).toHaveBeenCalledOnce();
  });

  it('keeps other endpoints usable while one is exhausted', async () => {
    const store = memoryStore();
    store.rows.set('GET /2/users/:id/muting', { limit: 15, remaining: 0, reset: NOW / 1000 + 600 });
    const { client, request } = scripted({});
    await limited(client, store).request(MUTE);
    expect(request).toHaveBeenCalledOnce();
  });

  it('honours the reset of a 429 for the next request', async () => {
    const store = memoryStore();
    const reset = NOW / 1000 + 300;
    const { client, request } = scripted(
      new XApiError('rate-limited', { status: 429, rateLimitReset: reset, rateLimit: { limit: 50, remaining: 0, reset } }),
    );
    const l = limited(client, store);
    await expect(l.request(MUTE)).rejects.toMatchObject({ kind: 'rate-limited', local: false });
    await expect(l.request(MUTE)).rejects.toMatchObject({ kind: 'rate-limited', local: true, rateLimitReset: reset });
    expect(request).toHaveBeenCalledOnce();
  });

  it('retries a GET after a 5xx or a network failure, with growing, jittered delays', async () => {
    const sleep = vi.fn(async () => undefined);
    const { client, request } = scripted(new XApiError('unavailable', { status: 503 }), new XApiError('offline'), { body: { ok: 1 } });
    const res = await limited(client, memoryStore(), { sleep, random: () => 0.25 }).request(GET_MUTED);
    expect(res.body).toEqual({ ok: 1 });
    expect(request).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map((c) => (c as unknown as [number])[0])).toEqual([1000 * 1.25, 2000 * 1.25]);
  });

  it('gives up on a GET after the last retry and reports the failure', async () => {
    const { client, request } = scripted(...Array.from({ length: 4 }, () => new XApiError('unavailable', { status: 503 })));
    await expect(limited(client, memoryStore()).request(GET_MUTED)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(request).toHaveBeenCalledTimes(4);
  });

  it('sends a GET once when its caller paces its own tries (retries: 0, the outbox)', async () => {
    const sleep = vi.fn(async () => undefined);
    const { client, request } = scripted(new XApiError('unavailable', { status: 503 }), { body: { ok: 1 } });
    await expect(limited(client, memoryStore(), { sleep }).request({ ...GET_MUTED, retries: 0 })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(request).toHaveBeenCalledOnce();
    expect(sleep).not.toHaveBeenCalled();
  });

  it.each([
    ['a write after a network failure', MUTE, new XApiError('offline')],
    ['a write after a 503', MUTE, new XApiError('unavailable', { status: 503 })],
    ['a GET refused by X', GET_MUTED, new XApiError('missing-permission', { status: 403 })],
  ])('never retries %s on its own', async (_name, req, error) => {
    const { client, request } = scripted(error);
    await expect(limited(client, memoryStore()).request(req)).rejects.toBe(error);
    expect(request).toHaveBeenCalledOnce();
  });

  describe('after a 429 that names its reset without the full window (x-rate-limit-reset alone, or Retry-After)', () => {
    const refused = (rateLimitReset: number, extra: { serverDate?: number; rateLimit?: RateLimitInfo } = {}) =>
      new XApiError('rate-limited', { status: 429, rateLimitReset, ...extra });

    it('waits for that reset, a minute off, not a 15-minute window, and names it', async () => {
      const store = memoryStore();
      const reset = NOW / 1000 + 60;
      const { client, request } = scripted(refused(reset), {});
      await expect(limited(client, store).request(MUTE)).rejects.toMatchObject({
        kind: 'rate-limited',
        local: false,
        rateLimitReset: reset,
      });
      const halfway = limited(client, store, { now: () => NOW + 30_000 });
      await expect(halfway.request(MUTE)).rejects.toMatchObject({ kind: 'rate-limited', local: true, rateLimitReset: reset });
      await expect(limited(client, store, { now: () => NOW + 61_000 }).request(MUTE)).resolves.toMatchObject({ status: 200 });
      expect(request).toHaveBeenCalledTimes(2);
    });

    it.each([
      ['a reset in the year 3000 waits a day at most', 32_503_680_000, NOW / 1000 + 86_400],
      ['a reset already past waits a minute', NOW / 1000 - 120, NOW / 1000 + 60],
    ])('%s', async (_name, given, expected) => {
      const { client } = scripted(refused(given));
      await expect(limited(client, memoryStore()).request(MUTE)).rejects.toMatchObject({ rateLimitReset: expected });
    });

    it('reads that reset against X’s clock (its Date header), as a window’s', async () => {
      const xNow = NOW - 300_000;
      const { client } = scripted(refused(xNow / 1000 + 90, { serverDate: xNow }));
      await expect(limited(client, memoryStore()).request(MUTE)).rejects.toMatchObject({ rateLimitReset: NOW / 1000 + 90 });
    });

    it('waits for a Retry-After later than the window’s reset', async () => {
      const window = { limit: 50, remaining: 0, reset: NOW / 1000 + 300 };
      const { client } = scripted(refused(NOW / 1000 + 1200, { rateLimit: window }));
      await expect(limited(client, memoryStore()).request(MUTE)).rejects.toMatchObject({ rateLimitReset: NOW / 1000 + 1200 });
    });
  });

  it('keeps the endpoint paused at least a minute after a 429 whose reset is already past by our clock', async () => {
    const store = memoryStore();
    const past = NOW / 1000 - 120;
    const { client, request } = scripted(
      new XApiError('rate-limited', { status: 429, rateLimitReset: past, rateLimit: { limit: 50, remaining: 0, reset: past } }),
    );
    const l = limited(client, store);
    await expect(l.request(MUTE)).rejects.toMatchObject({ kind: 'rate-limited', local: false, rateLimitReset: NOW / 1000 + 60 });
    await expect(l.request(MUTE)).rejects.toMatchObject({ kind: 'rate-limited', local: true });
    expect(request).toHaveBeenCalledOnce();
  });

  it('reads a reset against X’s clock (its Date header): a clock 5 minutes ahead of X’s still waits for the real reset', async () => {
    const store = memoryStore();
    // X's clock is 5 minutes behind ours; X says the window resets 10 minutes from its now.
    const xNow = NOW - 300_000;
    const reset = xNow / 1000 + 600;
    const { client } = scripted({ rateLimit: { limit: 15, remaining: 0, reset }, serverDate: xNow });
    await limited(client, store).request(GET_MUTED);
    expect(store.rows.get('GET /2/users/:id/muting')).toMatchObject({ remaining: 0, reset: NOW / 1000 + 600 });
  });

  it('clamps a reset in the year 3000 to a day from now, so the endpoint is usable again tomorrow', async () => {
    const store = memoryStore();
    const year3000 = 32_503_680_000;
    const { client, request } = scripted(
      new XApiError('rate-limited', { status: 429, rateLimitReset: year3000, rateLimit: { limit: 50, remaining: 0, reset: year3000 } }),
      {},
    );
    await expect(limited(client, store).request(MUTE)).rejects.toMatchObject({ rateLimitReset: NOW / 1000 + 86_400 });
    await expect(limited(client, store, { now: () => NOW + 86_401_000 }).request(MUTE)).resolves.toMatchObject({ status: 200 });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('does not let a stored reset beyond a day (written before resets were bounded) hold an endpoint', async () => {
    const store = memoryStore();
    store.rows.set('POST /2/users/:id/muting', { limit: 50, remaining: 0, reset: 32_503_680_000 });
    const { client, request } = scripted({});
    await limited(client, store).request(MUTE);
    expect(request).toHaveBeenCalledOnce();
  });

  it.each([
    ['zero', 0],
    ['negative', -5],
    ['not a number', Number.NaN],
  ])('drops a window whose reset is %s', (_name, reset) => {
    expect(boundRateLimit({ limit: 15, remaining: 0, reset }, NOW)).toBeUndefined();
  });

  it('reads negative counts as zero and keeps valid daily windows when the 15-minute one is garbage', () => {
    const userDay = { limit: 1000, remaining: -3, reset: NOW / 1000 + 3600 };
    expect(boundRateLimit({ limit: 15, remaining: 1, reset: 0, userDay }, NOW)).toEqual({
      limit: 1000,
      remaining: 0,
      reset: NOW / 1000 + 3600,
      userDay: { limit: 1000, remaining: 0, reset: NOW / 1000 + 3600 },
    });
  });

  it('ignores a Date header more than a day away from our clock', () => {
    const reset = NOW / 1000 + 600;
    expect(boundRateLimit({ limit: 15, remaining: 0, reset }, NOW, NOW - 3 * 86_400_000)?.reset).toBe(reset);
  });
});
