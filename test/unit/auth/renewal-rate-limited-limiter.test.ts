import { describe, expect, it } from 'vitest';
import type { RateLimitInfo } from '@/lib/x/errors';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { getMe } from '@/lib/x/users';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, makeService } from './support';

/**
 * The sign-in renewal runs inside the request the limiter wraps. X answering the renewal 429 was kept as the request's
 * own endpoint's 429: `GET /2/users/me` (or a like, a follow) was held back for X's usual 15 minutes although the next
 * renewal could work a minute later, and Check my X app showed "0 of 0" for it. The endpoint now keeps no such word:
 * the request goes through as soon as X renews the sign-in.
 */

withTestEmulator();

describe('a sign-in renewal X answers with 429, through the rate limiter', () => {
  it('holds nothing back for the endpoint the request was for', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    const rows = new Map<string, RateLimitInfo>();
    const store: RateLimitStore = { get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i) };
    const client = createLimitedClient({ client: h.auth.clientFor(ADA_ID, h.settings), store, now: h.clock.now, sleep: async () => {} });
    let tokenAnswer: (() => Response) | undefined = () => new Response('', { status: 429 });
    h.settings.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return url.endsWith('/2/oauth2/token') && tokenAnswer ? Promise.resolve(tokenAnswer()) : fetch(input, init);
    };

    const error = await getMe(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('rate-limited');
    expect(rows.get('GET /2/users/me')).toBeUndefined();

    // A minute later X renews the sign-in: the request is sent and answered, not held back by Perch.
    tokenAnswer = undefined;
    h.clock.advance(60_000);
    expect((await getMe(client)).id).toBe(ADA_ID);
  });
});
