import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { AuthError } from '@/lib/auth/errors';
import { RenewalLimits } from '@/lib/auth/renewal-limit';
import { actionErrorText } from '@/lib/action-words';
import { storedError } from '@/lib/services/outbox-failure';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, makeService, type Harness } from './support';

/**
 * X's limit on renewing the sign-in (a 429 from POST /2/oauth2/token, x-api--fundamentals--rate-limits: "Exceeding
 * limits results in a 429 error until the window resets") was kept in the worker's memory only: an MV3 worker restarts
 * often, and a restarted one asked X's token endpoint again before X's window ended. It is now kept in storage.session,
 * dropped at sign-out. And X's `x-rate-limit-reset` is X's clock: read against ours through X's `Date` header, as the
 * limiter reads every other reset (lib/x/limiter.ts boundReset).
 */

withTestEmulator();

const url = (input: RequestInfo | URL) => String(input instanceof Request ? input.url : input);

/** Ada signed in with an expired token; X answers her renewals with `answer()` (undefined: X's own), counted. */
async function expiredSignIn(answer: (h: Harness) => Response | undefined) {
  const h = makeService(emu);
  await h.auth.signIn();
  h.clock.advance(TWO_HOURS);
  const seen = { renewals: 0 };
  const fetchThrough: typeof fetch = (input, init) => {
    if (!url(input).endsWith('/2/oauth2/token') || !init?.body?.toString().includes('refresh_token')) return fetch(input, init);
    seen.renewals++;
    const r = answer(h);
    return r ? Promise.resolve(r) : fetch(input, init);
  };
  h.settings.fetch = fetchThrough;
  /** A new worker: another service over the same storage, on the same clock and X. */
  const restarted = (): Harness => {
    const next = makeService(emu, { clock: h.clock });
    next.settings.fetch = fetchThrough;
    return next;
  };
  return { h, seen, restarted };
}

const asMe = (h: Harness) => getMe(h.auth.clientFor(ADA_ID, h.settings));
const refusal = (h: Harness) =>
  asMe(h).then(
    () => undefined,
    (e: unknown) => e as XApiError,
  );
const nowS = (h: Harness) => Math.floor(h.clock.now() / 1000);

describe('X’s limit on renewing the sign-in, across a restarted worker', () => {
  it('is honoured by a new worker: X’s token endpoint is not asked before the reset', async () => {
    let limited = true;
    const { h, seen, restarted } = await expiredSignIn((h) =>
      limited ? new Response('', { status: 429, headers: { 'x-rate-limit-reset': String(nowS(h) + 600) } }) : undefined,
    );
    const resetAt = nowS(h) + 600;
    expect((await refusal(h))?.rateLimitReset).toBe(resetAt);
    expect(seen.renewals).toBe(1);

    const fresh = restarted();
    h.clock.advance(60_000);
    const held = await refusal(fresh);
    expect(held).toBeInstanceOf(XApiError);
    expect(held?.kind).toBe('rate-limited');
    expect(held?.rateLimitReset).toBe(resetAt);
    expect(seen.renewals).toBe(1);

    // X's window over: the new worker renews, and the request goes through.
    limited = false;
    h.clock.advance(541_000);
    expect((await asMe(restarted())).id).toBe(ADA_ID);
    expect(seen.renewals).toBe(2);
  });

  it('is dropped at sign-out: signed in again, the next renewal is asked of X', async () => {
    let limited = true;
    const { h, seen } = await expiredSignIn((h) =>
      limited ? new Response('', { status: 429, headers: { 'x-rate-limit-reset': String(nowS(h) + 20 * 3600) } }) : undefined,
    );
    await refusal(h);
    expect(seen.renewals).toBe(1);
    await h.auth.signOut(ADA_ID);
    limited = false;
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    expect((await asMe(h)).id).toBe(ADA_ID);
    expect(seen.renewals).toBe(2);
  });
});

describe('X’s reset on a renewal 429, read against X’s clock', () => {
  it.each([
    ['ahead of ours by an hour', 3600],
    ['behind ours by an hour', -3600],
  ])('waits X’s ten minutes when X’s Date is %s, and says the time in our clock', async (_, skewS) => {
    let limited = true;
    const { h, seen } = await expiredSignIn((h) => {
      if (!limited) return undefined;
      const xNow = h.clock.now() + skewS * 1000;
      const headers = { date: new Date(xNow).toUTCString(), 'x-rate-limit-reset': String(Math.floor(xNow / 1000) + 600) };
      return new Response('', { status: 429, headers });
    });
    const error = await refusal(h);
    expect(error?.kind).toBe('rate-limited');
    expect(error?.rateLimitReset).toBe(nowS(h) + 600);

    h.clock.advance(300_000);
    expect((await refusal(h))?.rateLimitReset).toBe(nowS(h) + 300);
    expect(seen.renewals).toBe(1);

    limited = false;
    h.clock.advance(301_000);
    expect((await asMe(h)).id).toBe(ADA_ID);
    expect(seen.renewals).toBe(2);
  });
});

describe('a renewal 429 that says not until when', () => {
  // The words an action or a sync stores of the failure, as the screens say them.
  const said = (e: XApiError | undefined) => actionErrorText(storedError(e!));
  const X_TIME = /X allows renewing it again at/;

  it('waits Perch’s own minute, and no word says that time as X’s, in this worker or a new one', async () => {
    let limited = true;
    const { h, seen, restarted } = await expiredSignIn(() => (limited ? new Response('', { status: 429 }) : undefined));
    const first = await refusal(h);
    expect(first?.kind).toBe('rate-limited');
    expect(first?.rateLimitReset).toBe(nowS(h) + 60);
    expect(said(first)).toBe('X’s limit on renewing your sign-in is used up. X allows it again later.');
    expect(first?.message).not.toMatch(X_TIME);

    h.clock.advance(30_000);
    const held = await refusal(restarted());
    expect(held?.local).toBe(true);
    expect(said(held)).not.toMatch(X_TIME);
    expect(seen.renewals).toBe(1);

    limited = false;
    h.clock.advance(31_000);
    expect((await asMe(restarted())).id).toBe(ADA_ID);
    expect(seen.renewals).toBe(2);
  });

  it('still says X’s own reset as X’s time', async () => {
    const { h } = await expiredSignIn((h) => new Response('', { status: 429, headers: { 'x-rate-limit-reset': String(nowS(h) + 600) } }));
    expect(said(await refusal(h))).toMatch(X_TIME);
    h.clock.advance(60_000);
    expect(said(await refusal(h))).toMatch(X_TIME);
  });
});

describe('where storage.session is missing', () => {
  it('keeps the limit in storage.local, for a new worker to honour', async () => {
    const storage = browser.storage as { session?: unknown };
    const session = storage.session;
    storage.session = undefined;
    try {
      const now = Date.UTC(2030, 0, 15, 9);
      const cause = new Response('', { status: 429, headers: { 'retry-after': '600' } });
      const x429 = new AuthError('server', { kind: 'server-status', status: 429 }, { cause });
      await new RenewalLimits().note(ADA_ID, x429, now);
      expect(Object.keys(await browser.storage.local.get(null))).toContain(`auth.renewalLimit.${ADA_ID}`);
      const held = await new RenewalLimits().check(ADA_ID, now + 599_000).catch((e: unknown) => e);
      expect(held).toBeInstanceOf(AuthError);
      expect((held as AuthError).held).toBe(true);
      await expect(new RenewalLimits().check(ADA_ID, now + 601_000)).resolves.toBeUndefined();
    } finally {
      storage.session = session;
    }
  });
});
