import { i18n } from '#i18n';
import type { SyncTexts } from '../SyncBar';
import { num } from './BookmarkExport';

/**
 * The Bookmarks tab's sync line: the page reached and the bookmarks read so far, its words keyed on the bookmarks'
 * count ("1 bookmark", "2 bookmarks"); folders are synced after the bookmarks.
 */
export function bookmarkSyncTexts(): SyncTexts {
  return {
    button: i18n.t('bookmarks_sync_now'),
    buttonLabel: i18n.t('bookmarks_sync_label'),
    running: (items, pages) =>
      pages > 0 ? i18n.t('bookmarks_syncing', items, [num(pages), num(items)]) : i18n.t('bookmarks_syncing_start'),
    last: (when) => i18n.t('bookmarks_last_synced', [when]),
    never: i18n.t('bookmarks_never_synced'),
    failed: (message) => i18n.t('bookmarks_sync_failed', [message]),
    thenFailed: (message) => i18n.t('bookmarks_folders_failed', [message]),
    // X's 800 newest (x-api--posts--bookmarks--integrate): in a side panel, one short line above the list rather than
    // four (bookmarks.css); what became of older ones is said again under No longer on X when there are any.
    shortNotice: (notice) =>
      notice.kind === 'cap' && notice.older !== 'kept' && !notice.message ? i18n.t('sync_notice_cap_bookmarks_short') : undefined,
  };
}
