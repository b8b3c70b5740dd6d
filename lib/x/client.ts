import type { z } from 'zod';
import { XApiError, type RateLimitInfo, type XProblem } from './errors';

export interface XClientOptions {
  /** e.g. https://api.x.com */
  baseUrl: string;
  /**
   * Returns an access token. With `rejected`, the caller says X answered 401 to that token: the provider
   * refreshes (once, shared by every caller) unless another caller already did.
   */
  getAccessToken: (rejected?: string) => Promise<string>;
  fetch?: typeof fetch;
}

export interface XRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart body (media upload) instead of JSON. */
  form?: FormData;
  schema: z.ZodType<T>;
}

export interface XResponse<T> {
  body: T;
  status: number;
  rateLimit: RateLimitInfo | undefined;
}

/** A thin typed X API v2 client: bearer auth, one refresh-and-retry on 401, answers checked with zod. */
export interface XClient {
  /**
   * Sends one request and validates the answer.
   * @throws XApiError for every failure (HTTP error, network, malformed answer); never anything else.
   */
  request<T>(req: XRequest<T>): Promise<XResponse<T>>;
}

function readRateLimit(headers: Headers): XResponse<unknown>['rateLimit'] {
  const limit = Number(headers.get('x-rate-limit-limit'));
  const remaining = Number(headers.get('x-rate-limit-remaining'));
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (!headers.has('x-rate-limit-reset') || ![limit, remaining, reset].every(Number.isFinite)) return undefined;
  return { limit, remaining, reset };
}

function kindForStatus(status: number, problem: XProblem): XApiError['kind'] {
  if (status === 401) return 'signed-out';
  if (status === 429) return 'rate-limited';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'unavailable';
  if (status === 403) {
    const text = `${problem.type ?? ''} ${problem.title ?? ''} ${problem.detail ?? ''}`;
    if (/enterprise|client-forbidden|not permitted.*plan/i.test(text)) return 'enterprise-only';
    if (/scope|permission/i.test(text)) return 'missing-permission';
    return 'forbidden';
  }
  return 'invalid-request';
}

function problemOf(json: unknown): XProblem {
  if (!json || typeof json !== 'object') return {};
  const o = json as Record<string, unknown>;
  const pick = (k: string) => (typeof o[k] === 'string' ? o[k] : undefined);
  return { type: pick('type'), title: pick('title'), detail: pick('detail') };
}

/** Creates an X API client. The client never sees a refresh token, only access tokens from its provider. */
export function createXClient(options: XClientOptions): XClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send<T>(req: XRequest<T>, token: string): Promise<Response> {
    const url = new URL(req.path, options.baseUrl);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await doFetch(url, {
        method: req.method,
        headers,
        body: req.form ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
      });
    } catch (cause) {
      throw new XApiError('offline', { cause });
    }
  }

  async function tokenOrThrow(rejected?: string): Promise<string> {
    try {
      return await (rejected === undefined ? options.getAccessToken() : options.getAccessToken(rejected));
    } catch (cause) {
      throw cause instanceof XApiError ? cause : new XApiError('signed-out', { cause });
    }
  }

  return {
    async request<T>(req: XRequest<T>): Promise<XResponse<T>> {
      let token = await tokenOrThrow();
      let res = await send(req, token);
      if (res.status === 401) {
        // Once: the token may have expired early. A 403 never refreshes: it is about permission, not tokens.
        token = await tokenOrThrow(token);
        res = await send(req, token);
      }
      const rateLimit = readRateLimit(res.headers);
      let json: unknown;
      try {
        json = await res.json();
      } catch (cause) {
        if (!res.ok) {
          throw new XApiError(kindForStatus(res.status, {}), { status: res.status, rateLimitReset: rateLimit?.reset, rateLimit, cause });
        }
        throw new XApiError('malformed', { status: res.status, rateLimit, cause });
      }
      if (!res.ok) {
        const problem = problemOf(json);
        throw new XApiError(kindForStatus(res.status, problem), {
          status: res.status,
          problem,
          rateLimitReset: rateLimit?.reset,
          rateLimit,
        });
      }
      const parsed = req.schema.safeParse(json);
      if (!parsed.success) throw new XApiError('malformed', { status: res.status, rateLimit, cause: parsed.error });
      return { body: parsed.data, status: res.status, rateLimit };
    },
  };
}
