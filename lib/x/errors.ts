/** The kinds of X API failure a person can tell apart, each with its own wording. */
export type XErrorKind =
  | 'signed-out'
  | 'missing-permission'
  | 'enterprise-only'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'offline'
  | 'malformed'
  | 'invalid-request'
  | 'forbidden';

/** X's x-rate-limit-* headers: the window's limit, what is left, and when it resets (Unix seconds). */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  reset: number;
}

export interface XProblem {
  type?: string;
  title?: string;
  detail?: string;
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

  constructor(
    kind: XErrorKind,
    init: {
      status?: number;
      problem?: XProblem;
      rateLimitReset?: number;
      rateLimit?: RateLimitInfo;
      local?: boolean;
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
  }
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
    case 'invalid-request':
      return problem?.detail ? `X refused the request: ${problem.detail}` : 'X refused the request.';
    case 'forbidden':
      return problem?.detail ? `X does not allow this: ${problem.detail}` : 'X does not allow this.';
  }
}
