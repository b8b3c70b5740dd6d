import type { XClient, XRequest, XResponse } from './client';
import { effectiveReset, isSpent, XApiError, type RateLimitInfo, type RateWindow } from './errors';

/** Where the limiter keeps X's last word per endpoint (Dexie in the extension, a Map in tests). */
export interface RateLimitStore {
  get(endpoint: string): Promise<RateLimitInfo | undefined>;
  put(endpoint: string, info: RateLimitInfo): Promise<void>;
}

export interface LimiterOptions {
  client: XClient;
  store: RateLimitStore;
  /** Epoch ms. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** How many times a GET is retried after a 5xx or a network failure. */
  getRetries?: number;
  /**
   * First back-off delay in ms (1 s): doubles each retry, plus up to as much again of jitter. Never shorter: a
   * media STATUS check is polled at most once a second, its retries included.
   */
  backoffMs?: number;
  /**
   * Told before each back-off of a GET that X did not answer (a 5xx, a network failure): which try comes next, of
   * how many, and when (epoch ms); told `undefined` once that request has ended, answered or not. A screen waiting
   * for the read says from it that X is not answering and Perch tries again (lib/services/read-retries.ts).
   */
  onRetry?: (req: Pick<XRequest<unknown>, 'method' | 'path'>, next: RetryNext | undefined) => void;
  /**
   * Told as a GET begins, with that request's own object: `onRetry` is told of the same object, its end included
   * (answered or not), so two reads of one path are told apart.
   */
  onRead?: (read: Pick<XRequest<unknown>, 'method' | 'path'>) => void;
}

/** The next try of a GET X did not answer: its number (1 is the first retry), of how many, and when (epoch ms). */
export interface RetryNext {
  attempt: number;
  of: number;
  at: number;
}

/** No reset is believed further off than this: X's longest window is a day. */
export const MAX_RESET_AHEAD_S = 24 * 60 * 60;
/** A 429 whose reset has already passed (clocks apart, or a zero reset) still pauses the endpoint this long. */
export const MIN_429_PAUSE_S = 60;
/** With no reset at all, a 429 pauses the endpoint for X's usual window. */
const DEFAULT_WINDOW_S = 15 * 60;

/**
 * X's rate-limit windows made safe to act on, in this machine's clock (Unix seconds):
 * - each reset is moved by the clocks' difference, read from X's `Date` header (`serverDate`), when there is one
 *   and it is within a day of ours;
 * - a window with a reset that is not a positive number is dropped, and one further off than a day is clamped to
 *   now + 24 h (X's longest window): a reset in the year 3000 cannot park an endpoint for ever;
 * - negative counts read as zero.
 * @returns undefined when no window is left.
 */
export function boundRateLimit(info: RateLimitInfo | undefined, nowMs: number, serverDate?: number): RateLimitInfo | undefined {
  if (!info) return undefined;
  const bound = (w: RateWindow | undefined): RateWindow | undefined => {
    const reset = w && boundReset(w.reset, nowMs, serverDate);
    if (!w || reset === undefined) return undefined;
    const count = (n: number) => (Number.isFinite(n) ? Math.max(0, n) : 0);
    return { limit: count(w.limit), remaining: count(w.remaining), reset };
  };
  const window = bound(info);
  const userDay = bound(info.userDay);
  const appDay = bound(info.appDay);
  const base = window ?? userDay ?? appDay;
  if (!base) return undefined;
  return { ...base, ...(userDay ? { userDay } : {}), ...(appDay ? { appDay } : {}) };
}

/**
 * One reset X gave (Unix seconds, X's clock) in this machine's clock, bounded as boundRateLimit bounds a window's:
 * moved by the clocks' difference (X's `Date` header within a day of ours), at most now + 24 h.
 * @returns undefined for a reset that is not a positive number.
 */
export function boundReset(reset: number | undefined, nowMs: number, serverDate: number | undefined): number | undefined {
  if (reset === undefined || !Number.isFinite(reset) || reset <= 0) return undefined;
  const skewMs = serverDate !== undefined && Math.abs(serverDate - nowMs) <= MAX_RESET_AHEAD_S * 1000 ? serverDate - nowMs : 0;
  return Math.min(Math.round(reset - skewMs / 1000), Math.ceil(nowMs / 1000) + MAX_RESET_AHEAD_S);
}

/** A stored row Perch would not have written (a reset beyond a day from now, from before resets were bounded). */
function absurd(info: RateLimitInfo, nowMs: number): boolean {
  const latest = nowMs / 1000 + MAX_RESET_AHEAD_S + 60;
  return [info, info.userDay, info.appDay].some((w) => w !== undefined && !(w.reset <= latest));
}

