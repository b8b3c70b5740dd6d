import type { OwnWords } from '../action-error';
import { saidOf } from '../compose-words';
import { errorWords, ownSaidText, ownWordsText, withSaid } from '../error-words';
import { timeOf } from '../reader-locale';

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
  /** `reset` is Perch's own pause, not X's: kept by the limiter after a 429 that gave no reset (lib/x/limiter.ts). */
  own?: true;
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
  /** The `resource_type` of each entry of `errors` that has one (`list`, `user`, `tweet`): what X could not find. */
  resourceTypes?: string[];
}

/** One error type for every X API failure: HTTP status, problem fields, rate-limit reset, user-facing text. */
export class XApiError extends Error {
  readonly kind: XErrorKind;
  readonly status: number | undefined;
  readonly problem: XProblem;
  /** Unix seconds at which the rate-limit window resets, when X said so. */
  readonly rateLimitReset: number | undefined;
  /**
   * True when `rateLimitReset` is Perch's own pause, not X's: X's 429 gave no reset, and the limiter waits X's usual
   * 15-minute window (lib/x/limiter.ts). Its words name no time as X's (X did not say when the limit ends).
   */
  readonly resetOwn: boolean;
  /** Partial errors from a 200 answer, as X sent them. */
  readonly partialErrors: unknown[];
  /** The rate-limit headers of the failed answer, when it had them. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** True when Perch refused to send because X's last answer said the limit was used up (nothing was sent). */
  readonly local: boolean;
  /** X's clock when it answered (its `Date` header, epoch ms), to read its resets against: clocks drift. */
  readonly serverDate: number | undefined;
  /**
   * True when the failure is the sign-in renewal's (X's token endpoint), not the request's own endpoint: the limiter
   * keeps no word of it for the endpoint the request was for.
   */
  readonly tokenStep: boolean;
  /**
   * For a 'malformed' 2xx: true when the answer was JSON by its content-type and its text held no `errors` (X's own
   * success, cut short or off its schema); false for any other page (a proxy's HTML) or an answer naming errors.
   */
  readonly xSuccess: boolean;
  /**
   * Perch's own sentence for this failure, worded through the locales in the reader's language: a check before sending
   * (nothing reached X), or what Perch makes of X's media processing. Shown as Perch's, never quoted as X's: X's own
   * words are only ever in `problem`.
   */
  declare readonly own: string | undefined;
  /** Perch's own sentence by kind (`own` is its words), so an action that failed with it stores no words. */
  readonly ownWords: OwnWords | undefined;

  constructor(
    kind: XErrorKind,
    init: {
      status?: number | undefined;
      problem?: XProblem | undefined;
      rateLimitReset?: number | undefined;
      resetOwn?: boolean;
      rateLimit?: RateLimitInfo | undefined;
      local?: boolean;
      serverDate?: number | undefined;
      tokenStep?: boolean;
      xSuccess?: boolean;
      own?: string | undefined;
      ownWords?: OwnWords | undefined;
      partialErrors?: unknown[];
      cause?: unknown;
    } = {},
  ) {
    super('', { cause: init.cause });
    // Worded when read, in the language the browser speaks then (lib/error-words.ts): nothing is worded for a
    // failure no one shows, and code running outside the extension (the bench) can make one without i18n.
    Object.defineProperty(this, 'message', {
      // Perch's sentence by kind puts X's words where it says them (lib/error-words.ts `ownSaidText`), as a screen does.
      get: () =>
        (init.own === undefined && init.ownWords && ownSaidText(init.ownWords, xWords(init.problem))) ||
        userMessage(kind, init.resetOwn ? undefined : init.rateLimitReset, init.problem, this.own),
      configurable: true,
      enumerable: false,
    });
    this.name = 'XApiError';
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem ?? {};
    this.rateLimitReset = init.rateLimitReset;
    this.resetOwn = init.resetOwn ?? false;
    this.partialErrors = init.partialErrors ?? [];
    this.rateLimit = init.rateLimit;
    this.local = init.local ?? false;
    this.serverDate = init.serverDate;
    this.tokenStep = init.tokenStep ?? false;
    this.xSuccess = init.xSuccess ?? false;
    // Worded when read, like `message`: the reply to a screen carries `ownWords`, which the screen words itself.
    Object.defineProperty(this, 'own', {
      get: () => init.own ?? (init.ownWords && ownWordsText(init.ownWords)),
      configurable: true,
      enumerable: false,
    });
    this.ownWords = init.ownWords;
  }
}

/**
 * X's own words for a refusal: the `errors[].message`s when it gave them, else its `detail`; shortened past
 * SAID_MAX characters (lib/compose-words.ts saidOf), so no reply, stored failure or toolbar title carries X's whole answer.
 */
export function xWords(problem?: XProblem): string | undefined {
  const messages = (problem?.messages ?? []).filter((m) => m.trim());
  return saidOf(messages.length ? messages.join(' ') : problem?.detail?.trim());
}

/**
 * The sentence shown to the user for each kind of failure, in the language the browser speaks now (lib/error-words.ts,
 * the same wording a screen gives a failure stored with an action); X's own words are quoted as X's. Perch's own
 * sentence (`own`), when it has one, stands instead of the kind's words, unquoted, with X's words quoted after it.
 */
export function userMessage(kind: XErrorKind, rateLimitReset?: number, problem?: XProblem, own?: string): string {
  const said = xWords(problem);
  if (own) return withSaid(own, said);
  return errorWords({ kind, ...(rateLimitReset ? { reset: rateLimitReset } : {}), ...(said ? { said } : {}) }, timeOf);
}
