import { readServerDate } from '../x/client';
import { boundReset, MAX_RESET_AHEAD_S } from '../x/limiter';
import { AuthError } from './errors';
import { renewalLimitArea as area, renewalLimitKey as limitKey } from './token-store';

/** How long Perch waits before renewing again after X answered a renewal 429 without saying until when. */
export const RENEWAL_LIMIT_DEFAULT_MS = 60_000;

/**
 * Until when (epoch ms) Perch asks X's token endpoint nothing after X answered a renewal 429: X's `x-rate-limit-reset`
 * (Unix seconds, X's clock), else its `Retry-After` (seconds from X's answer, or a date in X's clock), else a minute.
 * X's clock is read against ours as the limiter reads it (lib/x/limiter.ts boundReset): moved by the difference X's
 * `Date` header shows, when within a day, and at most 24 h (X's longest window, x-api--fundamentals--rate-limits) from
 * `nowMs`; a time already past waits the minute. Undefined for any other failure.
 */
function renewalLimitedUntil(error: unknown, nowMs: number): number | undefined {
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
  if (until === undefined || until * 1000 <= nowMs) return nowMs + RENEWAL_LIMIT_DEFAULT_MS;
  return until * 1000;
}

/** The stored end of `userId`'s limit, when it is one Perch would have written (a number at most a day ahead). */
async function readStored(userId: string, nowMs: number): Promise<number | undefined> {
  try {
    const value: unknown = (await area().get(limitKey(userId)))[limitKey(userId)];
    const latest = nowMs + (MAX_RESET_AHEAD_S + 60) * 1000;
    return typeof value === 'number' && Number.isFinite(value) && value <= latest ? value : undefined;
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
    const until = await readStored(userId, nowMs);
    if (until !== undefined && until > nowMs) {
      throw new AuthError('server', { kind: 'server-status', status: 429, reset: Math.ceil(until / 1000) }, { held: true });
    }
  }

  /** When `error` is X's 429 on `userId`'s renewal: keeps until when, and gives the error carrying that reset. */
  async note(userId: string, error: unknown, nowMs: number): Promise<AuthError | undefined> {
    const until = renewalLimitedUntil(error, nowMs);
    if (until === undefined || !(error instanceof AuthError)) return undefined;
    await Promise.resolve()
      .then(() => area().set({ [limitKey(userId)]: until }))
      .catch(() => undefined);
    return new AuthError('server', { ...error.words, reset: Math.ceil(until / 1000) }, { cause: error });
  }
}
