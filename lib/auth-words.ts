import { SAID_MAX, saidOf } from './compose-words';

/**
 * Why signing in failed, or why an account was signed out, as the background keeps it: a kind and the facts its
 * sentence names (X's OAuth error code, an HTTP status, X's own words), never the sentence. The screen words it in its
 * reader's language (lib/auth-words-text.ts). Plain code, no zod and no wording: the background and the screens both
 * import it, and lib/storage.ts checks stored notices with it, so the worker and every screen's first load carry no
 * sentence of it.
 */

/** What went wrong with signing in or staying signed in, as a reply's kind (lib/views.ts ERROR_KINDS lists them). */
export type AuthErrorKind =
  'not-configured' | 'cancelled' | 'redirect-mismatch' | 'state-mismatch' | 'denied' | 'signed-out' | 'network' | 'server' | 'busy';

/** Each sentence Perch has about signing in: a kind's plain one, or one naming facts. */
export const AUTH_WORD_KINDS = [
  'not-configured',
  'cancelled',
  'redirect-mismatch',
  'state-mismatch',
  'denied',
  'signed-out',
  'network',
  'server',
  'busy',
  // The consent window: X's page did not load (Chrome), or could not be opened.
  'page-not-loaded',
  'page-not-opened',
  // X sent the person back with an `error` other than access_denied (`code`, `said`).
  'denied-code',
  // X's token answer had no refresh token.
  'no-offline-access',
  // X refused the refresh token or code (`code`, `said`): the account is signed out.
  'grant-gone',
  // As 'grant-gone', after an earlier renewal of the same refresh token was cut off before X's answer arrived.
  'renewal-cut-off',
  // X refused the token request otherwise (`code`, `said`).
  'refused-code',
  // X failed the token request (`status`).
  'server-status',
  'timeout',
  // Tokens issued, but GET /2/users/me failed (`apiKind`, `reset`, `said`: X's refusal, worded as lib/error-words.ts does).
  'no-account',
  // Perch holds no usable refresh token for an account the screens show as signed in.
  'sign-in-gone',
  // The key that seals refresh tokens on this device could not be stored, or read back.
  'key-not-stored',
] as const;
export type AuthWordsKind = (typeof AUTH_WORD_KINDS)[number];

export interface AuthWords {
  kind: AuthWordsKind;
  /** X's OAuth `error` code, as X sent it (`invalid_grant`, `unauthorized_client`). */
  code?: string;
  /** The HTTP status of X's answer. */
  status?: number;
  /** X's own words (`error_description`, or an API refusal's words): quoted as X's, never translated. */
  said?: string;
  /** For 'no-account': the kind of X API failure (lib/x/errors.ts XErrorKind), and its rate-limit reset (Unix s). */
  apiKind?: string;
  reset?: number;
}

const KINDS: ReadonlySet<string> = new Set(AUTH_WORD_KINDS);
const FIELDS: ReadonlySet<string> = new Set(['kind', 'code', 'status', 'said', 'apiKind', 'reset']);
/** RFC 6749 §5.2: an `error` code is printable ASCII; X's are short words joined by `_`. */
const CODE = /^[\x20-\x7e]{1,200}$/;
const API_KIND = /^[a-z-]{1,40}$/;

const absentOr = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The words when `raw` is exactly their shape and within bounds (a known kind, a printable code, a status, X's words
 * of at most {@link SAID_MAX} characters), else undefined: what storage or a reply holds is never trusted.
 */
export function authWordsOf(raw: unknown): AuthWords | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const w = raw as Record<string, unknown>;
  const sound =
    Object.keys(w).every((k) => FIELDS.has(k)) &&
    typeof w.kind === 'string' &&
    KINDS.has(w.kind) &&
    absentOr(w.code, (v) => typeof v === 'string' && CODE.test(v)) &&
    absentOr(w.status, (v) => isInt(v, 100, 599)) &&
    absentOr(w.said, (v) => typeof v === 'string' && v.trim() !== '' && v.length <= SAID_MAX) &&
    absentOr(w.apiKind, (v) => typeof v === 'string' && API_KIND.test(v)) &&
    absentOr(w.reset, (v) => isInt(v, 0, 1e11));
  return sound ? (w as unknown as AuthWords) : undefined;
}

/**
 * X's OAuth `error` code and `error_description` as facts for words: the code when it is one {@link authWordsOf}
 * accepts, X's words shortened to its bound (lib/compose-words.ts `saidOf`), so what is made can always be stored.
 */
export function oauthFacts(code: unknown, description: unknown): Pick<AuthWords, 'code' | 'said'> {
  const said = saidOf(description);
  return { ...(typeof code === 'string' && CODE.test(code) ? { code } : {}), ...(said ? { said } : {}) };
}
