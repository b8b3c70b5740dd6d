import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type Collection } from '@/lib/db';

/** Where a tab's copy of a collection stands with X: what an empty list may honestly say. */
export type SyncPhase = 'never' | 'running' | 'synced';

/** Reads the collection's sync state from the store, live; undefined while reading. */
export function useSyncPhase(accountId: string, collection: Collection): SyncPhase | undefined {
  return useLiveQuery(async () => syncPhaseOf(await db().syncState.get([accountId, collection])), [accountId, collection]);
}

/** A sync running is said as running even when an older one finished; a finished one means X has nothing to show. */
export function syncPhaseOf(state: { running?: boolean; lastSyncedAt?: string } | undefined): SyncPhase {
  if (state?.running) return 'running';
  return state?.lastSyncedAt ? 'synced' : 'never';
}

type EmptyKind = 'bookmarks' | 'lists' | 'muted' | 'blocked';

/** The empty list's words for each phase: never "press Sync now" while a sync runs or after one found nothing. */
export function emptyText(kind: EmptyKind, phase: SyncPhase): string {
  switch (kind) {
    case 'bookmarks':
      return phase === 'running'
        ? i18n.t('bookmarks_empty_syncing')
        : phase === 'synced'
          ? i18n.t('bookmarks_empty_synced')
          : i18n.t('bookmarks_empty');
    case 'lists':
      return phase === 'running'
        ? i18n.t('lists_empty_syncing')
        : phase === 'synced'
          ? i18n.t('lists_empty_synced')
          : i18n.t('lists_empty');
    case 'muted':
      return phase === 'running'
        ? i18n.t('muted_empty_syncing')
        : phase === 'synced'
          ? i18n.t('muted_empty_synced')
          : i18n.t('muted_empty');
    case 'blocked':
      return phase === 'running'
        ? i18n.t('blocked_empty_syncing')
        : phase === 'synced'
          ? i18n.t('blocked_empty_synced')
          : i18n.t('blocked_empty');
  }
}

/** An empty tab's line, agreeing with its sync line (issue "The screens tell the truth", item 6). */
export function EmptyState({ accountId, kind, className }: { accountId: string; kind: EmptyKind; className: string }) {
  const phase = useSyncPhase(accountId, kind);
  return (
    <p className={className} aria-busy={phase === 'running' || undefined}>
      {phase === undefined ? '' : emptyText(kind, phase)}
    </p>
  );
}
