import type { AuthErrorKind, AuthWords } from '../auth-words';
import { saidOf } from '../compose-words';
import { XApiError, xWords } from '../x/errors';
import { boundReset } from '../x/limiter';

export type { AuthErrorKind, AuthWords };

/**
 * One error type for sign-in and token problems. `words` is why, by kind and facts (lib/auth-words.ts): what a stored
 * sign-out notice keeps and what the reply to a screen carries, worded there in its reader's language
 * (lib/auth-words-text.ts). `message` is for logs only: the words' kind and X's code, no sentence, so the worker
 * bundles no wording of sign-in.
 */
export class AuthError extends Error {
  readonly kind: AuthErrorKind;
  readonly words: AuthWords;
  /**
   * True when Perch refused the renewal itself, holding X's last 429 on it (lib/auth/renewal-limit.ts): X was asked
   * nothing, so the request it was for is no try.
   */
  readonly held: boolean;
  /** True when `words.reset` is Perch's own wait on renewing (X's 429 said not until when), never X's time. */
  readonly resetOwn: boolean;
  constructor(kind: AuthErrorKind, words: AuthWords = { kind }, options?: { cause?: unknown; held?: boolean; resetOwn?: boolean }) {
    super(words.code === undefined ? words.kind : `${words.kind} (${words.code})`, options);
    this.name = 'AuthError';
    this.kind = kind;
    this.words = words;
    this.held = options?.held ?? false;
    this.resetOwn = options?.resetOwn ?? false;
  }
}

/**
 * Tells whether `launchWebAuthFlow` failed because the page it opened did not load: Chrome ends the flow so when the
 * page answers an HTTP error (X's answer to an unknown Client ID or a callback URL the app does not list) or X cannot
 * be reached. Firefox shows such a page in its window instead, and the flow ends when the person closes it.
 */
export function isPageLoadFailure(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  // Chrome: "Authorization page could not be loaded."
  return /authorization page could not be loaded/i.test(text);
}

/** Tells whether `launchWebAuthFlow` failed because the person closed the window or said no. */
export function isCancelledFlowError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  // Chrome: "The user did not approve access." Firefox: "User cancelled or denied access."
  return /did not approve access|cancelled or denied access/i.test(text);
}

/** The AuthError for a consent window that did not end with X's answer: closed by the person, or not loaded. */
export function consentWindowError(error: unknown): AuthError {
  if (isCancelledFlowError(error)) return new AuthError('cancelled');
  if (isPageLoadFailure(error)) {
    return new AuthError('network', { kind: 'page-not-loaded' }, { cause: error });
  }
  return new AuthError('network', { kind: 'page-not-opened' }, { cause: error });
}

/**
 * Words a token failure as an X API failure: X unreachable, X failing, X's limit on renewals, X refusing Perch's app, or
 * signed out. A sign-in key Perch could not read stays a passing failure (sent again later, as for X failing) but in
 * Perch's own words: nothing reached X.
 */
export function toXApiError(error: unknown): XApiError {
  if (error instanceof XApiError) return error;
  const kind = error instanceof AuthError ? error.kind : undefined;
  if (kind === 'network') return new XApiError('offline', { cause: error });
  if (kind === 'server' && (error as AuthError).words.kind === 'key-not-stored') {
    return new XApiError('unavailable', { ownWords: { kind: 'sign-in-unread' }, cause: error });
  }
  // X answered the renewal 429: its limit, not X failing. It is the token endpoint's limit, not the request's: marked
  // so, the limiter holds nothing back for the endpoint the request was for, and the outbox waits its own back-off.
  // Worded as the sign-in's limit, with the time X allows a renewal again (`reset`), so the outbox waits until then.
  // Held by Perch (X's last 429 still holds), X was asked nothing: `local`, so the outbox counts no try.
  if (kind === 'server' && (error as AuthError).words.kind === 'server-status' && (error as AuthError).words.status === 429) {
    const reset = (error as AuthError).words.reset;
    return new XApiError('rate-limited', {
      status: 429,
      tokenStep: true,
      ...((error as AuthError).held ? { local: true } : {}),
      ownWords: { kind: 'renewal-limited' },
      // Perch's own minute (X said not until when) is waited, but not stored nor said as X's time (resetOwn).
      ...(reset !== undefined ? { rateLimitReset: reset, resetOwn: (error as AuthError).resetOwn } : {}),
      cause: error,
    });
  }
  if (kind === 'server') return new XApiError('unavailable', { cause: error });
  if (kind === 'denied' && (error as AuthError).words.kind === 'refused-code') {
    // X refused the renewal with an OAuth error code (RFC 6749 5.2); X's error_description (else its code) is quoted
    // as X's. The account stays signed in, and nothing is retried by itself (the outbox fails the action).
    const words = (error as AuthError).words;
    const said = words.said ?? words.code;
    const problem = said ? { problem: { detail: said } } : {};
    // unauthorized_client, invalid_client: X refused the app itself (the Client ID gone, turned confidential, no longer
    // allowed): nothing goes through until the app is fixed or the person signs in again.
    if (words.code === 'unauthorized_client' || words.code === 'invalid_client') {
      return new XApiError('app-no-access', { ownWords: { kind: 'app-refused' }, ...problem, cause: error });
    }
    // Any other code (invalid_scope, unsupported_grant_type, one X adds later) says nothing of the app nor of the
    // grant's end: X refused, in X's words.
    return new XApiError('invalid-request', { ...problem, cause: error });
  }
  return new XApiError('signed-out', { cause: error });
}

/**
 * Why GET /2/users/me failed right after sign-in, as words: X's refusal by kind, reset and X's own words when X
 * answered (an app out of credits is not fixed by trying again), else the plain sentence. The reset is bounded as the
 * limiter bounds one (lib/x/limiter.ts boundReset: X's clock read against ours, at most 24 h from `nowMs`): this
 * GET is sent outside the limiter, and a reset X gives far ahead must not name a date years away.
 */
export function noAccountWords(error: unknown, nowMs: number): AuthWords {
  if (!(error instanceof XApiError) || error.status === undefined) return { kind: 'no-account' };
  const said = saidOf(xWords(error.problem));
  const reset = boundReset(error.rateLimitReset, nowMs, error.serverDate);
  return {
    kind: 'no-account',
    apiKind: error.kind,
    ...(reset !== undefined && Number.isInteger(reset) && reset >= 0 ? { reset } : {}),
    ...(said ? { said } : {}),
  };
}

/** Whether X's answer came back: every failure but 'network' (X not reached, or its answer lost on the way). */
export function answeredByX(error: unknown): boolean {
  return !(error instanceof AuthError && error.kind === 'network');
}

/**
 * Why X's refusal of a renewal signed the account out: X's words as they are, or, when an earlier renewal of the same
 * refresh token was cut off before X's answer arrived, that ('renewal-cut-off', X's words kept).
 */
export function renewalWords(words: AuthWords, cutOff: boolean): AuthWords {
  return cutOff && words.kind === 'grant-gone' ? { ...words, kind: 'renewal-cut-off' } : words;
}
