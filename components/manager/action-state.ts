import { i18n } from '#i18n';
import { AWAITING_PERSON, type ActionRow } from '@/lib/db';
import { timeOf } from './format';

/** What an action of the outbox is doing, as the Activity tab and the status lines say it. */
export type ActionPhase =
  | { kind: 'queued'; until?: number; reason?: string; awaitingPerson?: boolean }
  | { kind: 'sending' }
  | { kind: 'done'; undone: boolean }
  | { kind: 'failed'; reason: string };

/** Errors worth naming while an action waits: X's rate limit, a lost connection, an X app out of credits. */
const WAIT_REASONS = new Set(['rate-limited', 'offline', 'unavailable', 'usage-capped']);

/**
 * Actions X has no reverse for: the background would refuse their Undo, so it is not offered (a deleted post or
 * list cannot come back; a list's old name and description are not kept).
 */
const IRREVERSIBLE = new Set(['post.delete', 'list.delete', 'list.update']);

export function actionPhase(a: ActionRow, now: number): ActionPhase {
  switch (a.state) {
    case 'queued': {
      const reason = a.error && WAIT_REASONS.has(a.error.kind) ? a.error.message : undefined;
      if (a.notBefore === AWAITING_PERSON) return { kind: 'queued', awaitingPerson: true, ...(reason ? { reason } : {}) };
      return { kind: 'queued', ...(a.notBefore > now ? { until: a.notBefore } : {}), ...(reason ? { reason } : {}) };
    }
    case 'sending':
      return { kind: 'sending' };
    case 'done':
      return { kind: 'done', undone: a.undoneBy !== undefined };
    case 'failed':
      return { kind: 'failed', reason: a.error?.message ?? '' };
  }
}

/** Failures that pass (X's limit, X failing or unreadable, no connection): the background sends such an action again on Retry. */
const RETRYABLE = new Set(['rate-limited', 'unavailable', 'malformed', 'offline']);

/** Whether to offer Retry on a failed action (after its last try); the background has the last word. */
export function canRetry(a: ActionRow): boolean {
  return a.state === 'failed' && RETRYABLE.has(a.error?.kind ?? '');
}

/** Whether to offer Undo: done, not undone yet, and of a kind X can reverse (the background has the last word). */
export function canUndo(a: ActionRow): boolean {
  // A follow request X left pending has no documented way back through the API (lib/services/actions.ts).
  const pendingFollow = a.type === 'follow' && a.result?.pendingFollow === true;
  return a.state === 'done' && a.undoneBy === undefined && !IRREVERSIBLE.has(a.type) && !pendingFollow;
}

/** The state in a few words: "Queued until 14:05: <reason>", "Sending…", "Done", "Failed: <reason>". */
export function phaseWords(p: ActionPhase): string {
  switch (p.kind) {
    case 'queued':
      if (p.until === undefined) return p.reason ? i18n.t('activity_queued_reason', [p.reason]) : i18n.t('activity_queued');
      return p.reason
        ? i18n.t('activity_queued_until_reason', [timeOf(p.until), p.reason])
        : i18n.t('activity_queued_until', [timeOf(p.until)]);
    case 'sending':
      return i18n.t('activity_sending');
    case 'done':
      return p.undone ? i18n.t('activity_undone') : i18n.t('activity_done');
    case 'failed':
      return i18n.t('activity_failed', [p.reason]);
  }
}

/** A status-line sentence about one action: "<what> — queued until 14:05.", "<what> — done." */
export function phaseSentence(what: string, p: ActionPhase): string {
  switch (p.kind) {
    case 'queued':
      if (p.until === undefined)
        return p.reason ? i18n.t('manager_status_queued_reason', [what, p.reason]) : i18n.t('manager_status_queued', [what]);
      return p.reason
        ? i18n.t('manager_status_queued_until_reason', [what, timeOf(p.until), p.reason])
        : i18n.t('manager_status_queued_until', [what, timeOf(p.until)]);
    case 'sending':
      return i18n.t('manager_status_sending', [what]);
    case 'done':
      return p.undone ? i18n.t('manager_status_undone', [what]) : i18n.t('manager_status_done', [what]);
    case 'failed':
      return i18n.t('manager_status_failed', [what, p.reason]);
  }
}
