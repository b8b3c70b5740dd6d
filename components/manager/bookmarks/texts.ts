import { i18n } from '#i18n';
import type { SyncTexts } from '../SyncBar';
import { num } from './BookmarkExport';

/** The Bookmarks tab's sync line: pages and bookmarks read so far; folders are synced after the bookmarks. */
export function bookmarkSyncTexts(): SyncTexts {
  return {
    button: i18n.t('bookmarks_sync_now'),
    buttonLabel: i18n.t('bookmarks_sync_label'),
    running: (items, pages) => (pages > 0 ? i18n.t('bookmarks_syncing', [num(pages), num(items)]) : i18n.t('bookmarks_syncing_start')),
    last: (when) => i18n.t('bookmarks_last_synced', [when]),
    never: i18n.t('bookmarks_never_synced'),
    failed: (message) => i18n.t('bookmarks_sync_failed', [message]),
    thenFailed: (message) => i18n.t('bookmarks_folders_failed', [message]),
  };
}
