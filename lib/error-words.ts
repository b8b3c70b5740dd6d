import { i18n } from '#i18n';
import type { ActionError, OwnWords } from './action-error';
import { isolateBidi } from './text/bidi';

/**
 * The one wording of a failure Perch knows by its kind (X's refusals, lib/x/errors.ts; the outbox's own), in the
 * language i18n speaks when it is called: the screen's, for a failure stored and read later (components/error-text.ts),
 * or the background's at the moment, which is the same browser's. X's own words stay X's: quoted, never translated.
 */

/** Kinds whose wording names X's own reason when X gave one (a 400's `errors[].message`, a 403's `detail`). */
const QUOTES_X = new Set(['invalid-request', 'forbidden']);

/** Perch's words for a kind of failure; undefined for a kind it has none for. `clock` says X's reset (epoch ms) as a time. */
function kindWords(error: ActionError, clock: (epochMs: number) => string): string | undefined {
  switch (error.kind) {
    case 'signed-out':
      return i18n.t('x_error_signed_out');
    case 'missing-permission':
      return i18n.t('x_error_missing_permission');
    case 'enterprise-only':
      return i18n.t('x_error_enterprise_only');
    case 'app-no-access':
      return i18n.t('x_error_app_no_access');
    case 'usage-capped':
      return i18n.t('x_error_usage_capped');
    case 'not-found':
      return i18n.t('x_error_not_found');
    case 'rate-limited':
      return error.reset ? i18n.t('x_error_rate_limited_until', { time: clock(error.reset * 1000) }) : i18n.t('x_error_rate_limited');
    case 'unavailable':
      return i18n.t('x_error_unavailable');
    case 'offline':
      return i18n.t('x_error_offline');
    case 'malformed':
      return i18n.t('x_error_malformed');
    case 'invalid-request':
      return i18n.t('x_error_invalid_request');
    case 'forbidden':
      return i18n.t('x_error_forbidden');
    case 'cancelled':
      return i18n.t('action_error_cancelled');
    case 'unknown-action':
      return i18n.t('action_error_unknown', { type: error.type ?? '' });
    default:
      return undefined;
  }
}

/** Perch's own sentence for a failure it caught itself; undefined for one this version does not know. */
export function ownWordsText(own: OwnWords): string | undefined {
  switch (own.kind) {
    case 'not-sent':
      return i18n.t('x_error_not_sent');
    default:
      return undefined;
  }
}

/**
 * X's own words, marked as X's (X said: “…”) and isolated (FSI…PDI) so they cannot rearrange the words around them.
 */
export function xSaidText(words: string): string {
  return i18n.t('x_error_said', { words: isolateBidi(words) });
}

/**
 * A failure in words, from its kind and facts: "X’s limit for this is used up. It will work again at 14:05.",
 * "X does not allow this. X said: “You cannot mute yourself.”". A kind without words of its own says something went
 * wrong. `clock` formats X's reset (epoch ms) as a time of day in the reader's locale.
 */
export function errorWords(error: ActionError, clock: (epochMs: number) => string): string {
  // Perch's own sentence stands instead of the kind's, with X's words (if any) quoted after it, as XApiError says it.
  const own = error.own && ownWordsText(error.own);
  if (own) return error.said ? `${own} ${xSaidText(error.said)}` : own;
  const words = kindWords(error, clock) ?? i18n.t('error_generic');
  return error.said && QUOTES_X.has(error.kind) ? `${words} ${xSaidText(error.said)}` : words;
}
