import type { AuthWords } from './auth-words';
import type { OwnWords } from './own-words';
import type { ReplyWords } from './reply-words';

/**
 * Every kind of failure a reply can carry, so a screen can switch on it exhaustively (components/error-text.ts).
 * X's answers (lib/x/errors.ts XErrorKind, from the client's kindOf), sign-in (lib/auth/errors.ts), compose
 * (lib/services/compose.ts), the outbox (lib/services/outbox.ts), and the message layer's own. The contract checks
 * at compile time that each of those error types' kinds is listed here.
 */
export const ERROR_KINDS = [
  // X's answers (lib/x/errors.ts)
  'signed-out',
  'missing-permission',
  'enterprise-only',
  'app-no-access',
  'usage-capped',
  'not-found',
  'rate-limited',
  'unavailable',
  'offline',
  'malformed',
  'invalid-request',
  'forbidden',
  // sign-in (lib/auth/errors.ts)
  'not-configured',
  'cancelled',
  'redirect-mismatch',
  'state-mismatch',
  'denied',
  'network',
  'server',
  'busy',
  // compose (lib/services/compose.ts)
  'outcome-unknown',
  'no-draft',
  'invalid-post',
  'invalid-image',
  'reply-refused',
  // the outbox (lib/services/outbox.ts)
  'unknown-action',
  'cannot-undo',
  'cannot-cancel',
  'cannot-retry',
  // the message layer: a request the background refused unread, a background that did not answer, anything else
  'bad-request',
  'unreachable',
  'error',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const KNOWN_KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);

/** The kind itself when it is one Perch words, else 'error' (an action row stored by an older version, say). */
export function errorKindOf(kind: unknown): ErrorKind {
  return typeof kind === 'string' && KNOWN_KINDS.has(kind) ? (kind as ErrorKind) : 'error';
}

/**
 * A failure as a reply carries it: its kind, and the background's message (already fit to show), or, for Perch's own
 * words, no message but those words by kind and facts, which the screen words in its reader's language:
 * - `own`: a request Perch did not send (not what X takes), or about a draft or its media, with X's words (`said`)
 *   beside them, quoted as X's (lib/own-words.ts; worded by components/error-text.ts and compose-error-text.ts);
 * - `auth`: about signing in or staying signed in, X's words among their facts (lib/auth-words.ts);
 * - `replyWords`: any other refusal of Perch's own (the outbox's undo, cancel and retry, a draft gone, a page not yet
 *   clicked in: lib/reply-words.ts).
 * The screens check each against its bounds before wording it (lib/messaging.ts `MessageError`).
 */
export interface ErrorReply {
  kind: ErrorKind;
  message: string;
  own?: OwnWords;
  said?: string;
  auth?: AuthWords;
  replyWords?: ReplyWords;
}
