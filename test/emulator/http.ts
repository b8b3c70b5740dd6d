/**
 * Shared reply shapes and helpers: X problem JSON, invalid-request errors, pagination and field
 * selection. Route files build `Reply` objects (or throw `ReplyError`), the server writes them.
 *
 * Error bodies and where they come from (pages in /work/shared/x-docs/pages):
 * - problem JSON `{title, detail, type}` + optional extra fields: x-api--fundamentals--response-codes-and-errors
 *   (type URIs on https://api.x.com/2/problems/…, `about:blank` for generic errors).
 * - 429 `{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`: x-api--fundamentals--rate-limits and
 *   fundamentals--rate-limits; we add the problem fields too (see `tooManyRequests`).
 * - not-found error objects (`resource_type`, `title: "Not Found Error"`, `detail`): x-api--users--lookup--*.
 */
import type { IncomingMessage } from 'node:http';
import type { EmulatorState, LogEntry } from './state';

export const PROBLEMS = 'https://api.x.com/2/problems/';

export interface Reply {
  status: number;
  /** JSON body (serialised by the server). */
  json?: unknown;
  /** Raw body (HTML pages, images, deliberately malformed JSON). */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Thrown from helpers (validation, auth) to answer immediately with `reply`. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`reply ${reply.status}`);
  }
}

export interface AuthInfo {
  token: string;
  userId: string;
  clientId: string;
  scopes: string[];
  grantId: string;
}

export interface RequestContext {
  state: EmulatorState;
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  rawBody: Buffer;
  /** Set on routes with `auth: 'user'` before the handler runs. */
  auth?: AuthInfo;
  /** The log entry of this request; handlers may add grant_type / user_id / client_id. */
  log: LogEntry;
}

/**
 * A JSON answer. A failure whose body is a Problem (a string `type` and `title`) goes out as
 * `application/problem+json`: every operation's `default` answer in X's description pairs that media type with
 * components.schemas.Problem, and `application/json` with components.schemas.Error ({code, message}) only.
 */
export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  const o = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const isProblem = status >= 400 && typeof o.type === 'string' && typeof o.title === 'string';
  return { status, json: body, ...(isProblem ? { contentType: PROBLEM_JSON } : {}), ...(headers ? { headers } : {}) };
}

/** The media type of a Problem answer (openapi.json: every operation's `default`, application/problem+json → Problem). */
export const PROBLEM_JSON = 'application/problem+json';

export function html(status: number, body: string, headers?: Record<string, string>): Reply {
  return { status, raw: body, contentType: 'text/html; charset=utf-8', ...(headers ? { headers } : {}) };
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusTitle(status: number): string {
  return STATUS_TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
}

/** Generic problem JSON (`type: about:blank`), e.g. 401 `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`. */
export function problem(status: number, detail?: string, extra?: Record<string, unknown>): Reply {
  const title = statusTitle(status);
  return json(status, { title, type: 'about:blank', status, detail: detail ?? title, ...extra });
}

/** Typed problem JSON, e.g. `typedProblem(403, 'client-forbidden', 'Client Forbidden', '…')`. */
export function typedProblem(status: number, type: string, title: string, detail: string, extra?: Record<string, unknown>): Reply {
  return json(status, { title, detail, type: PROBLEMS + type, status, ...extra });
}

export const unauthorized = (): Reply => problem(401, 'Unauthorized');

/** 403 for a token that lacks scopes. X documents no body for this; we keep the generic shape and name the scopes. */
export function missingScopes(required: string[], missing: string[]): Reply {
  return problem(403, `Missing required OAuth 2.0 scope(s): ${missing.join(', ')}. This endpoint requires: ${required.join(', ')}.`, {
    required_scopes: required,
    missing_scopes: missing,
  });
}

/** 429 body: the docs' `{"errors":[{"code":88,"message":"Rate limit exceeded"}]}` plus the problem fields. */
export function tooManyRequests(): Reply {
  return json(429, {
    title: 'Too Many Requests',
    detail: 'Too Many Requests',
    type: 'about:blank',
    status: 429,
    errors: [{ code: 88, message: 'Rate limit exceeded' }],
  });
}

/**
 * 429 for an app out of credits or over its spending limit (x-api--getting-started--pricing: credits, "Spending
 * limit"). Type `usage-capped`, "Usage cap exceeded" (x-api--fundamentals--response-codes-and-errors, "Error types";
 * 429 is "Rate limit or usage cap exceeded"); `period` and `scope` from the description's UsageCapExceededProblem;
 * title and detail as X sent them (observed: xdevplatform/xdk issue 25, a pay-per-use app).
 */
export function usageCapped(): Reply {
  return json(429, {
    title: 'UsageCapExceeded',
    detail: 'Usage cap exceeded: Monthly product cap',
    type: PROBLEMS + 'usage-capped',
    period: 'Monthly',
    scope: 'Product',
  });
}

export const routeNotFound = (): Reply => problem(404, 'Not Found');

export function methodNotAllowed(allowed: string[]): Reply {
  return { ...problem(405, 'Method Not Allowed'), headers: { allow: allowed.join(', ') } };
}

export interface InvalidParameter {
  parameters: Record<string, string[]>;
  message: string;
}

/** 400 invalid request, X's shape for parameter errors. */
export function invalidRequest(errors: InvalidParameter[]): Reply {
  return json(400, {
    errors,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: PROBLEMS + 'invalid-request',
  });
}

export function invalidParam(name: string, value: string, message: string): ReplyError {
  return new ReplyError(invalidRequest([{ parameters: { [name]: [value] }, message }]));
}

/** An entry of an `errors` array for a missing resource (x-api--users--lookup--quickstart--user-lookup). */
export function resourceNotFoundError(o: {
  resourceType: string;
  parameter: string;
  value: string;
  detail: string;
  title?: string;
}): Record<string, unknown> {
  return {
    value: o.value,
    detail: o.detail,
    title: o.title ?? 'Not Found Error',
    resource_type: o.resourceType,
    parameter: o.parameter,
    resource_id: o.value,
    type: PROBLEMS + 'resource-not-found',
  };
}

/**
 * A 404/403 about one resource: the problem of its `errors` entry at the top level (X's OpenAPI `default` answer is
 * a Problem; ResourceNotFoundProblem / ResourceUnauthorizedProblem carry parameter, value, resource_id and
 * resource_type) with the entry also in `errors`, as the lookup pages show it (x-api--users--lookup--integrate).
 */
export function resourceProblem(status: number, entry: Record<string, unknown>): Reply {
  return json(status, { ...entry, status, errors: [entry] });
}

// ---- query parameter helpers ----

/** Rejects query parameters the route does not know, as X does. */
export function checkAllowedQuery(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of new Set(query.keys())) {
    if (!allowed.includes(name)) {
      throw new ReplyError(
        invalidRequest([
          {
            parameters: { [name]: query.getAll(name) },
            message: `The query parameter [${name}] is not one of [${allowed.join(',')}]`,
          },
        ]),
      );
    }
  }
}

