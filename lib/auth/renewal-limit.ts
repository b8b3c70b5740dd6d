import { AuthError } from './errors';

/** How long Perch waits before renewing again after X answered a renewal 429 without saying until when. */
export const RENEWAL_LIMIT_DEFAULT_MS = 60_000;
/** The longest Perch waits on X's word, as the limiter bounds a reset (lib/x/limiter.ts). */
const RENEWAL_LIMIT_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * Until when (epoch ms) Perch asks X's token endpoint nothing after X answered a renewal 429: X's `x-rate-limit-reset`
 * (Unix seconds), else its `Retry-After` (seconds or a date), at most 24 h from `nowMs`; else a minute. Undefined for any
 * other failure.
 */
function renewalLimitedUntil(error: unknown, nowMs: number): number | undefined {
  if (!(error instanceof AuthError) || error.words.kind !== 'server-status' || error.words.status !== 429) return undefined;
  let response: unknown = error.cause;
  for (let i = 0; i < 3 && response && !(response instanceof Response); i++) response = (response as { cause?: unknown }).cause;
  const headers = response instanceof Response ? response.headers : undefined;
  const reset = Number(headers?.get('x-rate-limit-reset') ?? NaN);
  const after = headers?.get('retry-after') ?? null;
  let until: number | undefined;
  if (Number.isFinite(reset) && reset > 0) until = reset * 1000;
  else if (after !== null && /^\d+$/.test(after.trim())) until = nowMs + Number(after.trim()) * 1000;
  else if (after !== null && Number.isFinite(Date.parse(after))) until = Date.parse(after);
  if (until === undefined || until <= nowMs) return nowMs + RENEWAL_LIMIT_DEFAULT_MS;
  return Math.min(until, nowMs + RENEWAL_LIMIT_MAX_MS);
}

/**
 * Per account, until when X's limit on renewing the sign-in holds (X's 429 on the token endpoint): until then a renewal
 * is refused here, as X's 429 was, and X's token endpoint is asked nothing.
 */
export class RenewalLimits {
  private readonly until = new Map<string, number>();

  /** Throws X's 429 again, with its reset and without asking X, while the limit on `userId`'s renewal holds. */
  check(userId: string, nowMs: number): void {
    const until = this.until.get(userId);
    if (until !== undefined && until > nowMs) {
      throw new AuthError('server', { kind: 'server-status', status: 429, reset: Math.ceil(until / 1000) }, { held: true });
    }
    this.until.delete(userId);
  }

  /** When `error` is X's 429 on `userId`'s renewal: notes until when, and gives the error carrying that reset. */
  note(userId: string, error: unknown, nowMs: number): AuthError | undefined {
    const until = renewalLimitedUntil(error, nowMs);
    if (until === undefined || !(error instanceof AuthError)) return undefined;
    this.until.set(userId, until);
    return new AuthError('server', { ...error.words, reset: Math.ceil(until / 1000) }, { cause: error });
  }
}
