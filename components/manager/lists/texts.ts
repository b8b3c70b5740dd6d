import { i18n } from '#i18n';
import type { SyncStateRow } from '@/lib/db';
import { phaseText, type PhaseWords } from '../EmptyState';
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

/** An empty section's words before Perch has read the Lists from X, by the sync's phase. */
const UNREAD: Omit<PhaseWords, 'synced'> = {
  never: () => i18n.t('lists_section_unread'),
  running: () => i18n.t('lists_empty_syncing'),
  waiting: (at) => (at ? i18n.t('lists_section_unread_waiting_until', [at]) : i18n.t('lists_section_unread_waiting')),
};

/**
 * Whether the Lists tab's sections are X's: a Lists sync has finished (they are as of its "Last synced" time). Before
 * that the store holds only Lists made, pinned or followed in Perch, and a section says nothing of X.
 */
export function listsReadFromX(state: Pick<SyncStateRow, 'lastSyncedAt'> | null | undefined): boolean {
  return !!state?.lastSyncedAt;
}

/**
 * An empty section's line: its own words (`empty`, "You own no lists.") once the Lists were read from X; before that
 * what is true, by the sync's phase (not read yet, being read, or when X's limit lets Perch read them).
 */
export function sectionEmptyText(empty: () => string, state: SyncStateRow | null | undefined): string {
  if (listsReadFromX(state)) return empty();
  return phaseText({ ...UNREAD, synced: empty }, state ?? undefined);
}
