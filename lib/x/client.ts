import { safeParse, type core } from 'zod/mini';
import { effectiveReset, XApiError, type RateLimitInfo, type RateWindow, type XProblem } from './errors';
import { boundedText } from './body';
import { operationOf } from './operations';
import { isJson, withoutEcho } from './problem';

export interface XClientOptions {
  /** e.g. https://api.x.com */
  baseUrl: string;
  /**
   * Returns an access token. With `rejected`, the caller says X answered 401 to that token: the provider
   * refreshes (once, shared by every caller) unless another caller already did.
   */
  getAccessToken: (rejected?: string) => Promise<string>;
  /**
   * The scopes X granted to the current access token (its token answer's `scope`), when known. A refusal of an
   * operation whose scopes were not all granted is 'missing-permission', whatever X's wording.
   */
  grantedScopes?: () => Promise<readonly string[] | undefined>;
  fetch?: typeof fetch;
  /**
   * How long one request may take, headers and body, before Perch gives up on it (ms): {@link REQUEST_TIMEOUT_MS}
   * by default, {@link UPLOAD_TIMEOUT_MS} for a multipart upload.
   */
  timeoutMs?: number;
}

/** A request X has not fully answered in this long is abandoned (reported as 'offline': X was not heard). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** A media upload (up to 5 MB in one request, or a 4 MB chunk) gets longer. */
export const UPLOAD_TIMEOUT_MS = 120_000;

export interface XRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart body (media upload) instead of JSON. */
  form?: FormData;
  /**
   * A 2xx answer with no body at all is read as `{}`: for writes whose answer X does not document (the chunked
   * upload's APPEND; X's v1.1 APPEND answered 204 with nothing).
   */
  emptyOk?: boolean;
  /**
   * How many times the rate-limited client may send this GET again after a 5xx or a network failure (its own
   * setting when absent). 0 where the caller paces its own tries: the outbox, whose every try counts.
   */
  retries?: number;
  /** Any zod schema (zod/mini in the extension; the tests may pass classic zod's). */
  schema: core.$ZodType<T>;
}

export interface XResponse<T> {
  body: T;
  status: number;
  rateLimit: RateLimitInfo | undefined;
  /** X's clock when it answered (its `Date` header, epoch ms), when it sent a readable one. */
  serverDate?: number;
  /** True when the answer said it is JSON (its content-type): X's, not a page from something between. */
  json?: true;
}

/** A thin typed X API v2 client: bearer auth, one refresh-and-retry on 401, answers checked with zod. */
export interface XClient {
  /**
   * Sends one request and validates the answer.
   * @throws XApiError for every failure (HTTP error, network, malformed answer); never anything else.
   */
  request<T>(req: XRequest<T>): Promise<XResponse<T>>;
}

function readWindow(headers: Headers, prefix: string): RateWindow | undefined {
  const raw = ['limit', 'remaining', 'reset'].map((k) => headers.get(`${prefix}-${k}`));
  if (raw.some((v) => v === null || v.trim() === '')) return undefined;
  const [limit, remaining, reset] = raw.map(Number) as [number, number, number];
  return [limit, remaining, reset].every(Number.isFinite) ? { limit, remaining, reset } : undefined;
}

/**
 * `x-rate-limit-*` (x-api--fundamentals--rate-limits), plus the 24-hour caps X sends on some endpoints (likes, posts):
 * `x-user-limit-24hour-*` and `x-app-limit-24hour-*`.
 */
function readRateLimit(headers: Headers): RateLimitInfo | undefined {
  const window = readWindow(headers, 'x-rate-limit');
  const userDay = readWindow(headers, 'x-user-limit-24hour');
  const appDay = readWindow(headers, 'x-app-limit-24hour');
  const base = window ?? userDay ?? appDay;
  if (!base) return undefined;
  return { ...base, ...(userDay ? { userDay } : {}), ...(appDay ? { appDay } : {}) };
}

/**
 * When a 429 says to try again (Unix seconds), from its headers alone when they name no full window: the
 * `x-rate-limit-reset` X sends even so, and a `Retry-After` (seconds from X's answer, or an HTTP-date); the later.
 */
