import { i18n } from '#i18n';
import { isUndoable, undoIsGuess } from '@/lib/action-types';
import { actionErrorText } from '@/lib/action-words';
import { joinSentences } from '@/lib/error-words';
import type { ActionRow } from '@/lib/db';
import { AWAITING_PERSON } from '@/lib/db/rows';
import { timeOf } from './format';

/**
 * The one vocabulary for what an action of the outbox is doing, as every screen says it: the manager's status
 * lines, the Activity tab and the popup's action buttons.
 */
export type ActionPhase =
  /** Waiting: until a rate limit resets or a retry is due (`until`), for a passing reason, or for the person. */
  /** `mayBeDone`: an earlier try's write X answered 2xx unreadably, so X may have done it whatever the wait's reason. */
  /** `perchTime`: X's 429 gave no reset, so `until` is Perch's own next try, never worded as X's time. */
  | { kind: 'queued'; until?: number; reason?: string; reasonKind?: string; awaitingPerson?: boolean; mayBeDone?: true; perchTime?: true }
  | { kind: 'sending' }
  | { kind: 'done' }
  | { kind: 'failed'; errorKind: string; message: string; mayBeDone?: true }
  | { kind: 'undoing' }
  | { kind: 'undone' }
  | { kind: 'undo-failed'; errorKind: string; message: string };

/** What the phase is read from: an action row of the outbox, or the brief of it the popup gets. */
export type PhaseSource = Pick<ActionRow, 'state' | 'notBefore' | 'error'> & { undoneBy?: number | undefined };

/** Errors worth naming while an action waits: X's rate limit, a lost connection, X failing, an X app out of credits. */
const WAIT_REASONS = new Set(['rate-limited', 'offline', 'unavailable', 'usage-capped']);

/**
 * Why an action waits, for its words: X's limit on renewing the sign-in is no limit of the action's own (X refused
 * Perch's renewal, not the action), so it is worded apart from X's limit for the action.
 */
function reasonKindOf(error: NonNullable<ActionRow['error']>): string {
  return error.own?.kind === 'renewal-limited' ? 'renewal-limited' : error.kind;
}

/**
 * What an outbox action is doing: waiting (until a rate limit resets or a retry is due, when that is later than
 * now), being sent, done, refused — and, once an undo was asked for, where the undo stands (the outbox forgets a
 * refused undo on the action itself, so the caller passes the undo it asked for).
 */
export function actionPhase(action: PhaseSource, undo: Pick<ActionRow, 'state' | 'error'> | undefined, now: number): ActionPhase {
  if (undo) {
    if (undo.state === 'queued' || undo.state === 'sending') return { kind: 'undoing' };
    if (undo.state === 'failed')
      return { kind: 'undo-failed', errorKind: undo.error?.kind ?? 'error', message: actionErrorText(undo.error) };
    return { kind: 'undone' };
  }
  switch (action.state) {
    case 'queued': {
      const error = action.error;
      // That X may have done it is said apart (`mayBeDone`), after whichever words the wait has (queuedWords).
      const reason =
        error && WAIT_REASONS.has(error.kind)
          ? { reason: actionErrorText({ ...error, mayBeDone: undefined }), reasonKind: reasonKindOf(error) }
          : {};
      // X's limit with no reset of X's stored (lib/services/outbox-failure.ts storedError): the wait is Perch's own.
      // Not a row from before issue 13 (its English `message`), which may have had X's reset in its words.
      // So is a wait on X's limit on renewing the sign-in with no reset of X's (lib/auth/renewal-limit.ts: Perch's minute).
      const noReset = error?.kind === 'rate-limited' && error.reset === undefined && error.message === undefined;
      const perchTime = noReset && (!error.own || error.own.kind === 'renewal-limited');
      const why = {
        ...reason,
        ...(error?.mayBeDone ? { mayBeDone: true as const } : {}),
        ...(perchTime ? { perchTime: true as const } : {}),
      };
      if (action.notBefore === AWAITING_PERSON) return { kind: 'queued', awaitingPerson: true, ...why };
      return { kind: 'queued', ...(action.notBefore > now ? { until: action.notBefore } : {}), ...why };
    }
    case 'sending':
      return { kind: 'sending' };
    case 'done':
      return action.undoneBy === undefined ? { kind: 'done' } : { kind: 'undone' };
    case 'failed':
      return {
        kind: 'failed',
        errorKind: action.error?.kind ?? 'error',
        message: actionErrorText(action.error),
        ...(action.error?.mayBeDone ? { mayBeDone: true as const } : {}),
      };
  }
}

/** Failures that pass (X's limit, X failing or unreadable, no connection): the background sends such an action again on Retry. */
const RETRYABLE = new Set(['rate-limited', 'unavailable', 'malformed', 'offline']);

/** Whether to offer Retry on a failed action (after its last try); the background has the last word. */
export function canRetry(a: ActionRow): boolean {
  return a.state === 'failed' && RETRYABLE.has(a.error?.kind ?? '');
}

