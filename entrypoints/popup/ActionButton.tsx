import { i18n } from '#i18n';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ActionBrief } from '@/lib/messaging';
import { actionPhase, phaseNote } from '@/components/action-phase';
import { Phrases } from '@/components/Phrases';
import { refusedAsEnterpriseOnly } from './act';
import { ActionIcon, type IconName } from './icons';

/**
 * What an action on this button is doing, in words (the one phase vocabulary: components/action-phase.ts),
 * named by the label of the button the person pressed ("Like: Sending to X…"): the note is read apart from its button.
 */
export function actionNote(action: ActionBrief | undefined, name: string, now = Date.now()): string | undefined {
  if (!action) return undefined;
  const phase = actionPhase(action, undefined, now);
  // X may have done it (an earlier try's answer could not be read): not confirmed, never "failed" (phaseSentence).
  if (phase.kind === 'failed')
    return i18n.t(phase.mayBeDone ? 'popup_note_named_unconfirmed' : 'popup_note_named_failed', [
      name,
      phase.message || i18n.t('popup_note_refused'),
    ]);
  const note = phaseNote(phase);
  return note === undefined ? undefined : i18n.t('popup_note_named', [name, note]);
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
  /**
   * A state the person cannot change here (Requested): said by `aria-disabled`, and a click does nothing. Not the
   * native `disabled`, which takes the focus away from the button that just became it (Follow pressed on a protected
   * account) and drops it to the page.
   */
  disabled?: boolean;
  pressed?: boolean;
  /** Opens a part of the popup (the list picker): whether it is open. */
  expanded?: boolean;
  /** An action of this button is on its way to X (queued or sending): said by `aria-busy` and a mark on its corner. */
  busy?: boolean;
  /**
   * What a click sends, for the popup's painted snapshot to send itself before React is there (act.ts's
   * `carriedSend`, read by snapshot.ts): only on the outbox's toggles.
   */
  sends?: string | undefined;
}

/**
 * One quick action: an icon and a short label, its width fixed by its longest label; its note is under the rows. While
 * its action is on its way the label already says the state asked for (Unlike), and the button says it is not there
 * yet: `aria-busy`, a dashed border and a spinning mark that takes no room (nothing moves, the name stays the label).
 */
export function ActionButton({
  label,
  otherLabels = [],
  icon,
  onClick,
  noteId,
  disabled,
  pressed,
  expanded,
  busy,
  sends,
}: ActionButtonProps) {
  const labelRef = useRef<HTMLSpanElement>(null);
  useWidestLabel(labelRef, [label, ...otherLabels]);
  return (
    <button
      type="button"
      onClick={disabled ? undefined : onClick}
      aria-disabled={disabled ? true : undefined}
      className={pressed ? 'quick-button on' : 'quick-button'}
      aria-describedby={noteId}
      aria-busy={busy ? true : undefined}
      aria-expanded={expanded}
      data-perch-send={sends}
    >
      <ActionIcon name={icon} />
      <span ref={labelRef} className="quick-label">
        {label}
      </span>
      <span className="quick-busy" aria-hidden="true" />
    </button>
  );
}

/** Whether an action is on its way to X: queued or being sent (its button is busy). */
export const onItsWay = (action: ActionBrief | undefined): boolean => action?.state === 'queued' || action?.state === 'sending';

/**
 * What each action of the rows above is doing, one line each, named by its button's label, under the rows (never
 * between the buttons, where a note would push them about) and held at the popup's bottom edge when the rows reach
 * past it (popup.css), so it is seen where the person clicked without scrolling. Each status region is there before
 * its words, so a screen reader announces each change; a failure is a new alert. A refusal as Enterprise-only is said
 * once, by the note that offers x.com instead. `names`: the label of the button that asks for each action type.
 */
export function ActionNotes({
  notes,
  names,
}: {
  notes: readonly { id: string; action: ActionBrief | undefined }[];
  names: Readonly<Record<string, string>>;
}) {
  const noteOf = (action: ActionBrief | undefined) => action && actionNote(action, names[action.type] ?? action.type);
  return (
    <div className="quick-notes">
      {notes.map(({ id, action }) =>
        action?.state === 'failed' && !refusedAsEnterpriseOnly(action) ? (
          <p key={`${id}-failed`} id={id} className="quick-note error" role="alert">
            <Phrases text={noteOf(action)} />
          </p>
        ) : (
          <p key={id} id={id} className="quick-note" role="status">
            <Phrases text={refusedAsEnterpriseOnly(action) ? undefined : noteOf(action)} />
          </p>
        ),
      )}
    </div>
  );
}
