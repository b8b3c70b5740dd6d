import { i18n } from '#i18n';
import { actionErrorText } from '@/lib/action-words';
import { joinSentences } from '@/lib/error-words';
import type { ActionRow } from '@/lib/db';
import { AWAITING_PERSON } from '@/lib/db/rows';
import { timeOf } from './manager/format';

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

export type QueuedPhase = Extract<ActionPhase, { kind: 'queued' }>;

/**
 * A waiting action's words, and after them, when an earlier try's write X answered 2xx unreadably, that X may have done
 * it (lib/services/outbox-answer.ts): never lost to the words of the wait (X not answering, a limit).
 */
export function queuedWords(p: QueuedPhase, words: string): string {
  return p.mayBeDone ? joinSentences(words, i18n.t('x_error_earlier_may_be_done')) : words;
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
