import { i18n } from '#i18n';
import { authWordsOf } from '@/lib/auth-words';
import { authWordsText } from '@/lib/auth-words-text';
import { saidOf } from '@/lib/compose-words';
import { ownSaidText } from '@/lib/error-words';
import { MessageError, type ErrorKind, type ErrorReply } from '@/lib/messaging';
import { ownWordsOf } from '@/lib/own-words';
import { replyWordsOf } from '@/lib/reply-words';
import { replyWordsText } from '@/lib/reply-words-text';

export { actionErrorText } from '@/lib/action-words';

/**
 * The one place a failure the background reported becomes words on a screen. The switch is exhaustive over
 * ErrorKind (lib/views.ts): a new kind without its wording here is a type error.
 */
export function errorText(error: ErrorReply): string {
  // Sign-in's words, by kind and facts: worded in the reader's language, X's words quoted as X's.
  const auth = authWordsOf(error.auth);
  if (auth) return authWordsText(auth);
  // Perch's other refusals, by kind and facts (lib/reply-words.ts); words out of their bounds are never shown.
  const replyWords = replyWordsOf(error.replyWords);
  if (replyWords) return replyWordsText(replyWords);
  // Perch's own words (a request it did not send, a draft's or its media's), X's words (if any) quoted after them.
  const own = ownWordsOf(error.own);
  if (own) return ownSaidText(own, saidOf(error.said)) ?? i18n.t('error_generic');
  if (error.auth !== undefined || error.replyWords !== undefined || error.own !== undefined) return i18n.t('error_generic');
  const kind: ErrorKind = error.kind;
  switch (kind) {
    // X's answers: the background words them from X's status, problem type and rate-limit reset (lib/x/errors.ts).
    case 'signed-out':
    case 'missing-permission':
    case 'enterprise-only':
    case 'app-no-access':
    case 'usage-capped':
    case 'not-found':
    case 'rate-limited':
    case 'unavailable':
    case 'offline':
    case 'malformed':
    case 'invalid-request':
    case 'forbidden':
    // Sign-in, compose and the outbox: their messages say what happened and what to do, with the names involved.
    case 'not-configured':
    case 'cancelled':
    case 'redirect-mismatch':
    case 'state-mismatch':
    case 'denied':
    case 'network':
    case 'server':
    case 'busy':
    case 'outcome-unknown':
    case 'no-draft':
    case 'invalid-post':
    case 'invalid-image':
    case 'reply-refused':
    case 'unknown-action':
    case 'cannot-undo':
    case 'cannot-cancel':
    case 'cannot-retry':
      return error.message || i18n.t('error_generic');
    // The message layer's own: nothing the person did, so Perch's words rather than a technical cause.
    case 'bad-request':
      return i18n.t('error_bad_request');
    case 'unreachable':
      return i18n.t('error_unreachable');
    case 'error':
      return error.message || i18n.t('error_generic');
    default:
      return unknownKind(kind);
  }
}

function unknownKind(kind: never): string {
  return `${i18n.t('error_generic')} (${String(kind)})`;
}

/** A caught value as an ErrorReply: a MessageError's kind, message and words, anything else as 'error'. */
export function errorOf(e: unknown): ErrorReply {
  if (e instanceof MessageError) {
    return {
      kind: e.kind,
      message: e.message,
      ...(e.auth ? { auth: e.auth } : {}),
      ...(e.replyWords ? { replyWords: e.replyWords } : {}),
      ...(e.own ? { own: e.own } : {}),
      ...(e.said ? { said: e.said } : {}),
    };
  }
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

/** The words for anything a `sendMessage` call threw. */
export function thrownText(e: unknown): string {
  return errorText(errorOf(e));
}

/**
 * A missing account: X answers alike for one that doesn't exist and one that is suspended, and says which only in
 * its error's words ("User has been suspended: [name].": x-api--users--lookup--integrate.txt).
 */
export function missingAccountText(username: string, said?: string): string {
  return /\bsuspended\b/i.test(said ?? '') ? i18n.t('lookup_suspended', { username }) : i18n.t('lookup_not_found', { username });
}
