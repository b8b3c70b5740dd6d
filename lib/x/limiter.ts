import type { XClient, XRequest, XResponse } from './client';
import { effectiveReset, isSpent, XApiError, type RateLimitInfo } from './errors';

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
  /** First back-off delay in ms; doubles each retry, with ±50 % jitter. */
  backoffMs?: number;
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
  const backoff = options.backoffMs ?? 500;

  async function once<T>(endpoint: string, req: XRequest<T>): Promise<XResponse<T>> {
    const known = await store.get(endpoint);
    if (known && isSpent(known, now())) {
      throw new XApiError('rate-limited', { rateLimitReset: effectiveReset(known), rateLimit: known, local: true });
    }
    try {
      const res = await client.request(req);
      if (res.rateLimit) await store.put(endpoint, res.rateLimit);
      return res;
    } catch (error) {
      if (error instanceof XApiError) {
        if (error.kind === 'rate-limited') {
          // A 429: nothing more until the reset X gave (or the next window, if it gave none).
          // With a spent daily cap, the later of its reset and the window's (effectiveReset) governs.
          const reset = error.rateLimitReset ?? Math.ceil(now() / 1000) + 15 * 60;
          await store.put(endpoint, { ...error.rateLimit, limit: error.rateLimit?.limit ?? 0, remaining: 0, reset });
        } else if (error.rateLimit) {
          await store.put(endpoint, error.rateLimit);
        }
      }
      throw error;
    }
  }

  return {
    async request<T>(req: XRequest<T>): Promise<XResponse<T>> {
      const endpoint = endpointOf(req.method, req.path);
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(endpoint, req);
        } catch (error) {
          const transient = error instanceof XApiError && (error.kind === 'unavailable' || error.kind === 'offline');
          if (req.method !== 'GET' || !transient || attempt >= retries) throw error;
          await sleep(backoff * 2 ** attempt * (0.5 + random()));
        }
      }
    },
  };
}
