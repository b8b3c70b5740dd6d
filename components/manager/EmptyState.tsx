import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type Collection, type SyncStateRow } from '@/lib/db';
import { timeOf } from './format';
import { limitReset } from './sync-progress';

/**
 * Where a tab's copy of a collection stands with X: what an empty list may honestly say. 'waiting': no sync has
 * finished and the last one stopped at X's limit, so Sync now cannot read anything before X's reset.
 */
export type SyncPhase = 'never' | 'waiting' | 'running' | 'synced';

type PhaseState = Pick<SyncStateRow, 'running' | 'lastSyncedAt' | 'error'>;

/** Reads the collection's sync state from the store, live; undefined while reading. */
export function useSyncPhase(accountId: string, collection: Collection): SyncPhase | undefined {
  return useLiveQuery(async () => syncPhaseOf(await db().syncState.get([accountId, collection])), [accountId, collection]);
}

/** Reads the collection's stored sync state, live: null once read and never synced; undefined while reading. */
export function useSyncState(accountId: string, collection: Collection): SyncStateRow | null | undefined {
  return useLiveQuery(async () => (await db().syncState.get([accountId, collection])) ?? null, [accountId, collection]);
}

/** A sync running is said as running even when an older one finished; a finished one means X has nothing to show. */
export function syncPhaseOf(state: PhaseState | undefined): SyncPhase {
  if (state?.running) return 'running';
  if (state?.lastSyncedAt) return 'synced';
  return state?.error?.kind === 'rate-limited' ? 'waiting' : 'never';
}

type EmptyKind = 'bookmarks' | 'lists' | 'muted' | 'blocked';

/** Words for each phase; `waiting` is given X's reset, when X named one. */
export type PhaseWords = Record<Exclude<SyncPhase, 'waiting'>, () => string> & { waiting: (at?: string) => string };

/** Each kind's words for each phase. */
const WORDS: Record<EmptyKind, PhaseWords> = {
  bookmarks: {
    never: () => i18n.t('bookmarks_empty'),
    waiting: (at) => (at ? i18n.t('bookmarks_empty_waiting_until', [at]) : i18n.t('bookmarks_empty_waiting')),
    running: () => i18n.t('bookmarks_empty_syncing'),
    synced: () => i18n.t('bookmarks_empty_synced'),
  },
  lists: {
    never: () => i18n.t('lists_empty'),
    waiting: (at) => (at ? i18n.t('lists_empty_waiting_until', [at]) : i18n.t('lists_empty_waiting')),
    running: () => i18n.t('lists_empty_syncing'),
    synced: () => i18n.t('lists_empty_synced'),
  },
  muted: {
    never: () => i18n.t('muted_empty'),
    waiting: (at) => (at ? i18n.t('muted_empty_waiting_until', [at]) : i18n.t('muted_empty_waiting')),
    running: () => i18n.t('muted_empty_syncing'),
    synced: () => i18n.t('muted_empty_synced'),
  },
  blocked: {
    never: () => i18n.t('blocked_empty'),
    waiting: (at) => (at ? i18n.t('blocked_empty_waiting_until', [at]) : i18n.t('blocked_empty_waiting')),
    running: () => i18n.t('blocked_empty_syncing'),
    synced: () => i18n.t('blocked_empty_synced'),
  },
};

/**
 * The empty list's words for the collection's sync state: "press Sync now" only when it can read something now, never
 * while a sync runs, after one found nothing, or before X's limit resets (then the reset's time, as the sync line says).
 */
export function emptyText(kind: EmptyKind, state: PhaseState | undefined): string {
  return phaseText(WORDS[kind], state);
}

/** `words` for the sync state's phase, waiting given X's reset as the sync line says it. */
export function phaseText(words: PhaseWords, state: PhaseState | undefined): string {
  const phase = syncPhaseOf(state);
  if (phase !== 'waiting') return words[phase]();
  const reset = state?.error ? limitReset(state.error) : undefined;
  return words.waiting(reset === undefined ? undefined : timeOf(reset));
}

/** An empty tab's line, agreeing with its sync line (issue "The screens tell the truth", item 6). */
export function EmptyState({ accountId, kind, className }: { accountId: string; kind: EmptyKind; className: string }) {
  const state = useSyncState(accountId, kind);
  return (
    <p className={className} aria-busy={state?.running || undefined}>
      {state === undefined ? '' : emptyText(kind, state ?? undefined)}
    </p>
  );
}
