import { browser } from 'wxt/browser';
import type { ActionRequest, Request, RequestType } from './message-contract';
import type { AppCheckView } from './services/app-check';
import type { DraftView } from './services/compose';
import type { PostView, UserView } from './services/lookups';
import type { SyncResult } from './services/sync';
import type { ActionBrief, PostContext, ProfileContext } from './services/tab-context';
import type { AccountView } from './storage';

/**
 * The one message contract between the UIs (popup, side panel, options) and the background: what each request
 * answers with, and `sendMessage`. The background validates every request with zod (lib/message-contract.ts);
 * answers are plain JSON and never carry a token.
 */

export type {
  ActionBrief,
  ActionRequest,
  AppCheckView,
  DraftView,
  PostContext,
  PostView,
  ProfileContext,
  Request,
  RequestType,
  SyncResult,
  UserView,
};

export interface Settings {
  clientId: string;
  /** True when the Client ID in use came with the build rather than from the user. */
  clientIdFromBuild: boolean;
  /** The exact callback URL to register with the X app. */
  redirectUrl: string;
  browserName: 'chrome' | 'firefox';
  /** The person says their X app is on the Enterprise plan: no self-serve limits on replies, quotes, blocks, cashtags. */
  enterprisePlan: boolean;
}

/** What each request answers with. */
export interface Responses {
  'auth.signIn': AccountView;
  'auth.signOut': null;
  'account.switch': null;
  'account.check': AccountView;
  /** "Check my X app" for the active account (or, without one, what the last sign-in said): at most one billed read. */
  'app.check': AppCheckView;
  'settings.get': Settings;
  'settings.setClientId': Settings;
  'settings.setEnterprisePlan': Settings;
  'draft.get': DraftView | null;
  'draft.save': { saved: boolean };
  'draft.discard': null;
  'draft.attachImage': { id: string };
  'post.publish': { ids: string[]; username: string };
  'post.delete': null;
  'action.do': { seq: number; label: string };
  'action.undo': { seq: number; label: string };
  /** Cancels an action still waiting in the queue: never sent, and the store goes back as before it. */
  'action.cancel': null;
  /** Queues again an action that failed for a passing reason (X's limit, X failing), after its last try. */
  'action.retry': null;
  /** Sends now whatever is due (a network failure's back-off is over early; rate limits still hold). */
  'actions.retry': null;
  'sync.run': SyncResult;
  'account.clearData': null;
  'user.lookup': UserView;
  'list.members': { users: UserView[]; nextToken?: string };
  'list.posts': PostView[];
  'tab.post': PostContext;
  'tab.profile': ProfileContext;
  'user.lists': { id: string; name: string; private: boolean; member: boolean }[];
}

export interface ErrorReply {
  kind: string;
  message: string;
}
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorReply };

function isReply(raw: unknown): raw is Reply<unknown> {
  if (!raw || typeof raw !== 'object') return false;
  const r = raw as { ok?: unknown; data?: unknown; error?: { kind?: unknown; message?: unknown } };
  if (r.ok === true) return 'data' in r;
  return r.ok === false && typeof r.error?.kind === 'string' && typeof r.error.message === 'string';
}

/** An error the background reported, with a message fit to show the user. */
export class MessageError extends Error {
  readonly kind: string;
  constructor(error: ErrorReply) {
    super(error.message);
    this.name = 'MessageError';
    this.kind = error.kind;
  }
}

/**
 * Sends a request to the background and returns its answer.
 * @throws MessageError with a user-facing message when the background reports a failure or cannot be reached.
 */
export async function sendMessage<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Responses[T]> {
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
