import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ActionBrief } from '@/lib/messaging';
import { actionPhase, phaseNote } from '@/components/manager/action-state';
import { refusedAsEnterpriseOnly } from './act';
import { ActionIcon, type IconName } from './icons';

/** What an action on this button is doing, in words (the one phase vocabulary: components/manager/action-state.ts). */
export function actionNote(action: ActionBrief | undefined, now = Date.now()): string | undefined {
  return action ? phaseNote(actionPhase(action, undefined, now)) : undefined;
}

/**
 * Makes a label as wide as the widest of the labels it may show (Like and Unlike, Follow and Requested), measured in
 * its own font before the browser paints: a button keeps its width when its state changes, so nothing beside or
 * under it moves. The measuring copy is out of the flow, hidden, and gone before paint.
 */
function useWidestLabel(ref: RefObject<HTMLSpanElement | null>, labels: readonly string[]): void {
  const key = labels.join('\n');
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el?.parentElement) return;
    const probe = el.cloneNode() as HTMLSpanElement;
    probe.removeAttribute('style');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;min-width:0;max-width:none';
    probe.setAttribute('aria-hidden', 'true');
    el.parentElement.append(probe);
    let widest = 0;
    for (const label of key.split('\n')) {
      probe.textContent = label;
      widest = Math.max(widest, probe.getBoundingClientRect().width);
    }
    probe.remove();
    el.style.minWidth = `${Math.ceil(widest)}px`;
  }, [ref, key]);
}

export interface ActionButtonProps {
  label: string;
  /** The labels of its other states: the button is as wide as the widest of them all. */
  otherLabels?: readonly string[];
  icon: IconName;
  onClick: () => void;
  /** The id of the note (ActionNotes) that says what its action is doing. */
  noteId?: string | undefined;
  disabled?: boolean;
  pressed?: boolean;
  /**
   * What a click sends, for the popup's painted snapshot to send itself before React is there (act.ts's
   * `carriedSend`, read by snapshot.ts): only on the outbox's toggles.
   */
  sends?: string | undefined;
}

/** One quick action: an icon and a short label, its width fixed by its longest label; its note is under the row. */
export function ActionButton({ label, otherLabels = [], icon, onClick, noteId, disabled, pressed, sends }: ActionButtonProps) {
  const labelRef = useRef<HTMLSpanElement>(null);
  useWidestLabel(labelRef, [label, ...otherLabels]);
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className={pressed ? 'quick-button on' : 'quick-button'}
      aria-describedby={noteId}
      data-perch-send={sends}
    >
      <ActionIcon name={icon} />
      <span ref={labelRef} className="quick-label">
        {label}
      </span>
    </button>
  );
}

/**
 * What each action of the rows above is doing, one line each, under the rows (never between the buttons, where a
 * note would push them about). Each status region is there before its words, so a screen reader announces each
 * change; a failure is an alert. A refusal as Enterprise-only is said once, by the note that offers x.com instead.
 */
export function ActionNotes({ notes }: { notes: readonly { id: string; action: ActionBrief | undefined }[] }) {
  return (
    <div className="quick-notes">
      {notes.map(({ id, action }) =>
        action?.state === 'failed' && !refusedAsEnterpriseOnly(action) ? (
          <p key={id} id={id} className="quick-note error" role="alert">
            {actionNote(action)}
          </p>
        ) : (
          <p key={id} id={id} className="quick-note" role="status">
            {refusedAsEnterpriseOnly(action) ? undefined : actionNote(action)}
          </p>
        ),
      )}
    </div>
  );
}
