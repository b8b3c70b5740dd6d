import { browser } from 'wxt/browser';
import type { ActionError } from './action-error';
import { AWAITING_PERSON } from './db/rows';
import type { ActionChange } from './services/outbox-feed';

/**
 * The queued actions that ended without the person seeing it — refused by X, out of credits, attempts spent — kept
 * until the person has seen them (Retry, Undo, Dismiss, or the Activity tab): the background paints the toolbar
 * badge from them (entrypoints/background/failure-badge.ts) and the popup's first line says what failed
 * (components/FailedLine.tsx). Plain data and the browser's storage only, so any screen may import it.
 *
 * Stored key `failures.unseen.<X user id>` in storage.local, so it outlives a worker restart and a browser restart.
 * clearOn: sign-out of that account (lib/storage-wipe.ts `failedUnseen`). It holds what the action was (its type
 * and parameters, as the Activity log keeps them) and X's reason — no token.
 */

/** The storage key of one account's unseen failures. */
export const failedKey = (accountId: string) => `failures.unseen.${accountId}`;

/** What every account's key starts with. */
export const FAILED_PREFIX = failedKey('');

/** One action that needs the person. */
export interface FailureNote {
  seq: number;
  type: string;
  params: Record<string, string | boolean>;
  /** Words stored with a row of a type this version does not know (ActionRow.label). */
  label?: string;
  error: ActionError;
  /** Still queued, waiting for the person (out of credits): Retry sends it, Undo cancels it. Otherwise it failed. */
  waiting?: true;
  /** When it ended (ISO). */
  at: string;
}

/** What the action row says of itself, beside the change the outbox published. */
export interface NotedAction {
  type: string;
  params: Record<string, string | boolean | undefined>;
  label?: string | undefined;
}

/**
 * Whether an ended action needs the person: X refused it or its tries are spent (failed, but not cancelled by the
 * person), or it waits for them (out of credits). An action waiting for a time — X's rate-limit reset, a back-off —
 * is not a failure: it goes by itself.
 */
export function needsPerson(change: Pick<ActionChange, 'state' | 'notBefore' | 'error'>): boolean {
  if (change.state === 'failed') return change.error?.kind !== 'cancelled';
  return change.state === 'queued' && change.notBefore === AWAITING_PERSON;
}

/**
 * The notes after one published change: the action is noted (or its note replaced) when it needs the person, and its
 * note goes when it moves on (queued again, sending, done, cancelled). Newest last.
 */
export function withChange(
  notes: readonly FailureNote[],
  change: ActionChange,
  action: NotedAction | undefined,
  at: string,
): FailureNote[] {
  const others = notes.filter((n) => n.seq !== change.seq);
  if (!needsPerson(change) || !action) return others;
  const params = Object.fromEntries(Object.entries(action.params).filter((e): e is [string, string | boolean] => e[1] !== undefined));
  const note: FailureNote = {
    seq: change.seq,
    type: action.type,
    params,
    ...(action.label ? { label: action.label } : {}),
    error: change.error ?? { kind: 'error' },
    ...(change.state === 'queued' ? { waiting: true as const } : {}),
    at,
  };
  return [...others, note];
}

/** A stored value as notes: anything malformed (another writer, an old version) reads as none. */
export function asNotes(value: unknown): FailureNote[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (n): n is FailureNote =>
      !!n &&
      typeof n === 'object' &&
      typeof (n as FailureNote).seq === 'number' &&
      typeof (n as FailureNote).type === 'string' &&
      typeof (n as FailureNote).params === 'object' &&
      typeof (n as FailureNote).error?.kind === 'string',
  );
}

/** The account's unseen failures, oldest first. */
export async function readFailures(accountId: string): Promise<FailureNote[]> {
  const items: Record<string, unknown> = await browser.storage.local.get(failedKey(accountId));
  return asNotes(items[failedKey(accountId)]);
}

/** Calls `onChange` with the account's unseen failures each time they change. Returns the function that stops watching. */
export function watchFailures(accountId: string, onChange: (notes: FailureNote[]) => void): () => void {
  const key = failedKey(accountId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(asNotes(changes[key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
