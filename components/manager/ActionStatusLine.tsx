import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { db } from '@/lib/db';
import { actionPhase, canUndo, phaseSentence } from './action-state';
import type { ActionStatus } from './use-action';
import { useNow } from './use-now';

interface Props {
  accountId: string;
  /** The last action of the tab, from useAction. */
  status: ActionStatus | undefined;
  /** The action that undid it, once the person pressed Undo. */
  undoSeq?: number | undefined;
  /** What the action is, in the person's language (the background's label otherwise). */
  what?: string | undefined;
  onUndo(seq: number): void;
}

/**
 * The status line under a tab's controls: what its last action is doing, read live from the outbox ("queued
 * until 14:05", "sending", "done" with Undo, "failed: <X's reason>"), and what became of its Undo.
 */
export function ActionStatusLine({ accountId, status, undoSeq, what, onUndo }: Props) {
  const now = useNow();
  const seq = status?.seq;
  const rows = useLiveQuery(async () => {
    if (seq === undefined) return undefined;
    const [action, undo] = await db().actions.bulkGet(undoSeq === undefined ? [seq] : [seq, undoSeq]);
    return action?.accountId === accountId ? { action, undo } : undefined;
  }, [accountId, seq, undoSeq]);

  let body: ReactNode = null;
  if (status?.error) {
    body = (
      <p className="manager-status-text error" role="alert">
        {status.text}
      </p>
    );
  } else if (rows) {
    const { action, undo } = rows;
    const label = what ?? action.label;
    const undoFailed = undo?.state === 'failed';
    const phase = actionPhase(action, now);
    const text = undoFailed ? phaseSentence(i18n.t('manager_undo_label', [label]), actionPhase(undo, now)) : phaseSentence(label, phase);
    const failed = phase.kind === 'failed' || undoFailed;
    body = (
      <>
        <p className={`manager-status-text${failed ? ' error' : ''}`}>{text}</p>
        {canUndo(action) ? (
          <button type="button" aria-label={i18n.t('manager_undo_label', [label])} onClick={() => onUndo(action.seq!)}>
            {i18n.t('manager_undo')}
          </button>
        ) : null}
      </>
    );
  } else if (status?.text && seq === undefined) {
    body = <p className="manager-status-text">{status.text}</p>;
  }
  return (
    <div className="manager-status" role="status">
      {body}
    </div>
  );
}
