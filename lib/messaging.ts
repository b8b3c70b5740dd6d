import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ActionRequest, ErrorReply, Reply, Request, RequestOf, RequestType, Responses } from './message-contract';
import { authWordsOf, type AuthWords } from './auth-words';
import { authWordsText } from './auth-words-text';
import { saidOf } from './compose-words';
import { ownWordsOf, type OwnWords } from './own-words';
import { replyWordsOf, type ReplyWords } from './reply-words';
import { replyWordsText } from './reply-words-text';
import { errorKindOf } from './views';

/**
 * The screens' side of the message contract (lib/message-contract.ts, where each message is defined once):
 * `sendMessage`, typed by it, and the view types the answers carry (lib/views.ts). Type-only imports of the
 * contract keep zod out of the screens' bundles.
 */

export type { ActionRequest, ErrorReply, Reply, Request, RequestOf, RequestType, Responses };
export type {
  AccountView,
  ActionBrief,
  AppCheckView,
  DraftSummary,
  DraftView,
  EditView,
  ErrorKind,
  PostContext,
  PostView,
  ProfileContext,
  Settings,
  SyncResult,
  UserView,
} from './views';

function isReply(raw: unknown): raw is Reply<unknown> {
  if (!raw || typeof raw !== 'object') return false;
  const r = raw as { ok?: unknown; data?: unknown; error?: { kind?: unknown; message?: unknown } };
  if (r.ok === true) return 'data' in r;
  return r.ok === false && typeof r.error?.kind === 'string' && typeof r.error.message === 'string';
}

/**
 * An error the background reported, worded in the reader's language: Perch's own words come by kind and facts, never
 * as a sentence in the background's language — a request it did not send, or about a draft or its media (`own`, with
 * X's words in `said`, for the screen to word: components/error-text.ts), about signing in (`auth`), or any other
 * refusal of Perch's (`replyWords`: the outbox's undo, cancel and retry, a draft gone, the bookmarks' refusals of an
 * imported file, a tag, a note or a saved search, lib/reply-words.ts); its `message` is worded here, but for `own`.
 * Words out of their bounds, an unknown kind's, are never shown: the reader gets the generic words instead.
 */
export class MessageError extends Error {
  readonly kind: ErrorReply['kind'];
  /** Only words within the contract's bounds (lib/own-words.ts `ownWordsOf`): anything else is left out, never shown. */
  readonly own: OwnWords | undefined;
  readonly said: string | undefined;
  /** Sign-in's words, when they are within their bounds (lib/auth-words.ts `authWordsOf`). */
  readonly auth: AuthWords | undefined;
  /** Perch's other refusals' words, when they are within their bounds (lib/reply-words.ts `replyWordsOf`). */
  readonly replyWords: ReplyWords | undefined;
  constructor(error: ErrorReply, options?: { cause?: unknown }) {
    const auth = authWordsOf(error.auth);
    const replyWords = auth ? undefined : replyWordsOf(error.replyWords);
    const own = ownWordsOf(error.own);
    super(messageOf(error, { auth, replyWords, own }), options);
    this.name = 'MessageError';
    this.auth = auth;
    this.replyWords = replyWords;
    // A kind this version does not know (a background newer than the page) is worded as any other failure.
    this.kind = errorKindOf(error.kind);
    this.own = own;
    this.said = this.own ? saidOf(error.said) : undefined;
  }
}

/** The reply's words in the reader's language, from its words by kind and facts when it has them. */
function messageOf(
  error: ErrorReply,
  words: { auth: AuthWords | undefined; replyWords: ReplyWords | undefined; own: OwnWords | undefined },
): string {
  if (words.auth) return authWordsText(words.auth);
  if (words.replyWords) return replyWordsText(words.replyWords);
  // Words that are not Perch's (an unknown kind, out of bounds): said as any failure, never shown as they came.
  if (error.auth !== undefined || error.replyWords !== undefined || (error.own !== undefined && !words.own)) return i18n.t('error_generic');
  // The message layer's own failures: nothing the person did, so Perch's words rather than a technical cause.
  if (error.kind === 'bad-request') return i18n.t('error_bad_request');
  if (error.kind === 'unreachable') return i18n.t('error_unreachable');
  // Perch's own words (`own`) are worded by the screens, which read them (components/error-text.ts).
  return words.own ? '' : error.message || i18n.t('error_generic');
}

/**
 * Sends a request to the background and returns its answer.
 * @throws MessageError with a user-facing message when the background reports a failure or cannot be reached.
 */
export async function sendMessage<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  return readReply<T>(browser.runtime.sendMessage(request));
}

/**
 * The answer to a request already sent (the popup's prefetch sends one before this module loads).
 * @throws MessageError with a user-facing message when the background reports a failure or cannot be reached.
 */
export async function readReply<T extends RequestType>(sent: Promise<unknown>): Promise<Responses[T]> {
  let raw: unknown;
  try {
    raw = await sent;
  } catch (cause) {
    throw new MessageError({ kind: 'unreachable', message: '' }, { cause });
  }
  if (!isReply(raw)) throw new MessageError({ kind: 'unreachable', message: '' });
  if (!raw.ok) throw new MessageError(raw.error);
  return raw.data as Responses[T];
}