/**
 * Whether to offer Undo: done (or its undo refused, which may be asked again), not undone, and of a type X can
 * reverse (lib/action-types.ts). The background has the last word.
 */
export function canUndo(a: ActionRow, phase: ActionPhase = actionPhase(a, undefined, 0), reversed?: ReadonlySet<number>): boolean {
  // Undo of a follow request, or of a follow X did not say was a request or not, would be a guess (lib/action-types.ts).
  const done = phase.kind === 'done' || phase.kind === 'undo-failed';
  return done && a.undoneBy === undefined && isUndoable(a.type) && !undoIsGuess(a.type, a.result) && !reversed?.has(a.seq ?? -1);
}

/**
 * The actions of a log whose effect a later action already removed for good — "Create the list" of a list deleted
 * since — so Undo would reverse nothing (the outbox refuses it too: lib/services/outbox-undo.ts).
 */
export function reversedSince(actions: readonly ActionRow[]): Set<number> {
  const deletedAt = new Map<string, number>();
  for (const a of actions) {
    if (a.type !== 'list.delete' || a.state === 'failed' || a.seq === undefined) continue;
    const id = String(a.params.listId);
    deletedAt.set(id, Math.max(deletedAt.get(id) ?? 0, a.seq));
  }
  const reversed = new Set<number>();
  for (const a of actions) {
    const id = a.type === 'list.create' ? a.result?.id : undefined;
    if (typeof id === 'string' && a.seq !== undefined && (deletedAt.get(id) ?? 0) > a.seq) reversed.add(a.seq);
  }
  return reversed;
}

/**
 * For each creation of a List in a log (any order), the later deletion of that List, waiting, being sent or done — by
 * the Delete button or as the creation's Undo; a failed or cancelled one deleted nothing. Create and delete are no
 * toggle pair (lib/action-pairs.ts), so the Activity tab reads them here: the creation is "Done; being deleted" while
 * the deletion waits, "Done, then deleted" once X deleted the List.
 */
export function deletedBy(actions: readonly ActionRow[]): Map<number, ActionRow> {
  const deletions = actions
    .filter((a) => a.type === 'list.delete' && a.state !== 'failed' && a.seq !== undefined)
    .sort((x, y) => x.seq! - y.seq!);
  const by = new Map<number, ActionRow>();
  for (const a of actions) {
    const id = a.type === 'list.create' ? a.result?.id : undefined;
    if (typeof id !== 'string' || a.seq === undefined) continue;
    const deletion = deletions.find((d) => d.seq! > a.seq! && d.params.listId === id);
    if (deletion) by.set(a.seq, deletion);
  }
  return by;
}

export { actionLabel, actionWhat } from '@/lib/action-words';

/**
 * The state in a few words, for the Activity tab: "Queued until 14:05: <reason>", "Sending…", "Done", "Failed: <reason>".
 * `deleted`: the phase is of a List's creation and its deletion ("Done; being deleted", "Done, then deleted").
 */
export function phaseWords(p: ActionPhase, deleted = false): string {
  if (deleted && p.kind === 'undoing') return i18n.t('activity_deleting');
  if (deleted && p.kind === 'undone') return i18n.t('activity_deleted');
  switch (p.kind) {
    case 'queued':
      // A wait with no reason of its own ("Queued until 14:05"): that X may have done it is the reason it is worded with.
      if (p.mayBeDone && p.reason === undefined) return activityQueued({ ...p, reason: i18n.t('x_error_earlier_may_be_done') });
      return queuedWords(p, activityQueued(p));
    case 'sending':
      return i18n.t('activity_sending');
    case 'done':
    case 'undo-failed':
      return i18n.t('activity_done');
    case 'undoing':
      return i18n.t('activity_undoing');
    case 'undone':
      return i18n.t('activity_undone');
    case 'failed':
      // X may have done it (an earlier try's answer could not be read): never "Failed" (as phaseSentence).
      return i18n.t(p.mayBeDone ? 'activity_failed_unconfirmed' : 'activity_failed', [p.message]);
  }
}

type QueuedPhase = Extract<ActionPhase, { kind: 'queued' }>;

/**
 * A waiting action's words, and after them, when an earlier try's write X answered 2xx unreadably, that X may have done
 * it (lib/services/outbox-answer.ts): never lost to the words of the wait (X not answering, a limit).
 */
function queuedWords(p: QueuedPhase, words: string): string {
  return p.mayBeDone ? joinSentences(words, i18n.t('x_error_earlier_may_be_done')) : words;
}

