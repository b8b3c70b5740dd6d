import { i18n } from '#i18n';
import type { ActionRow } from '@/lib/db';
import type { NoteTexts } from '../ActionNote';
import type { ActionPhase } from '../manage-logic';
import type { SyncTexts } from '../SyncBar';

/** The Lists tab's words for its status line and sync line. */

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function what(action: ActionRow): string {
  const p = action.params;
  const name = str(p.listName) ?? str(p.name) ?? i18n.t('lists_a_list');
  const who = str(p.username) ? `@${str(p.username)}` : i18n.t('lists_someone');
  switch (action.type) {
    case 'list.create':
      return i18n.t('lists_what_create', { name });
    case 'list.update':
      return i18n.t('lists_what_update', { name });
    case 'list.delete':
      return i18n.t('lists_what_delete', { name });
    case 'list.pin':
      return i18n.t('lists_what_pin', { name });
    case 'list.unpin':
      return i18n.t('lists_what_unpin', { name });
    case 'list.follow':
      return i18n.t('lists_what_follow', { name });
    case 'list.unfollow':
      return i18n.t('lists_what_unfollow', { name });
    case 'list.addMember':
      return i18n.t('lists_what_add', { who, name });
    case 'list.removeMember':
      return i18n.t('lists_what_remove', { who, name });
    default:
      return action.label;
  }
}

function phase(phase: ActionPhase, what: string, time: string): string {
  switch (phase.kind) {
    case 'queued':
      return phase.until ? i18n.t('lists_phase_queued_until', { what, time }) : i18n.t('lists_phase_queued', { what });
    case 'sending':
      return i18n.t('lists_phase_sending', { what });
    case 'done':
      return i18n.t('lists_phase_done', { what });
    case 'failed':
      return i18n.t('lists_phase_failed', { what, message: phase.message });
    case 'undoing':
      return i18n.t('lists_phase_undoing', { what });
    case 'undone':
      return i18n.t('lists_phase_undone', { what });
    case 'undo-failed':
      return i18n.t('lists_phase_undo_failed', { what, message: phase.message });
  }
}

export function listNoteTexts(): NoteTexts {
  return { what, phase, undo: (w) => i18n.t('lists_undo', { what: w }), undoShort: i18n.t('lists_undo_short') };
}

export function listSyncTexts(): SyncTexts {
  return {
    button: i18n.t('lists_sync'),
    buttonLabel: i18n.t('lists_sync_label'),
    running: (items) => i18n.t('lists_syncing', { items }),
    last: (when) => i18n.t('lists_last_synced', { when }),
    never: i18n.t('lists_never_synced'),
    failed: (message) => i18n.t('lists_sync_failed', { message }),
  };
}

/** Every list action type: the status line follows the latest of them. */
export const LIST_ACTION_TYPES = [
  'list.create',
  'list.update',
  'list.delete',
  'list.pin',
  'list.unpin',
  'list.follow',
  'list.unfollow',
  'list.addMember',
  'list.removeMember',
] as const;
