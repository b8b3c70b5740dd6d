import { i18n } from '#i18n';
import type { SyncTexts } from '../SyncBar';
import { syncSoFarText } from '../sync-words';

/** The Lists tab's words for its sync line (its status line speaks the actions' own words: ActionNote). */

export function listSyncTexts(): SyncTexts {
  return {
    button: i18n.t('lists_sync'),
    buttonLabel: i18n.t('lists_sync_label'),
    running: (items) => i18n.t('lists_syncing', { so_far: syncSoFarText(items) }),
    last: (when) => i18n.t('lists_last_synced', { when }),
    never: i18n.t('lists_never_synced'),
    failed: (message) => i18n.t('lists_sync_failed', { message }),
  };
}
