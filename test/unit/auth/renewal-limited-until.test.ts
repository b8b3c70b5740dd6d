import { describe, expect, it } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { storedError } from '@/lib/services/outbox-failure';
import { readSessionView } from '@/lib/storage';
import type { RateLimitInfo } from '@/lib/x/errors';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { getMe } from '@/lib/x/users';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, makeService } from './support';

/**
 * After X answered a sign-in renewal 429, every popup read, sync and outbox try asked X's token endpoint again. Perch
 * now keeps X's window for the account (its `x-rate-limit-reset` or `Retry-After`, else a minute) and refuses locally
 * until then, naming the time X allows a renewal again; the person stays signed in.
 */

withTestEmulator();

/** Ada signed in with an expired token, X answering her renewals with `answer` (undefined: X's own), counted. */
async function limitedRenewals(answer: () => Response | undefined) {
  const h = makeService(emu);
  await h.auth.signIn();
  h.clock.advance(TWO_HOURS);
  const rows = new Map<string, RateLimitInfo>();
  const store: RateLimitStore = { get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i) };
  const client = createLimitedClient({ client: h.auth.clientFor(ADA_ID, h.settings), store, now: h.clock.now, sleep: async () => {} });
  const seen = { renewals: 0 };
  h.settings.fetch = (input, init) => {
    if (!String(input instanceof Request ? input.url : input).endsWith('/2/oauth2/token')) return fetch(input, init);
    seen.renewals++;
    const r = answer();
    return r ? Promise.resolve(r) : fetch(input, init);
  };
  return { h, client, seen, rows };
}

describe('X’s limit on renewing the sign-in', () => {
  it('asks X once, then waits X’s reset before asking again, and says when', async () => {
    let limited = true;
    const { h, client, seen, rows } = await limitedRenewals(() => {
      if (!limited) return undefined;
      const reset = Math.floor(h.clock.now() / 1000) + 600;
      return new Response('', { status: 429, headers: { 'x-rate-limit-reset': String(reset) } });
    });
    const resetAt = Math.floor(h.clock.now() / 1000) + 600;

    const first = await getMe(client).catch((e: unknown) => e);
    const second = await getMe(client).catch((e: unknown) => e);
    expect(seen.renewals).toBe(1);
    for (const error of [first, second]) {
      expect(error).toBeInstanceOf(XApiError);
      expect((error as XApiError).kind).toBe('rate-limited');
      expect((error as XApiError).rateLimitReset).toBe(resetAt);
    }
    expect(rows.get('GET /2/users/me')).toBeUndefined();
    const text = actionErrorText(storedError(second as XApiError));
    expect(text).toMatch(/^X’s limit on renewing your sign-in is used up\. X allows renewing it again at .+\.$/);
    expect(text).not.toContain('for this');
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    readInJapanese();
    expect(actionErrorText(storedError(second as XApiError))).toMatch(
      /^Xのログイン更新の制限に達しました。.+から、Xが再び更新を認めます。$/,
    );

    // Still within X's window: nothing asked of X.
    h.clock.advance(599_000);
    await getMe(client).catch(() => undefined);
    expect(seen.renewals).toBe(1);

    // X's window over: Perch renews, and the request goes through.
    limited = false;
    h.clock.advance(2_000);
    expect((await getMe(client)).id).toBe(ADA_ID);
    expect(seen.renewals).toBe(2);
  });

  it('waits a minute when X gives no reset', async () => {
    let limited = true;
    const { h, client, seen } = await limitedRenewals(() => (limited ? new Response('', { status: 429 }) : undefined));
    await getMe(client).catch(() => undefined);
    h.clock.advance(30_000);
    await getMe(client).catch(() => undefined);
    expect(seen.renewals).toBe(1);
    limited = false;
    h.clock.advance(31_000);
    expect((await getMe(client)).id).toBe(ADA_ID);
    expect(seen.renewals).toBe(2);
  });
});
