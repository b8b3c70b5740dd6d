import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createXClient } from '@/lib/x/client';
import { XApiError, type RateLimitInfo } from '@/lib/x/errors';
import { createLimitedClient, type RetryNext } from '@/lib/x/limiter';

/**
 * A List's posts (GET /2/lists/:id/tweets, getListsPosts) while X answers 503: Perch tried again three times over about
 * ten seconds and the screen said nothing but "Loading posts…" until it gave up. The rate-limited client now tells
 * of each try it plans (which, of how many, when), then that the read has ended, so the screen waiting can say X is
 * not answering and Perch tries again. However X words its 5xx (a Retry-After of a year, none, or one that is not a
 * time), the tries stay bounded: X says "wait and retry" with exponential back-off for a 5xx
 * (x-api--fundamentals--response-codes-and-errors), never to wait as long as it says.
 */

const NOW = 1_800_000_000_000;
const LIST_POSTS = { method: 'GET', path: '/2/lists/99/tweets', schema: z.unknown() } as const;

function overloadedX(retryAfter: string | undefined, answers = Infinity) {
  let sent = 0;
  const fetch = async () => {
    sent++;
    if (sent > answers) return new Response('{"data":[]}', { status: 200, headers: { 'content-type': 'application/json' } });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    return new Response('{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank"}', { status: 503, headers });
  };
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent: () => sent };
}

function limitedOver(x: ReturnType<typeof overloadedX>) {
  const rows = new Map<string, RateLimitInfo>();
  const told: (RetryNext | undefined)[] = [];
  const waits: number[] = [];
  const client = createLimitedClient({
    client: createXClient({ baseUrl: 'https://api.x.com', getAccessToken: async () => 't', fetch: x.fetch }),
    store: { get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i) },
    now: () => NOW,
    sleep: async (ms) => void waits.push(ms),
    random: () => 1,
    onRetry: (req, next) => {
      expect(`${req.method} ${req.path}`).toBe('GET /2/lists/99/tweets');
      told.push(next);
    },
  });
  return { client, told, waits };
}

describe('a read X answers with a 5xx', () => {
  it('tells of each try Perch plans, which of how many and when, then that the read has ended', async () => {
    const x = overloadedX(undefined, 2);
    const { client, told, waits } = limitedOver(x);
    await expect(client.request(LIST_POSTS)).resolves.toMatchObject({ status: 200 });
    expect(told).toEqual([{ attempt: 1, of: 3, at: NOW + 2000 }, { attempt: 2, of: 3, at: NOW + 4000 }, undefined]);
    expect(waits).toEqual([2000, 4000]);
  });

  it.each([
    ['a year', '31536000'],
    ['none', undefined],
    ['not a time', 'soon, maybe'],
    ['an HTTP date years ahead', 'Fri, 31 Dec 2100 23:59:59 GMT'],
  ])('gives up after three tries within 14 s when its Retry-After is %s, and says the read has ended', async (_what, retryAfter) => {
    const x = overloadedX(retryAfter);
    const { client, told, waits } = limitedOver(x);
    const error = await client.request(LIST_POSTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('unavailable');
    expect(x.sent()).toBe(4);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(14_000);
    expect(told.map((t) => t?.attempt)).toEqual([1, 2, 3, undefined]);
  });
});
