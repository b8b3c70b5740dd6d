import type { ActionBrief } from '@/lib/messaging';
import { timeOf } from '@/components/manager/format';

/** What an action on this button is doing, in words: queued until HH:MM, sending, failed with the reason. */
export function actionNote(action: ActionBrief | undefined, now = Date.now()): string | undefined {
  if (!action) return undefined;
  if (action.state === 'sending') return 'Sending to X…';
  if (action.state === 'queued') {
    const when = action.notBefore > now ? ` until ${timeOf(action.notBefore)}` : '';
    const why =
      action.error?.kind === 'rate-limited' ? ' (X’s limit is used up)' : action.error?.kind === 'offline' ? ' (no connection)' : '';
    return `Queued${when}${why}.`;
  }
  if (action.state === 'failed') return `Failed: ${action.error?.message ?? 'X refused it.'}`;
  return undefined;
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
      {note ? (
        <span
          className={action?.state === 'failed' ? 'quick-note error' : 'quick-note'}
          role={action?.state === 'failed' ? 'alert' : 'status'}
        >
          {note}
        </span>
      ) : null}
    </div>
  );
}
