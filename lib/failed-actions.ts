import { browser } from 'wxt/browser';
import type { ActionError } from './action-error';
import { AWAITING_PERSON } from './db/rows';
import type { ActionChange } from './services/outbox-feed';

/**
 * The queued actions that ended needing the person — refused by X, out of credits, attempts spent — every one, whatever
 * screen is open, kept until a screen has shown it to the person: the background paints the toolbar badge from those
 * not yet shown (entrypoints/background/failure-badge.ts), and the popup's first line says what failed
 * (components/FailedLine.tsx). The line showing a note marks it `shown` (the badge stops counting it; the line keeps
 * it until the person acts); Retry, Undo, Dismiss, the Activity tab showing its row, or the popup that sent it showing
 * the failure on its button at once, remove it. Plain data and the browser's storage only, so any screen may import it.
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
  /** A screen has shown it to the person (the popup's line): the badge no longer counts it. */
  shown?: true;
}

/** The notes no screen has shown to the person yet: what the toolbar badge counts. */
export function unshown(notes: readonly FailureNote[]): FailureNote[] {
  return notes.filter((n) => !n.shown);
}

/** The notes after a screen showed these (all without `seqs`): kept, but no longer counted on the badge. */
export function withShown(notes: readonly FailureNote[], seqs?: readonly number[]): FailureNote[] {
  return notes.map((n) => (n.shown || (seqs && !seqs.includes(n.seq)) ? n : { ...n, shown: true as const }));
}

/**
 * The actions this screen sent, whose outcome it shows on the button the person clicked (the popup): a failure of one
 * of them, met while the screen is in view, was seen as it happened and needs no badge or line later.
 */
const sentHere = new Set<number>();

/** Notes that this screen sent the action (`action.do` answered with its number). */
export function noteSentHere(seq: number): void {
  sentHere.add(seq);
}

/** Whether this screen sent that action. */
export function wasSentHere(seq: number): boolean {
  return sentHere.has(seq);
}

/**
 * What the popup's line does with the notes while in view: `said`, the notes it shows; `shown`, those it tells the
 * background it has shown (off the badge, kept for the line); `seen`, those of actions it sent itself, whose failure
 * the button clicked already said — not said again, and done with.
 */
export function lineOf(
  notes: readonly FailureNote[],
  sentByThis: (seq: number) => boolean = wasSentHere,
): { said: FailureNote[]; shown: number[]; seen: number[] } {
  const said = notes.filter((n) => !sentByThis(n.seq));
  return {
    said,
    shown: said.filter((n) => !n.shown).map((n) => n.seq),
    seen: notes.filter((n) => sentByThis(n.seq)).map((n) => n.seq),
  };
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
export function needsPerson(change: { state: ActionChange['state']; notBefore: number; error?: ActionError | undefined }): boolean {
  if (change.state === 'failed') return change.error?.kind !== 'cancelled';
  return change.state === 'queued' && change.notBefore === AWAITING_PERSON;
}

/**
 * The most notes kept for one account; past it the oldest go (the Activity log still holds their rows). A note is at
 * most about 2.5 KB (X's words cut at 2,000 characters, a stored label at 300, an action's few short parameters), so
 * 200 stay near 500 KB: a twentieth of Chrome's 10 MB storage.local, leaving room for several accounts and Perch's
 * other keys, while the badge (every change rewrites the list) stays cheap. It is also far more than a person works
 * through from a popup line that names one and counts the rest.
 */
export const FAILURE_NOTES_MAX = 200;

/**
 * The notes after one published change: the action is noted (or its note replaced) when it needs the person, and its
 * note goes when it moves on (queued again, sending, done, cancelled). Newest last; at most {@link FAILURE_NOTES_MAX}.
 */
export function withChange(
  notes: readonly FailureNote[],
  change: ActionChange,
  action: NotedAction | undefined,
  at: string,
): FailureNote[] {
  const others = notes.filter((n) => n.seq !== change.seq);
  if (!needsPerson(change) || !action) return others;
  // Parameters that are not an object (a row from another version, a write cut off) are noted as none.
  const stored: object = typeof action.params === 'object' && action.params !== null ? action.params : {};
  const params = Object.fromEntries(Object.entries(stored).filter((e): e is [string, string | boolean] => e[1] !== undefined));
  const note: FailureNote = {
    seq: change.seq,
    type: action.type,
    params,
    ...(action.label ? { label: action.label } : {}),
    error: change.error ?? { kind: 'error' },
    ...(change.state === 'queued' ? { waiting: true as const } : {}),
    at,
  };
  return [...others, note].slice(-FAILURE_NOTES_MAX);
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
