import { i18n } from '#i18n';
import type { AuthWords } from './auth-words';
import { errorWords, withSaid } from './error-words';
import { timeOf } from './reader-locale';

/**
 * Sign-in's words (lib/auth-words.ts: a kind and the facts its sentence names) as sentences, for the screens: the
 * background keeps and answers only the kind and facts, so this module is never in the worker (test/bench/bundle.ts).
 */

/**
 * The words in the reader's language (i18n on the screen that calls it). X's own words (`said`) are quoted as X's and bidi-isolated, never translated. `clock` says a reset (epoch ms) as a
 * time of day, the reader's way by default.
 */
export function authWordsText(words: AuthWords, clock: (epochMs: number) => string = timeOf): string {
  const code = words.code ?? '?';
  switch (words.kind) {
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
    case 'page-not-loaded':
      return i18n.t('auth_error_page_not_loaded');
    case 'page-not-opened':
      return i18n.t('auth_error_page_not_opened');
    case 'denied-code':
      return withSaid(i18n.t('auth_error_denied_code', { code }), words.said);
    case 'no-offline-access':
      return i18n.t('auth_error_no_offline_access');
    case 'grant-gone':
      return withSaid(i18n.t('auth_error_grant_gone'), words.said);
    case 'renewal-cut-off':
      return withSaid(i18n.t('auth_error_renewal_cut_off'), words.said);
    case 'refused-code':
      return withSaid(i18n.t('auth_error_refused_code', { code }), words.said);
    case 'server-status':
      return words.status === undefined
        ? i18n.t('auth_error_server')
        : i18n.t('auth_error_server_status', { status: String(words.status) });
    case 'timeout':
      return i18n.t('auth_error_timeout');
    case 'no-account':
      if (words.apiKind === undefined) return i18n.t('auth_error_no_account');
      return i18n.t('auth_error_no_account_because', {
        message: errorWords(
          {
            kind: words.apiKind,
            ...(words.reset !== undefined ? { reset: words.reset } : {}),
            ...(words.said ? { said: words.said } : {}),
          },
          clock,
        ),
      });
    case 'sign-in-gone':
      return i18n.t('auth_error_sign_in_gone');
    case 'key-not-stored':
      return i18n.t('auth_error_key_not_stored');
  }
}
