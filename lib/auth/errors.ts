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
