import { i18n } from '#i18n';
import { XApiError } from '../x/errors';

/** What went wrong with signing in or staying signed in, in a form the UI can word for a person. */
export type AuthErrorKind =
  'not-configured' | 'cancelled' | 'redirect-mismatch' | 'state-mismatch' | 'denied' | 'signed-out' | 'network' | 'server' | 'busy';

/** Perch's words for a kind, in the reader's language (worded when the error is made, never at import). */
function messageOf(kind: AuthErrorKind): string {
  switch (kind) {
    case 'not-configured':
      return i18n.t('auth_error_not_configured');
    case 'cancelled':
      return i18n.t('auth_error_cancelled');
    case 'redirect-mismatch':
      return i18n.t('auth_error_redirect_mismatch');
    case 'state-mismatch':
      return i18n.t('auth_error_state_mismatch');
    case 'denied':
      return i18n.t('auth_error_denied');
    case 'signed-out':
      return i18n.t('auth_error_signed_out');
    case 'network':
      return i18n.t('auth_error_network');
    case 'server':
      return i18n.t('auth_error_server');
    case 'busy':
      return i18n.t('auth_error_busy');
  }
}

/** One error type for sign-in and token problems. `message` is always fit to show to a user. */
export class AuthError extends Error {
  readonly kind: AuthErrorKind;
  constructor(kind: AuthErrorKind, message: string = messageOf(kind), options?: { cause?: unknown }) {
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
    return new AuthError('network', i18n.t('auth_error_page_not_loaded'), { cause: error });
  }
  return new AuthError('network', i18n.t('auth_error_page_not_opened'), { cause: error });
}

/** Words a token failure as an X API failure: X unreachable, X failing, or signed out. */
export function toXApiError(error: unknown): XApiError {
  if (error instanceof XApiError) return error;
  const kind = error instanceof AuthError ? error.kind : undefined;
  if (kind === 'network') return new XApiError('offline', { cause: error });
  if (kind === 'server') return new XApiError('unavailable', { cause: error });
  return new XApiError('signed-out', { cause: error });
}
