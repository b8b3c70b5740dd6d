import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { storedError } from '@/lib/services/outbox-failure';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { likePost } from '@/lib/x/likes';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { readInJapanese } from '../locales/in-japanese';

/**
 * X's daily caps (likes, posts: `x-user-limit-24hour-*`) reset up to a day ahead, and a reset X gives further off is
 * taken as a day from now (lib/x/limiter.ts). "It will work again at 12:30", said at 13:00 of tomorrow's 12:30, read as
 * a time already past, and one of tomorrow's 14:05 as an hour from now. A reset on a later day now names its day.
 */

/** 1 March 2026, 13:00 where the test runs: the person's time zone, as the words use it. */
const NOW = new Date(2026, 2, 1, 13, 0).getTime();
const secs = (ms: number) => Math.floor(ms / 1000);

afterEach(() => vi.useRealTimers());

/** A like X refuses with a 429 carrying `headers`, through the limiter as the background sends it. */
async function refusedLike(headers: Record<string, string>): Promise<XApiError> {
  const rows = new Map();
  const store: RateLimitStore = { get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i) };
  const fetch = async () =>
    new Response(JSON.stringify({ title: 'Too Many Requests', type: 'about:blank', status: 429 }), {
      status: 429,
      headers: { 'content-type': 'application/json', date: new Date(NOW).toUTCString(), ...headers },
    });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t'), fetch });
  const limited = createLimitedClient({ client, store, now: () => NOW, sleep: async () => undefined });
  const error = await likePost(limited, '2244994945', '1').catch((e: unknown) => e);
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

describe('when X’s limit resets on another day', () => {
  it('names the day of a daily cap that resets tomorrow, at once and on the action stored', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const tomorrow = secs(new Date(2026, 2, 2, 12, 30).getTime());
    const error = await refusedLike({
      'x-user-limit-24hour-limit': '1000',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(tomorrow),
    });
    const words = 'X’s limit for this is used up. It will work again at Mar 2, 12:30.';
    expect(error.message).toBe(words);
    expect(actionErrorText(storedError(error))).toBe(words);
    readInJapanese();
    expect(actionErrorText(storedError(error))).toBe('Xのこの操作の制限に達しました。3月2日 12:30に再び使えるようになります。');
  });

  it('names tomorrow for a reset X put a week ahead, which Perch waits a day for', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const error = await refusedLike({ 'x-rate-limit-reset': String(secs(NOW) + 7 * 86_400) });
    expect(error.message).toBe('X’s limit for this is used up. It will work again at Mar 2, 13:00.');
  });

  it('still says only the time for a reset later today', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const error = await refusedLike({ 'retry-after': '900' });
    expect(error.message).toBe('X’s limit for this is used up. It will work again at 13:15.');
  });
});
