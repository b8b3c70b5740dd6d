import { XApiError } from '../x/errors';

/** What went wrong with signing in or staying signed in, in a form the UI can word for a person. */
export type AuthErrorKind =
  'not-configured' | 'cancelled' | 'redirect-mismatch' | 'state-mismatch' | 'denied' | 'signed-out' | 'network' | 'server' | 'busy';

const MESSAGES: Record<AuthErrorKind, string> = {
  'not-configured': 'Add your X app’s Client ID in Perch’s settings first.',
  cancelled: 'Sign-in was cancelled. Nothing was changed.',
  'redirect-mismatch': 'X sent the sign-in back to an address Perch did not expect. Nothing was saved; please try again.',
  'state-mismatch': 'That sign-in answer did not belong to this sign-in attempt. Nothing was saved; please try again.',
  denied: 'X did not accept the sign-in request.',
  'signed-out': 'You are signed out. Sign in with X again.',
  network: 'Perch could not reach X. Check your connection and try again.',
  server: 'X had a problem with the sign-in. Please try again in a moment.',
  busy: 'A sign-in is already open in another window.',
};

/** One error type for sign-in and token problems. `message` is always fit to show to a user. */
export class AuthError extends Error {
  readonly kind: AuthErrorKind;
  constructor(kind: AuthErrorKind, message: string = MESSAGES[kind], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthError';
    this.kind = kind;
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
    return new AuthError(
      'network',
      'X’s sign-in page did not load. Check that your X app’s Client ID and callback URL are the ones in Perch’s settings, and your connection; “Check my X app” says more.',
      { cause: error },
    );
  }
  return new AuthError('network', 'X’s sign-in page could not be opened. Check your connection and try again.', { cause: error });
}

/** Words a token failure as an X API failure: X unreachable, X failing, or signed out. */
export function toXApiError(error: unknown): XApiError {
  if (error instanceof XApiError) return error;
  const kind = error instanceof AuthError ? error.kind : undefined;
  if (kind === 'network') return new XApiError('offline', { cause: error });
  if (kind === 'server') return new XApiError('unavailable', { cause: error });
  return new XApiError('signed-out', { cause: error });
}
