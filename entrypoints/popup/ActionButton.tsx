import type { ActionBrief } from '@/lib/messaging';
import { actionPhase, phaseNote } from '@/components/manager/action-state';

/** What an action on this button is doing, in words (the one phase vocabulary: components/manager/action-state.ts). */
export function actionNote(action: ActionBrief | undefined, now = Date.now()): string | undefined {
  return action ? phaseNote(actionPhase(action, undefined, now)) : undefined;
}

export interface ActionButtonProps {
  label: string;
  onClick: () => void;
  action?: ActionBrief | undefined;
  disabled?: boolean;
  pressed?: boolean;
}

/** One quick action, with what it is doing underneath it. */
export function ActionButton({ label, onClick, action, disabled, pressed }: ActionButtonProps) {
  const note = actionNote(action);
  return (
    <div className="quick-action">
      <button type="button" onClick={onClick} disabled={disabled} className={pressed ? 'on' : undefined}>
        {label}
      </button>
      {/* The status region is there before its words, so a screen reader announces each change; a failure is an alert. */}
      {action?.state === 'failed' ? (
        <span className="quick-note error" role="alert">
          {note}
        </span>
      ) : (
        <span className="quick-note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
