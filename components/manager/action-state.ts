import { i18n } from '#i18n';
import { isUndoable, undoIsGuess } from '@/lib/action-types';
import type { ActionRow } from '@/lib/db';
import { actionPhase, queuedWords, type ActionPhase, type QueuedPhase } from '../action-phase';
import { timeOf } from './format';

/**
 * What the manager says of its outbox's actions beyond the popup's needs: Undo, the Activity tab's words and the
 * status lines. The phase itself and the popup's notes are in ../action-phase.ts, so the popup's first load carries
 * none of this; re-exported here for the manager's screens.
 */
export { actionPhase, canRetry, phaseNote, type ActionPhase, type PhaseSource } from '../action-phase';

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