function retryAt(headers: Headers, serverDate: number | undefined): number | undefined {
  const num = (raw: string | null) => (raw !== null && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined);
  const reset = num(headers.get('x-rate-limit-reset'));
  const after = headers.get('retry-after');
  const secs = num(after);
  const date = after !== null && secs === undefined ? Date.parse(after) : NaN;
  const retry =
    secs !== undefined ? Math.ceil((serverDate ?? Date.now()) / 1000) + secs : Number.isFinite(date) ? Math.ceil(date / 1000) : undefined;
  const both = [reset, retry].filter((s): s is number => s !== undefined && s > 0);
  return both.length ? Math.max(...both) : undefined;
}

/** X's `Date` header (HTTP-date) as epoch ms, or undefined when absent or unreadable. */
export function readServerDate(headers: Headers): number | undefined {
  const raw = headers.get('date');
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A problem type URI's last segment: X writes https://api.x.com/2/problems/… (docs) and https://api.twitter.com/2/problems/… (description). */
function problemType(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  const m = /^https:\/\/api\.(?:x|twitter)\.com\/2\/problems\/([a-z0-9-]+)$/i.exec(type.trim());
  return m ? m[1]!.toLowerCase() : type.trim();
}

/** Problem types that name a cause other than the plan: a 403 carrying one is about that cause. */
const OTHER_CAUSE = new Set([
  'resource-not-found',
  'not-authorized-for-resource',
  'not-authorized-for-field',
  'invalid-request',
  'usage-capped',
]);
/** X's v1.1-style code for "You currently have access to a subset of X API V2 endpoints…" (apps without access). */
const SUBSET_ACCESS_CODE = 453;

interface Refusal {
  status: number;
  problem: XProblem;
  req: Pick<XRequest<unknown>, 'method' | 'path' | 'body'>;
  /** Scopes the operation needs that the token was not granted (empty when all were, or unknown). */
  ungranted: readonly string[];
}

/**
 * What a refusal means, from its status, the operation, the problem type and `reason` — never from its wording
 * (x-api--fundamentals--response-codes-and-errors, x-api--getting-started--pricing, the blocks and manage-posts pages).
 */
function kindOf({ status, problem, req, ungranted }: Refusal): XApiError['kind'] {
  const type = problem.type;
  if (type === 'usage-capped' || status === 402) return 'usage-capped';
  if (status === 429) return 'rate-limited';
  if ((status === 401 || status === 403) && ungranted.length) return 'missing-permission';
  if (status === 401) return 'signed-out';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'unavailable';
  if (status === 403) {
    const op = operationOf(req.method, req.path);
    const quotes = typeof (req.body as { quote_tweet_id?: unknown } | undefined)?.quote_tweet_id === 'string';
    const reserved = op?.enterprise === 'always' || (op?.enterprise === 'quote' && quotes);
    if (reserved && !(type && OTHER_CAUSE.has(type))) return 'enterprise-only';
    if (type === 'client-forbidden' || problem.codes?.includes(SUBSET_ACCESS_CODE)) return 'app-no-access';
    return 'forbidden';
  }
  return 'invalid-request';
}

/**
 * The problem an answer's JSON describes: its `type` (last segment), `title`, `detail`, `reason`, and the `message`s
 * and `code`s of its `errors` (or its own, when it has none). Never throws: anything else reads as an empty problem.
 */
export function problemOf(json: unknown): XProblem {
  if (!json || typeof json !== 'object') return {};
  const o = json as Record<string, unknown>;
  const pick = (k: string) => (typeof o[k] === 'string' ? o[k] : undefined);
  // Without `errors`, the answer itself may be one: the description's `default` application/json answer is its
  // `Error` schema, {code, message} at the top level (openapi.json components.schemas.Error).
  const entries = Array.isArray(o.errors)
    ? (o.errors as unknown[]).filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    : [o];
  const messages = entries.map((e) => e.message).filter((m): m is string => typeof m === 'string');
  const codes = entries.map((e) => e.code).filter((c): c is number => typeof c === 'number');
  const resourceTypes = entries.map((e) => e.resource_type).filter((t): t is string => typeof t === 'string');
  return {
    type: problemType(pick('type')),
    title: pick('title'),
    detail: pick('detail'),
    reason: pick('reason'),
    ...(messages.length ? { messages } : {}),
    ...(codes.length ? { codes } : {}),
    ...(resourceTypes.length ? { resourceTypes } : {}),
  };
}

/** Creates an X API client. The client never sees a refresh token, only access tokens from its provider. */
export function createXClient(options: XClientOptions): XClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send<T>(req: XRequest<T>, token: string, signal: AbortSignal): Promise<Response> {
    const url = new URL(req.path, options.baseUrl);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await doFetch(url, {
        method: req.method,
        headers,
        ...(req.form !== undefined ? { body: req.form } : req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal,
      });
    } catch (cause) {
      throw new XApiError('offline', { cause });
    }
  }

  /** The scopes this request's operation needs that the token was not granted (empty when unknown). */
  async function ungrantedScopes(req: XRequest<unknown>): Promise<readonly string[]> {
    const needed = operationOf(req.method, req.path)?.scopes ?? [];
    if (!needed.length || !options.grantedScopes) return [];
    try {
      const granted = await options.grantedScopes();
      return granted ? needed.filter((s) => !granted.includes(s)) : [];
    } catch {
      return [];
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
      // Each send gets its own deadline, covering X's headers and its body: a hung answer never holds a caller.
      const timeout = options.timeoutMs ?? (req.form ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS);
      let token = await tokenOrThrow();
      let signal = AbortSignal.timeout(timeout);
      let res = await send(req, token, signal);
      let renewed = false;
      if (res.status === 401) {
        // Once: the token may have expired early. A 403 never refreshes: it is about permission, not tokens.
        const rejected = token;
        token = await tokenOrThrow(rejected);
        renewed = token !== rejected;
        signal = AbortSignal.timeout(timeout);
        res = await send(req, token, signal);
      }
      const rateLimit = readRateLimit(res.headers);
      const serverDate = readServerDate(res.headers);
      const given = res.status === 429 ? retryAt(res.headers, serverDate) : undefined;
      const windowReset = rateLimit ? effectiveReset(rateLimit) : undefined;
      const reset = windowReset !== undefined && given !== undefined ? Math.max(windowReset, given) : (windowReset ?? given);
      const dated = serverDate !== undefined ? { serverDate } : {};
      let json: unknown;
      let unreadable: unknown;
      let text: string | undefined;
      // A 2xx that is X's JSON (not a proxy's page) and carries no `errors` (X saying it did not): X's own success.
      const xSuccess = () => res.ok && isJson(res.headers.get('content-type')) && text !== undefined && !text.includes('"errors"');
      try {
        text = await boundedText(res);
        json = req.emptyOk && res.ok && text.trim() === '' ? {} : (JSON.parse(text) as unknown);
      } catch (cause) {
        // The deadline passed while the body was arriving: X was not heard out, like a dropped connection.
        if (signal.aborted) throw new XApiError('offline', { status: res.status, rateLimit, ...dated, cause });
        if (res.ok) throw new XApiError('malformed', { status: res.status, rateLimit, ...dated, xSuccess: xSuccess(), cause });
        unreadable = cause;
      }
      if (!res.ok) {
        const problem = res.status >= 500 ? withoutEcho(problemOf(json), res.status) : problemOf(json);
        const ungranted = await ungrantedScopes(req);
        const kind = kindOf({ status: res.status, problem, req, ungranted });
        throw new XApiError(kind, {
          status: res.status,
          problem,
          // A 401 to a token X has just issued: X refused this request, not the sign-in, which renewed and still holds.
          ...(kind === 'signed-out' && renewed ? { ownWords: { kind: 'sign-in-refused' } as const } : {}),
          rateLimitReset: reset,
          rateLimit,
          ...dated,
          ...(unreadable !== undefined ? { cause: unreadable } : {}),
        });
      }
      const parsed = safeParse(req.schema, json);
      if (!parsed.success) {
        throw new XApiError('malformed', { status: res.status, rateLimit, ...dated, xSuccess: xSuccess(), cause: parsed.error });
      }
      const typed = isJson(res.headers.get('content-type')) ? { json: true as const } : {};
      return { body: parsed.data, status: res.status, rateLimit, ...dated, ...typed };
    },
  };
}