/** The Activity tab's words for a waiting action: "Queued until 14:05: <reason>". */
function activityQueued(p: QueuedPhase): string {
  if (p.until === undefined) return p.reason ? i18n.t('activity_queued_reason', [p.reason]) : i18n.t('activity_queued');
  // X's own words for a 503 say "try again in a moment"; a queued action is tried again by Perch, at that time.
  if (p.reasonKind === 'unavailable') return i18n.t('activity_queued_until_unavailable', [timeOf(p.until)]);
  // X's words for a used-up limit say when it works again: the time is said once, here.
  if (p.reasonKind === 'rate-limited')
    return i18n.t(p.perchTime ? 'activity_queued_until_rate_limited_perch' : 'activity_queued_until_rate_limited', [timeOf(p.until)]);
  if (p.reasonKind === 'renewal-limited')
    return i18n.t(p.perchTime ? 'activity_queued_until_renewal_limited_perch' : 'activity_queued_until_renewal_limited', [timeOf(p.until)]);
  return p.reason
    ? i18n.t('activity_queued_until_reason', [timeOf(p.until), p.reason])
    : i18n.t('activity_queued_until', [timeOf(p.until)]);
}

/** A status line's sentence about one action: "<what>: queued until 14:05 (X’s rate limit).", "<what>: done." */
export function phaseSentence(what: string, p: ActionPhase): string {
  if (p.kind === 'queued') return queuedWords(p, queuedSentence(what, p));
  // X may have done it (an earlier try's answer could not be read): never "not done" (lib/action-words.ts failureSentence).
  if (p.kind === 'failed')
    return i18n.t(p.mayBeDone ? 'action_phase_failed_unconfirmed' : 'action_phase_failed', { what, message: p.message });
  if (p.kind === 'undo-failed') return i18n.t('action_phase_undo_failed', { what, message: p.message });
  return i18n.t(`action_phase_${p.kind}`, { what });
}

/**
 * A waiting action's status line, with the reason it waits as the outbox stored it: X's rate limit only when X said
 * so (a 503 or a lost connection is not a limit), and the reason an action waits for the person (out of credits).
 */
function queuedSentence(what: string, p: QueuedPhase): string {
  if (p.until === undefined)
    return p.reason && p.awaitingPerson
      ? i18n.t('action_phase_queued_reason', { what, reason: p.reason })
      : i18n.t('action_phase_queued', { what });
  const time = timeOf(p.until);
  if (p.reasonKind === 'rate-limited')
    return i18n.t(p.perchTime ? 'action_phase_queued_until_rate_limited_perch' : 'action_phase_queued_until', { what, time });
  if (p.reasonKind === 'renewal-limited')
    return i18n.t(p.perchTime ? 'action_phase_queued_until_renewal_limited_perch' : 'action_phase_queued_until_renewal_limited', {
      what,
      time,
    });
  if (p.reasonKind === 'unavailable') return i18n.t('action_phase_queued_until_unavailable', { what, time });
  if (p.reasonKind === 'offline') return i18n.t('action_phase_queued_until_offline', { what, time });
  return i18n.t('action_phase_queued_until_plain', { what, time });
}

/** The note under a popup button, in a few words: "Queued until 14:05 (X’s limit is used up).", "Failed: <reason>". */
export function phaseNote(p: ActionPhase): string | undefined {
  switch (p.kind) {
    case 'sending':
      return i18n.t('popup_note_sending');
    case 'queued': {
      const note = queuedNote(p);
      return note === undefined ? undefined : queuedWords(p, note);
    }
    case 'failed':
      return i18n.t(p.mayBeDone ? 'popup_note_failed_unconfirmed' : 'popup_note_failed', [p.message || i18n.t('popup_note_refused')]);
    default:
      return undefined;
  }
}

/** The note under a popup button for a waiting action: "Queued until 14:05 (X’s limit is used up).". */
function queuedNote(p: QueuedPhase): string | undefined {
  // Out of credits: nothing is sent until the person acts, and X's message says where.
  if (p.reasonKind === 'usage-capped') return p.reason;
  if (p.until !== undefined) {
    const when = timeOf(p.until);
    if (p.reasonKind === 'rate-limited')
      return i18n.t(p.perchTime ? 'popup_note_queued_until_rate_limited_perch' : 'popup_note_queued_until_rate_limited', [when]);
    if (p.reasonKind === 'renewal-limited')
      return i18n.t(p.perchTime ? 'popup_note_queued_until_renewal_limited_perch' : 'popup_note_queued_until_renewal_limited', [when]);
    if (p.reasonKind === 'offline') return i18n.t('popup_note_queued_until_offline', [when]);
    if (p.reasonKind === 'unavailable') return i18n.t('popup_note_queued_until_unavailable', [when]);
    return i18n.t('popup_note_queued_until', [when]);
  }
  if (p.reasonKind === 'rate-limited') return i18n.t('popup_note_queued_rate_limited');
  if (p.reasonKind === 'renewal-limited') return i18n.t('popup_note_queued_renewal_limited');
  if (p.reasonKind === 'offline') return i18n.t('popup_note_queued_offline');
  if (p.reasonKind === 'unavailable') return i18n.t('popup_note_queued_unavailable');
  return i18n.t('popup_note_queued');
}
