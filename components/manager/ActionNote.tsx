import { forwardRef, type ReactNode } from 'react';
import type { ActionRow } from '@/lib/db';
import { timeOf } from './format';
import { actionPhase, type ActionPhase } from './manage-logic';
import { useActionRow } from './use-action-row';

/** The words of one tab for its status line (each tab has its own, in its own i18n namespace). */
export interface NoteTexts {
  /** What the action is, e.g. "Unmute @ewd". */
  what(action: ActionRow): string;
  /** The whole sentence for a phase; `time` is "HH:MM" for a rate-limited wait. */
  phase(phase: ActionPhase, what: string, time: string): string;
  /** The Undo button's accessible name, e.g. "Undo: Unmute @ewd". */
  undo(what: string): string;
  /** The Undo button's visible text. */
  undoShort: string;
}

const UNDOABLE = new Set([
  'mute',
  'unmute',
  'block',
  'unblock',
  'list.pin',
  'list.unpin',
  'list.follow',
  'list.unfollow',
  'list.addMember',
  'list.removeMember',
  'list.create',
]);

interface Props {
  accountId: string;
  /** The last action taken in this tab. */
  seq: number | undefined;
  /** The undo this tab asked for, if any. */
  undoSeq?: number | undefined;
  texts: NoteTexts;
  /** A failure the background reported before the action reached the outbox. */
  error?: string | undefined;
  onUndo(seq: number): void;
  /** More to say for some outcomes (the Blocked tab's Enterprise note). */
  extra?: (phase: ActionPhase, action: ActionRow) => ReactNode;
}

/**
 * The status line of a tab: what its last action is doing (waiting for X's rate limit — "queued until 14:05" —,
 * sending, done with Undo, refused with X's reason), read live from the outbox. Focusable, so a screen that just
 * removed the row a person acted on can move focus here.
 */
export const ActionNote = forwardRef<HTMLDivElement, Props>(function ActionNote(
  { accountId, seq, undoSeq, texts, error, onUndo, extra },
  ref,
) {
  const live = useActionRow(accountId, seq, undoSeq);
  let body: ReactNode = null;
  if (error) {
    body = (
      <p className="mgr-note-text error" role="alert">
        {error}
      </p>
    );
  } else if (live) {
    const { action, undo } = live;
    const phase = actionPhase(action, undo, Date.now());
    const what = texts.what(action);
    const text = texts.phase(phase, what, phase.kind === 'queued' && phase.until ? timeOf(phase.until) : '');
    const failed = phase.kind === 'failed' || phase.kind === 'undo-failed';
    // An undo X refused may be asked for again; an undo is not itself undone from here.
    const canUndo =
      (phase.kind === 'done' || phase.kind === 'undo-failed') &&
      action.undoneBy === undefined &&
      action.undoOf === undefined &&
      UNDOABLE.has(action.type);
    body = (
      <>
        <p className={`mgr-note-text${failed ? ' error' : ''}`} role={failed ? 'alert' : undefined}>
          {text}
        </p>
        {canUndo ? (
          <button type="button" aria-label={texts.undo(what)} onClick={() => onUndo(action.seq!)}>
            {texts.undoShort}
          </button>
        ) : null}
        {extra?.(phase, action)}
      </>
    );
  }
  return (
    <div className="mgr-note" role="status" tabIndex={-1} ref={ref}>
      {body}
    </div>
  );
});
