import { browser } from 'wxt/browser';
import type { ActionRequest, ErrorReply, Reply, Request, RequestOf, RequestType, Responses } from './message-contract';
import { authWordsOf, type AuthWords } from './auth-words';
import { authWordsText } from './auth-words-text';
import { composeWordsOf, saidOf, type ComposeWords } from './compose-words';
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
 * An error the background reported, with a message fit to show the user, or Perch's own words about a draft or its
 * media by kind and facts (`own`, with X's words in `said`), for the screen to word (components/compose-error-text.ts).
 * A sign-in failure comes as its words by kind and facts (`auth`), and its `message` is worded here, in the reader's
 * language.
 */
export class MessageError extends Error {
  readonly kind: ErrorReply['kind'];
  /** Only words within the contract's bounds (lib/compose-words.ts): anything else is left out, never shown. */
  readonly own: ComposeWords | undefined;
  readonly said: string | undefined;
  /** Sign-in's words, when they are within their bounds (lib/auth-words.ts `authWordsOf`). */
  readonly auth: AuthWords | undefined;
  constructor(error: ErrorReply) {
    const auth = authWordsOf(error.auth);
    super(auth ? authWordsText(auth) : error.message);
    this.name = 'MessageError';
    this.auth = auth;
    // A kind this version does not know (a background newer than the page) is worded as any other failure.
    this.kind = errorKindOf(error.kind);
    this.own = composeWordsOf(error.own);
    this.said = this.own ? saidOf(error.said) : undefined;
  }
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
    throw new MessageError({ kind: 'unreachable', message: `Perch’s background could not be reached (${String(cause)}). Try again.` });
  }
  if (!isReply(raw)) throw new MessageError({ kind: 'unreachable', message: 'Perch’s background did not answer. Try again.' });
  if (!raw.ok) throw new MessageError(raw.error);
  return raw.data as Responses[T];
}
