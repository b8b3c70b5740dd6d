import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createXClient } from '@/lib/x/client';
import type { RateLimitInfo } from '@/lib/x/errors';
import { createLimitedClient } from '@/lib/x/limiter';
import { createRetryPublisher, readKey, type ReadRetry } from '@/lib/services/read-retries';

/**
 * A List's posts (GET /2/lists/:id/tweets, getListsPosts) while X answers 503: the person pressed Stop waiting, then
 * Show latest posts again, so two reads of one path were in flight. The word was keyed by the path alone: the first
 * read's end cleared the second's "Perch tries again at …", and the first read's later tries showed as the second's.
 * X says to wait and retry a 5xx (x-api--fundamentals--response-codes-and-errors): each read's tries are its own.
 * Wired as the background wires it (entrypoints/background/services.ts).
 */

const LIST_POSTS = { method: 'GET', path: '/2/lists/99/tweets', schema: z.unknown() } as const;
const KEY = 'GET /2/lists/99/tweets';

function overloadedX() {
  // `held`: X has not answered the requests sent since, until the test settles it; `sent`: how many were sent.
  const x: { answering: boolean; held?: Promise<void>; sent: number } = { answering: false, sent: 0 };
  const fetch = async () => (x.sent++, await x.held, answer());
  const answer = () =>
    x.answering
      ? new Response('{"data":[]}', { status: 200, headers: { 'content-type': 'application/json' } })
      : new Response('{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank"}', {
          status: 503,
          headers: { 'content-type': 'application/json' },
        });
  return { x, fetch: fetch as unknown as typeof globalThis.fetch };
}

function backgroundOver(fetch: typeof globalThis.fetch) {
  const session = new Map<string, unknown>();
  const area = {
    get: async (key: string) => ({ [key]: session.get(key) }),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)),
  };
  const publishRetry = createRetryPublisher(area);
  const clock = { now: 1_800_000_000_000 };
  // Each back-off waits until the test lets it go.
  const backoffs: (() => void)[] = [];
  const client = createLimitedClient({
    client: createXClient({ baseUrl: 'https://api.x.com', getAccessToken: async () => 't', fetch }),
    store: { get: async () => undefined, put: async (_e: string, _i: RateLimitInfo) => undefined },
    now: () => clock.now,
    sleep: () => new Promise<void>((resolve) => backoffs.push(resolve)),
    random: () => 0,
    onRead: (read) => void publishRetry.begins('1', readKey(read.method, read.path), read),
    onRetry: (read, next) => void publishRetry('1', readKey(read.method, read.path), next, read),
  });
  const shown = () => (session.get('x.retrying.1') as Record<string, ReadRetry> | undefined)?.[KEY];
  // Writes are chained: once one told after them has landed, every word told before it has too.
  const landed = () => publishRetry('2', 'GET /2/users/me', undefined);
  const written = () => session.has('x.retrying.1');
  return { client, clock, backoffs, shown, landed, written };
}

describe('two reads of one path while X is not answering', () => {
  it('says the newer read’s next try until that read ends, whatever the older one does', async () => {
    const { x, fetch } = overloadedX();
    const { client, clock, backoffs, shown, landed } = backgroundOver(fetch);

    const first = client.request(LIST_POSTS);
    await vi.waitFor(() => expect(backoffs).toHaveLength(1));
    await vi.waitFor(() => expect(shown()).toEqual({ attempt: 1, of: 3, at: clock.now + 1000 }));

    // Stop waiting, then Show latest posts again a minute later: a second read of the same path.
    clock.now += 60_000;
    const second = client.request(LIST_POSTS);
    await vi.waitFor(() => expect(backoffs).toHaveLength(2));
    const secondsTry = { attempt: 1, of: 3, at: clock.now + 1000 };
    await vi.waitFor(() => expect(shown()).toEqual(secondsTry));

    // The first read tries again and X fails it: no word of it for the screen waiting for the second.
    clock.now += 1000;
    backoffs[0]!();
    await vi.waitFor(() => expect(backoffs).toHaveLength(3));
    await landed();
    expect(shown(), 'the second read’s try, not the first’s').toEqual(secondsTry);

    // X answers the first read: the second still waits, and the screen still says when Perch tries it again.
    x.answering = true;
    backoffs[2]!();
    await first;
    await landed();
    expect(shown(), 'the second read’s try, after the first read ended').toEqual(secondsTry);

    backoffs[1]!();
    await second;
    await landed();
    expect(shown(), 'no word once the second read ended').toBeUndefined();
  });

  it('hides the older read’s next try the moment the newer read begins, before X has answered it', async () => {
    const { x, fetch } = overloadedX();
    const { client, clock, backoffs, shown, landed } = backgroundOver(fetch);

    const first = client.request(LIST_POSTS);
    await vi.waitFor(() => expect(backoffs).toHaveLength(1));
    await vi.waitFor(() => expect(shown()).toEqual({ attempt: 1, of: 3, at: clock.now + 1000 }));

    // Show latest posts again: the second read is sent, and X has not answered it yet.
    let answer!: () => void;
    x.held = new Promise<void>((resolve) => (answer = resolve));
    clock.now += 60_000;
    const second = client.request(LIST_POSTS);
    await vi.waitFor(() => expect(x.sent).toBe(2));
    await landed();
    expect(shown(), 'no word of the older read’s try while the newer read waits for X').toBeUndefined();

    // X fails the second read: its own try is the word.
    answer();
    await vi.waitFor(() => expect(backoffs).toHaveLength(2));
    await landed();
    expect(shown(), 'the newer read’s try').toEqual({ attempt: 1, of: 3, at: clock.now + 1000 });

    x.answering = true;
    backoffs[0]!();
    backoffs[1]!();
    await Promise.all([first, second]);
  });

  it('writes nothing for a read X answers at once', async () => {
    const { x, fetch } = overloadedX();
    x.answering = true;
    const { client, landed, written } = backgroundOver(fetch);
    await client.request(LIST_POSTS);
    await landed();
    expect(written(), 'no write to the browser’s storage').toBe(false);
  });
});
