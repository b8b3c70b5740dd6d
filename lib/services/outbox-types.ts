import type { Table } from 'dexie';
import type { ActionRow, PerchDb } from '../db';
import type { XClient } from '../x/client';
import type { ReplyWords } from '../reply-words';
import { RefusedError } from '../refused-error';
import type { ActionChange } from './outbox-feed';

/** The outbox's vocabulary: what an action type declares, what the outbox needs, and how long it waits. */

export type Params = Record<string, string | boolean | undefined>;
export type Result = Record<string, string | boolean>;

/** How one kind of action is shown, sent, rolled back and undone. */
export interface ActionDef {
  /** Which actions must keep their order with this one (same post, same account, same list …). */
  target(params: Params): string;
  /** Tables the optimistic change touches. */
  tables(d: PerchDb): Table[];
  /** Shows the action in the store at once; returns what is needed to roll it back. Runs in a transaction. */
  apply(d: PerchDb, accountId: string, params: Params): Promise<unknown>;
  /** Puts the store back as it was. Runs in a transaction. */
  rollback(d: PerchDb, accountId: string, params: Params, snapshot: unknown): Promise<void>;
  /** Sends it to X. */
  execute(client: XClient, accountId: string, params: Params): Promise<Result | void>;
  /** After X confirmed: store what X answered (e.g. a new list's id). Runs in a transaction. */
  confirm?(d: PerchDb, accountId: string, params: Params, result: Result | undefined): Promise<void>;
  /** Sending it twice does no harm (true for every toggle); false for creations. */
  idempotent: boolean;
  /**
   * For a non-idempotent action whose answer was lost: looks on X for its effect. A result means it happened;
   * undefined means it did not, and it may be sent again.
   */
  reconcile?(client: XClient, accountId: string, params: Params, action: ActionRow): Promise<Result | undefined>;
  /**
   * The result of this action when X answered its write with a success Perch could not read (lib/services/outbox-answer.ts):
   * done as asked, with no more known. Only for an idempotent action; absent, the result is none.
   */
  unreadAnswer?: Result;
  /** The action that reverses this one on X, if X can. */
  inverse?(params: Params, result: Result | undefined): { type: string; params: Params } | undefined;
}

/**
 * Which actions must keep their order with this one, or undefined when its stored parameters cannot be read (a row
 * of another version, a write cut off, a corrupted store: `target` throws on them). Throws nothing.
 */
export function targetOf(def: ActionDef, params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  try {
    return def.target(params as Params);
  } catch {
    return undefined;
  }
}

export interface OutboxDeps {
  defs: Record<string, ActionDef>;
  /** An X client acting as the account (rate-limited). */
  clientFor(accountId: string): Promise<XClient>;
  /** Asks to be woken at this time (epoch ms) to send what is waiting. */
  wakeAt(at: number): void;
  /** Told each time an action changes state, after the change is stored (lib/services/outbox-feed.ts). */
  publish?: (change: ActionChange) => void;
  now?: () => number;
  random?: () => number;
}

/**
 * How long an action waits before its next try after X failed it, by the number of tries so far: 5 s, 15 s,
 * 20 min, 40 min, then hourly — jittered ±25 %, and never sooner than a rate limit's reset. Two quick retries
 * ride out a blip; the gap after the third try (at least 15 min even with jitter) keeps every action to at most
 * three requests in any 15 minutes.
 */
export const RETRY_DELAYS_MS = [5_000, 15_000, 20 * 60_000, 40 * 60_000, 60 * 60_000];
/**
 * Tries before an action that X keeps refusing for a while (429), failing (5xx) or answering unreadably fails
 * with X's last reason (and Retry). Network drops do not count: nothing reached X, and it is retried at the pace
 * above until it does.
 */
export const MAX_ATTEMPTS = 5;

/**
 * Raised for an action type the outbox does not know, or an action that may not be undone, cancelled or sent again:
 * why, as words by kind and facts (lib/reply-words.ts), which the screen words in its reader's language.
 */
export class OutboxError extends RefusedError {
  declare readonly kind: 'unknown-action' | 'cannot-undo' | 'cannot-cancel' | 'cannot-retry';
  constructor(kind: OutboxError['kind'], words: ReplyWords) {
    super(kind, words);
    this.name = 'OutboxError';
  }
}

/** Failures that pass: an action that failed so may be sent again (Retry). */
export const RETRYABLE = new Set(['rate-limited', 'unavailable', 'malformed', 'offline']);
