import { i18n } from '#i18n';
import type { ActionBrief } from '@/lib/messaging';
import { timeOf } from '@/components/manager/format';

/** What an action on this button is doing, in words: queued until HH:MM, sending, failed with the reason. */
export function actionNote(action: ActionBrief | undefined, now = Date.now()): string | undefined {
  if (!action) return undefined;
  if (action.state === 'sending') return i18n.t('popup_note_sending');
  if (action.state === 'queued') {
    const kind = action.error?.kind;
    // Out of credits: nothing is sent until the person acts, and the message says where.
    if (kind === 'usage-capped') return action.error?.message;
    if (action.notBefore > now) {
      const when = timeOf(action.notBefore);
      if (kind === 'rate-limited') return i18n.t('popup_note_queued_until_rate_limited', [when]);
      if (kind === 'offline') return i18n.t('popup_note_queued_until_offline', [when]);
      return i18n.t('popup_note_queued_until', [when]);
    }
    if (kind === 'rate-limited') return i18n.t('popup_note_queued_rate_limited');
    if (kind === 'offline') return i18n.t('popup_note_queued_offline');
    return i18n.t('popup_note_queued');
  }
  if (action.state === 'failed') return i18n.t('popup_note_failed', [action.error?.message ?? i18n.t('popup_note_refused')]);
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
