/** The kinds of X API failure a person can tell apart, each with its own wording. */
export type XErrorKind =
  | 'signed-out'
  | 'missing-permission'
  | 'enterprise-only'
  | 'app-no-access'
  | 'usage-capped'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'offline'
  | 'malformed'
  | 'invalid-request'
  | 'forbidden';

/** One rate-limit window as X's headers describe it: its limit, what is left, and when it resets (Unix seconds). */
export interface RateWindow {
  limit: number;
  remaining: number;
  reset: number;
}

/**
 * X's rate-limit headers: `x-rate-limit-*` (the 15-minute window) at the top level, and the 24-hour caps some
 * endpoints add (likes, posts: `x-user-limit-24hour-*` per user, `x-app-limit-24hour-*` per app) when present.
 */
export interface RateLimitInfo extends RateWindow {
  userDay?: RateWindow;
  appDay?: RateWindow;
}

/**
 * When the endpoint can be used again: of the windows that are used up, the latest reset (a daily cap that is
 * spent outlasts the 15-minute window); when none says it is used up, the latest reset of all.
 */
export function effectiveReset(info: RateLimitInfo): number {
  const windows = [info, info.userDay, info.appDay].filter((w): w is RateWindow => w !== undefined);
  const spent = windows.filter((w) => w.remaining <= 0);
  return Math.max(...(spent.length ? spent : windows).map((w) => w.reset));
}

/** True when one of the windows says the next request would be refused before its reset. */
export function isSpent(info: RateLimitInfo, nowMs: number): boolean {
  return [info, info.userDay, info.appDay].some((w) => w !== undefined && w.remaining <= 0 && nowMs < w.reset * 1000);
}

export interface XProblem {
  /** The problem type's last segment (`usage-capped`, `client-forbidden`, …), whichever host X put in front of it. */
  type?: string | undefined;
  title?: string | undefined;
  detail?: string | undefined;
  /** `reason` of a client-forbidden problem, e.g. `client-not-enrolled`. */
  reason?: string | undefined;
  /** The `message` of each entry of `errors`, in order (X's own words for a 400). */
  messages?: string[];
  /** The numeric `code` of each entry of `errors` (v1.1-style answers, e.g. 453 for apps without access). */
  codes?: number[];
}

function timeOf(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** One error type for every X API failure: HTTP status, problem fields, rate-limit reset, user-facing text. */
export class XApiError extends Error {
  readonly kind: XErrorKind;
  readonly status: number | undefined;
  readonly problem: XProblem;
  /** Unix seconds at which the rate-limit window resets, when X said so. */
  readonly rateLimitReset: number | undefined;
  /** Partial errors from a 200 answer, as X sent them. */
  readonly partialErrors: unknown[];
  /** The rate-limit headers of the failed answer, when it had them. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** True when Perch refused to send because X's last answer said the limit was used up (nothing was sent). */
  readonly local: boolean;
  /** X's clock when it answered (its `Date` header, epoch ms), to read its resets against: clocks drift. */
  readonly serverDate: number | undefined;

  constructor(
    kind: XErrorKind,
    init: {
      status?: number | undefined;
      problem?: XProblem | undefined;
      rateLimitReset?: number | undefined;
      rateLimit?: RateLimitInfo | undefined;
      local?: boolean;
      serverDate?: number | undefined;
      partialErrors?: unknown[];
      cause?: unknown;
    } = {},
  ) {
    super(userMessage(kind, init.rateLimitReset, init.problem), { cause: init.cause });
    this.name = 'XApiError';
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem ?? {};
    this.rateLimitReset = init.rateLimitReset;
    this.partialErrors = init.partialErrors ?? [];
    this.rateLimit = init.rateLimit;
    this.local = init.local ?? false;
    this.serverDate = init.serverDate;
  }
}

/** X's own words for a refusal: the `errors[].message`s when it gave them, else its `detail`. */
export function xWords(problem?: XProblem): string | undefined {
  const messages = (problem?.messages ?? []).filter((m) => m.trim());
  if (messages.length) return messages.join(' ');
  return problem?.detail?.trim() || undefined;
}

/** The sentence shown to the user for each kind of failure. */
export function userMessage(kind: XErrorKind, rateLimitReset?: number, problem?: XProblem): string {
  switch (kind) {
    case 'signed-out':
      return 'You are signed out of X. Sign in with X again.';
    case 'missing-permission':
      return 'Perch does not have permission for this. Sign out and sign in with X again to grant it.';
    case 'enterprise-only':
      return 'X allows this only for apps on the Enterprise plan.';
    case 'app-no-access':
      return 'Your X app does not have access to this part of the X API. Check its access in the X developer console (console.x.com).';
    case 'usage-capped':
      return 'Your X app is out of credits or over its spending limit, so X refuses requests. Add credits or raise the limit in the X developer console (console.x.com), then press Retry.';
    case 'not-found':
      return 'X could not find it: it may have been deleted.';
    case 'rate-limited':
      return rateLimitReset
        ? `X’s limit for this is used up. It will work again at ${timeOf(rateLimitReset)}.`
        : 'X’s limit for this is used up. Try again later.';
    case 'unavailable':
      return 'X is not answering right now. Try again in a moment.';
    case 'offline':
      return 'Perch could not reach X. Check your connection.';
    case 'malformed':
      return 'X sent an answer Perch could not read. Nothing was changed.';
    case 'invalid-request': {
      const words = xWords(problem);
      return words ? `X refused the request: ${words}` : 'X refused the request.';
    }
    case 'forbidden': {
      const words = xWords(problem);
      return words ? `X does not allow this: ${words}` : 'X does not allow this.';
    }
  }
}