/** The same failure, with its rate-limit windows and reset as Perch reads them (see boundRateLimit). */
function rebuilt(error: XApiError, rateLimit: RateLimitInfo | undefined, rateLimitReset: number | undefined, resetOwn = false): XApiError {
  return new XApiError(error.kind, {
    ...(error.status !== undefined ? { status: error.status } : {}),
    problem: error.problem,
    ...(rateLimitReset !== undefined ? { rateLimitReset, resetOwn } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(error.serverDate !== undefined ? { serverDate: error.serverDate } : {}),
    local: error.local,
    partialErrors: error.partialErrors,
    cause: error.cause,
  });
}

/**
 * The endpoint a request counts against, as X's rate-limit tables name it: ids and usernames in the path
 * become parameters, e.g. `DELETE /2/users/:id/bookmarks/:id`.
 */
export function endpointOf(method: string, path: string): string {
  const [, version = '', rest = ''] = /^(\/\d+)?(.*)$/.exec(path.split('?')[0]!) ?? [];
  const template = rest.replace(/\/by\/username\/[^/]+/, '/by/username/:username').replace(/\/\d+(?=\/|$)/g, '/:id');
  return `${method} ${version}${template}`;
}

/**
 * Wraps a client with X's rate limits: records `x-rate-limit-*` (and the 24-hour caps) per endpoint, never sends a request that the last
 * answer said would be refused (it throws a local 'rate-limited' XApiError naming the reset instead, so the
 * caller can queue it), honours a 429's reset, and retries GETs — only GETs — after 5xx and network failures with
 * exponential back-off and jitter.
 */
export function createLimitedClient(options: LimiterOptions): XClient {
  const { client, store } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const retries = options.getRetries ?? 3;
  const backoff = options.backoffMs ?? 1000;

  async function once<T>(endpoint: string, req: XRequest<T>): Promise<XResponse<T>> {
    const known = await store.get(endpoint);
    if (known && !absurd(known, now()) && isSpent(known, now())) {
      const resetOwn = known.own === true;
      throw new XApiError('rate-limited', { rateLimitReset: effectiveReset(known), resetOwn, rateLimit: known, local: true });
    }
    let res: XResponse<T>;
    try {
      res = await client.request(req);
    } catch (error) {
      // Not the endpoint's answer (X's token endpoint refused the sign-in renewal): nothing is known of this endpoint.
      if (!(error instanceof XApiError) || error.tokenStep) throw error;
      const rateLimit = boundRateLimit(error.rateLimit, now(), error.serverDate);
      if (error.kind !== 'rate-limited') {
        if (rateLimit) await store.put(endpoint, rateLimit);
        throw rateLimit === error.rateLimit ? error : rebuilt(error, rateLimit, rateLimit ? effectiveReset(rateLimit) : undefined);
      }
      // A 429: nothing more until the reset X gave (or the next window, if it gave none). With a spent daily cap,
      // the later of its reset and the window's (effectiveReset) governs; so does a later reset the error carries
      // (x-rate-limit-reset sent alone, or Retry-After: see the client), read against X's clock like the window's.
      // A reset already past by our clock still pauses the endpoint a minute: X has just said no.
      const nowS = Math.ceil(now() / 1000);
      const resets = [rateLimit && effectiveReset(rateLimit), boundReset(error.rateLimitReset, now(), error.serverDate)];
      const read = resets.filter((r): r is number => r !== undefined);
      // X gave no reset: the pause is Perch's own (`own`), and no word of it names the time as X's.
      const given = read.length ? Math.max(...read) : nowS + DEFAULT_WINDOW_S;
      const reset = Math.max(given, nowS + MIN_429_PAUSE_S);
      const own = read.length ? {} : { own: true as const };
      await store.put(endpoint, { ...rateLimit, limit: rateLimit?.limit ?? 0, remaining: 0, reset, ...own });
      throw rebuilt(error, rateLimit, reset, !read.length);
    }
    const rateLimit = boundRateLimit(res.rateLimit, now(), res.serverDate);
    if (rateLimit) await store.put(endpoint, rateLimit);
    return { ...res, rateLimit };
  }

  // A 5xx's Retry-After is not read: X says only "wait and retry" with exponential back-off for 5xx
  // (x-api--fundamentals--response-codes-and-errors), so a huge, missing or unreadable one changes nothing, and a
  // GET's wait is bounded by its tries alone (1 + 2 + 4 s, up to twice that with jitter, by default).
  return {
    async request<T>(req: XRequest<T>): Promise<XResponse<T>> {
      const endpoint = endpointOf(req.method, req.path);
      const most = req.retries ?? retries;
      const read = { method: req.method, path: req.path };
      const begun = req.method === 'GET' && !!options.onRead;
      if (begun) options.onRead?.(read);
      let retried = false;
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            return await once(endpoint, req);
          } catch (error) {
            const transient = error instanceof XApiError && (error.kind === 'unavailable' || error.kind === 'offline');
            if (req.method !== 'GET' || !transient || attempt >= most) throw error;
            const wait = backoff * 2 ** attempt * (1 + random());
            retried = true;
            options.onRetry?.(read, { attempt: attempt + 1, of: most, at: now() + wait });
            await sleep(wait);
          }
        }
      } finally {
        if (retried || begun) options.onRetry?.(read, undefined);
      }
    },
  };
}
