import { readServerDate } from '../x/client';
import { boundReset, MAX_RESET_AHEAD_S } from '../x/limiter';
import { AuthError } from './errors';
import { renewalLimitArea as area, renewalLimitKey as limitKey } from './token-store';

/** How long Perch waits before renewing again after X answered a renewal 429 without saying until when. */
export const RENEWAL_LIMIT_DEFAULT_MS = 60_000;

/** Until when (epoch ms) renewals are held, and whether that time is Perch's own (X gave none usable), not X's. */
interface Held {
  until: number;
  own?: true;
}

/**
 * Until when (epoch ms) Perch asks X's token endpoint nothing after X answered a renewal 429: X's `x-rate-limit-reset`
 * (Unix seconds, X's clock), else its `Retry-After` (seconds from X's answer, or a date in X's clock), else a minute
 * of Perch's own (`own`: X did not say until when, so no word names the time as X's).
 * X's clock is read against ours as the limiter reads it (lib/x/limiter.ts boundReset): moved by the difference X's
 * `Date` header shows, when within a day, and at most 24 h (X's longest window, x-api--fundamentals--rate-limits) from
 * `nowMs`; a time already past waits the minute. Undefined for any other failure.
 */
function renewalLimitedUntil(error: unknown, nowMs: number): Held | undefined {
  if (!(error instanceof AuthError) || error.words.kind !== 'server-status' || error.words.status !== 429) return undefined;
  let response: unknown = error.cause;
  for (let i = 0; i < 3 && response && !(response instanceof Response); i++) response = (response as { cause?: unknown }).cause;
  const headers = response instanceof Response ? response.headers : undefined;
  const serverDate = headers && readServerDate(headers);
  const reset = Number(headers?.get('x-rate-limit-reset') ?? NaN);
  const after = headers?.get('retry-after')?.trim() ?? null;
  let until: number | undefined;
  if (Number.isFinite(reset) && reset > 0) until = boundReset(reset, nowMs, serverDate);
  else if (after !== null && /^\d+$/.test(after)) until = Math.ceil(nowMs / 1000) + Math.min(Number(after), MAX_RESET_AHEAD_S);
  else if (after !== null && Number.isFinite(Date.parse(after))) until = boundReset(Date.parse(after) / 1000, nowMs, serverDate);
  if (until === undefined || until * 1000 <= nowMs) return { until: nowMs + RENEWAL_LIMIT_DEFAULT_MS, own: true };
  return { until: until * 1000 };
}

/**
 * The stored end of `userId`'s limit, when it is one Perch would have written (at most a day ahead). A bare number,
 * written before `own` was kept, may have been Perch's own minute: read as Perch's, never said as X's time.
 */
async function readStored(userId: string, nowMs: number): Promise<Held | undefined> {
  try {
    const value: unknown = (await area().get(limitKey(userId)))[limitKey(userId)];
    const kept = typeof value === 'number' ? { until: value, own: true as const } : (value as Partial<Held> | undefined);
    const until = kept?.until;
    const latest = nowMs + (MAX_RESET_AHEAD_S + 60) * 1000;
    if (typeof until !== 'number' || !Number.isFinite(until) || until > latest) return undefined;
    return kept?.own === true ? { until, own: true } : { until };
  } catch {
    return undefined;
  }
}

/**
 * Per account, until when X's limit on renewing the sign-in holds (X's 429 on the token endpoint): until then a renewal
 * is refused here, as X's 429 was, and X's token endpoint is asked nothing. Kept in storage.session (else storage.local:
 * lib/auth/token-store.ts), not in this worker's memory: a worker started again honours it, a closed browser forgets
 * it, and a sign-out drops it with the account's tokens. Should storage fail, X is asked, as before X's 429.
 */
export class RenewalLimits {
  /** Throws X's 429 again, with its reset and without asking X, while the limit on `userId`'s renewal holds. */
  async check(userId: string, nowMs: number): Promise<void> {
    const held = await readStored(userId, nowMs);
    if (held !== undefined && held.until > nowMs) {
      const words = { kind: 'server-status', status: 429, reset: Math.ceil(held.until / 1000) } as const;
      throw new AuthError('server', words, { held: true, resetOwn: held.own === true });
    }
  }

  /** When `error` is X's 429 on `userId`'s renewal: keeps until when, and gives the error carrying that reset. */
  async note(userId: string, error: unknown, nowMs: number): Promise<AuthError | undefined> {
    const held = renewalLimitedUntil(error, nowMs);
    if (held === undefined || !(error instanceof AuthError)) return undefined;
    await Promise.resolve()
      .then(() => area().set({ [limitKey(userId)]: held }))
      .catch(() => undefined);
    const reset = Math.ceil(held.until / 1000);
    return new AuthError('server', { ...error.words, reset }, { cause: error, resetOwn: held.own === true });
  }
}