/** Parses a comma-separated list parameter (`user.fields`, `expansions`), validating each value. */
export function listParam(query: URLSearchParams, name: string, allowed: readonly string[]): string[] {
  const raw = query.get(name);
  if (raw === null) return [];
  const values = raw.split(',').map((v) => v.trim());
  for (const v of values) {
    if (!allowed.includes(v)) {
      throw invalidParam(name, v, `The \`${name}\` query parameter value [${v}] is not one of [${allowed.join(',')}]`);
    }
  }
  return [...new Set(values)];
}

/** Validates a path/query value against a pattern, with X's message. */
export function matchParam(name: string, value: string, pattern: RegExp, patternText = pattern.source): string {
  if (!pattern.test(value))
    throw invalidParam(name, value, `The \`${name}\` query parameter value [${value}] does not match ${patternText}`);
  return value;
}

export const ID_PATTERN = /^[0-9]{1,19}$/;
/** X's snowflake epoch (fundamentals--x-ids): 2010-11-04T01:42:54.657Z; ids carry milliseconds since it << 22. */
export const SNOWFLAKE_EPOCH_MS = 1288834974657;

// ---- pagination ----

export interface PageOptions {
  defaultMax: number;
  min: number;
  max: number;
}

export interface Page<T> {
  items: T[];
  meta: { result_count: number; next_token?: string; previous_token?: string };
}

const TOKEN_PREFIX = 'pg1:';

/**
 * 16 characters, whatever the offset: X's description asks 16 or more of some endpoints' tokens (PaginationToken32,
 * e.g. getUsersBlocking) and at most 19 of others (PaginationTokenLong).
 */
function encodePageToken(offset: number): string {
  return Buffer.from(TOKEN_PREFIX + offset.toString(36).padStart(8, '0')).toString('base64url');
}

function decodePageToken(token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX)) return undefined;
  const n = parseInt(text.slice(TOKEN_PREFIX.length), 36);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Pages `items` (already in the endpoint's order) with `max_results` / `pagination_token`
 * (x-api--fundamentals--pagination): `meta.next_token` is omitted on the last page.
 */
export function paginate<T>(query: URLSearchParams, items: readonly T[], opts: PageOptions): Page<T> {
  let max = opts.defaultMax;
  const rawMax = query.get('max_results');
  if (rawMax !== null) {
    const n = /^[0-9]+$/.test(rawMax) ? Number(rawMax) : NaN;
    if (!(n >= opts.min && n <= opts.max)) {
      throw invalidParam(
        'max_results',
        rawMax,
        `The \`max_results\` query parameter value [${rawMax}] is not between ${opts.min} and ${opts.max}`,
      );
    }
    max = n;
  }
  let offset = 0;
  const rawToken = query.get('pagination_token');
  if (rawToken !== null) {
    const decoded = decodePageToken(rawToken);
    if (decoded === undefined || decoded > items.length) {
      throw invalidParam('pagination_token', rawToken, `The \`pagination_token\` query parameter value [${rawToken}] is not valid`);
    }
    offset = decoded;
  }
  const page = items.slice(offset, offset + max);
  const meta: Page<T>['meta'] = { result_count: page.length };
  if (offset + max < items.length) meta.next_token = encodePageToken(offset + max);
  if (offset > 0) meta.previous_token = encodePageToken(Math.max(0, offset - max));
  return { items: page, meta };
}

// ---- bodies ----

export function formBody(ctx: RequestContext): URLSearchParams {
  return new URLSearchParams(ctx.rawBody.toString('utf8'));
}

export function isForm(ctx: RequestContext): boolean {
  return (ctx.req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function badJson(message: string): ReplyError {
  return new ReplyError(
    json(400, {
      errors: [{ message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: PROBLEMS + 'invalid-request',
    }),
  );
}

/**
 * Parses a JSON request body for write endpoints; malformed JSON answers 400 invalid-request, and so does a body sent
 * as anything but `application/json`: the description's `requestBody` of every JSON write (createPosts, likePost,
 * createLists, muteUser, initializeMediaUpload, …) lists `application/json` as its only content (openapi.json), and
 * the pages' examples send `Content-Type: application/json` (x-api--posts--manage-tweets--quickstart).
 */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.rawBody.toString('utf8');
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (text !== '' && type !== 'application/json') throw badJson('The request body must be application/json.');
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw badJson('Request body is not valid JSON.');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
