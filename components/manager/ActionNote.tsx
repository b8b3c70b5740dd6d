import { i18n } from '#i18n';
import { forwardRef, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { ActionRow } from '@/lib/db';
import { withoutBidiControls } from '@/lib/text/bidi';
import { actionPhase, actionWhat, canUndo, phaseSentence, type ActionPhase } from './action-state';
import { shownFailure, useActionRow, useFailureSeen } from './use-action-row';
import { useNow } from './use-now';

interface Props {
  accountId: string;
  /** The last action taken in this tab. */
  seq: number | undefined;
  /** The undo this tab asked for, if any. */
  undoSeq?: number | undefined;
  /** A failure the background reported before the action reached the outbox. */
  error?: string | undefined;
  onUndo: (seq: number) => void;
  /** More to say for some outcomes (the Blocked tab's Enterprise note). */
  extra?: (phase: ActionPhase, action: ActionRow) => ReactNode;
}

/**
 * The status line of a manager tab: what its last action is doing (waiting for X's rate limit — "queued until
 * 14:05" —, sending, done with Undo, refused with X's reason, undone), read live from the outbox and worded from
 * the action's declaration (lib/action-types.ts). A failure it shows in view is seen (lib/failed-actions.ts): it leaves
 * the toolbar badge. Focusable, so a screen that just removed the row a person acted on can move focus here; Undo,
 * once pressed and gone, leaves the focus here too, not on the page.
 */
export const ActionNote = forwardRef<HTMLDivElement, Props>(function ActionNote({ accountId, seq, undoSeq, error, onUndo, extra }, ref) {
  // Re-rendered as time passes, so "queued until 14:05" turns into "waiting" without a store change.
  useNow();
  const live = useActionRow(accountId, seq, undoSeq);
  // Said here, in view: the toolbar badge and the popup's line have nothing more to tell of it.
  useFailureSeen(accountId, error ? undefined : shownFailure(live));
  const line = useRef<HTMLDivElement>(null);
  const undoPressed = useRef(false);
  // In the commit that takes Undo away, before the browser draws it: never a frame with the focus on the page, which
  // Firefox announces as the page and a Tab then starts from its top.
  useLayoutEffect(() => {
    // Undo pressed from the keyboard goes once the undo is under way: the line that says how it went keeps the focus.
    if (!undoPressed.current || line.current?.querySelector('[data-undo]')) return;
    undoPressed.current = false;
    if (!document.activeElement || document.activeElement === document.body) line.current?.focus();
  });
  let body: ReactNode = null;
  if (error) {
    body = (
      <p className="mgr-note-text error" role="alert">
        {error}
      </p>
    );
  } else if (live) {
    const { action, undo, over } = live;
    // Its opposite taken since, here or in the popup (Unmute after Mute), waiting or done: being undone, or undone.
    const opposite = over && over.type !== action.type && action.state === 'done' ? over : undefined;
    const phase = actionPhase(action, undo ?? opposite, Date.now());
    const what = actionWhat(action);
    const failed = phase.kind === 'failed' || phase.kind === 'undo-failed';
    body = (
      <>
        <p className={`mgr-note-text${failed ? ' error' : ''}`} role={failed ? 'alert' : undefined}>
          {phaseSentence(what, phase)}
        </p>
        {!over && canUndo(action, phase) ? (
          <button
            type="button"
            data-undo
            aria-label={withoutBidiControls(i18n.t('action_undo', { what }))}
            onClick={() => {
              undoPressed.current = true;
              onUndo(action.seq!);
            }}
          >
            {i18n.t('action_undo_short')}
          </button>
        ) : null}
        {extra?.(phase, action)}
      </>
    );
  }
  return (
    <div
      className="mgr-note mgr-focus-target"
      role="status"
      tabIndex={-1}
      ref={(el) => {
        line.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) ref.current = el;
      }}
    >
      {body}
    </div>
  );
});
