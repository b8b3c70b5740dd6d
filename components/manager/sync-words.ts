import { i18n } from '#i18n';
import type { Collection, SyncError, SyncNotice } from '@/lib/db';
import { actionErrorText } from '@/components/error-text';
import { numberOf } from './format';

/**
 * The words of what a sync stored — its failure and its notice — in the reader's language. The background keeps
 * kinds and facts only (lib/services/sync.ts); a row stored before kept an English sentence, shown as it is.
 */

/** Why a sync failed: Perch's words for its kind, X's own words quoted as X's («X said: "…"»). */
export function syncErrorText(error: SyncError): string {
  return actionErrorText(error);
}

/**
 * How many items a running sync has read, the phrase ending its line: "12 so far." / 「これまでに12件。」. The line
 * keeps it on one line (SyncBar), so a narrow panel never leaves the number alone on the next (「これまでに」 / 「0。」).
 */
export function syncSoFarText(items: number): string {
  return i18n.t('sync_so_far', { items: numberOf(items) });
}

/** What the collection is, inside a sentence about it ("your muted accounts"). */
function what(collection: Collection): string {
  switch (collection) {
    case 'bookmarks':
      return i18n.t('sync_what_bookmarks');
    case 'bookmarkFolders':
      return i18n.t('sync_what_bookmark_folders');
    case 'lists':
      return i18n.t('sync_what_lists');
    case 'muted':
      return i18n.t('sync_what_muted');
    case 'blocked':
      return i18n.t('sync_what_blocked');
  }
}

/**
 * The rows the last walk kept because X's errors named them instead of sending them (a suspended muted account, a list
 * or bookmark folder X could not show): "X could not send 2 accounts; they are kept as they were." Said on the Muted,
 * Blocked and Lists tabs, and of bookmark folders on the Bookmarks tab. Of bookmarks, the ones the walk kept because
 * X's errors did not say what they left out: "X did not send all of your bookmarks or say which it left out; 3…"
 */
export function syncKeptText(collection: Collection, kept: number | undefined): string | undefined {
  if (!kept) return undefined;
  if (collection === 'bookmarks') return i18n.t('sync_kept_bookmarks', kept, [numberOf(kept)]);
  if (collection === 'muted' || collection === 'blocked') return i18n.t('sync_kept_accounts', kept, [numberOf(kept)]);
  if (collection === 'lists') return i18n.t('sync_kept_lists', kept, [numberOf(kept)]);
  if (collection === 'bookmarkFolders') return i18n.t('sync_kept_folders', kept, [numberOf(kept)]);
  return undefined;
}

/**
 * The posts X sent the last bookmark walk that Perch could not read (without their text, lib/x/bookmarks.ts): not shown,
 * or shown as last read. "X sent 2 bookmarked posts Perch could not read."
 */
export function syncUnreadableText(collection: Collection, unreadable: number | undefined): string | undefined {
  if (!unreadable || collection !== 'bookmarks') return undefined;
  return i18n.t('sync_unreadable_bookmarks', unreadable, [numberOf(unreadable)]);
}

/**
 * A walk cut short: X repeating a page, a page token X would refuse back, or the most Perch reads in one sync (for bookmarks, X's 800 newest; for
 * bookmark folders, how many folders' bookmarks it reads, the others taking their turn at a later sync).
 */
export function syncNoticeText(collection: Collection, notice: SyncNotice): string {
  if (notice.message) return notice.message;
  if (notice.kind === 'repeat') return i18n.t('sync_notice_repeat', { what: what(collection) });
  if (notice.kind === 'token') return i18n.t('sync_notice_token', { what: what(collection) });
  if (collection === 'bookmarks') return capBookmarksText(notice);
  if (notice.folders) return i18n.t('sync_notice_cap_folders', notice.folders, [numberOf(notice.folders)]);
  return i18n.t('sync_notice_cap', { what: what(collection), pages: numberOf(notice.pages ?? 0) });
}

/**
 * The bookmark walk at its page cap. X gives apps a person's 800 newest bookmarks (x-api--posts--bookmarks--integrate,
 * "Rate limits"): past them, stored bookmarks were let go, their tags and notes kept under No longer on X; before them
 * (X's pages held fewer than asked), the older stored ones stay as they were. A row stored before says neither.
 */
function capBookmarksText(notice: SyncNotice): string {
  if (notice.older === 'gone') return i18n.t('sync_notice_cap_bookmarks_gone');
  if (notice.older === 'kept' && notice.read !== undefined) {
    return i18n.t('sync_notice_cap_bookmarks_kept', notice.read, [numberOf(notice.read), numberOf(notice.pages ?? 0)]);
  }
  return i18n.t('sync_notice_cap_bookmarks');
}
