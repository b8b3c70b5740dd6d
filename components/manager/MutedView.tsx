import { i18n } from '#i18n';
import { useMemo } from 'react';
import type { ActionRow } from '@/lib/db';
import type { ActionPhase } from './manage-logic';
import { RelationView, type RelationTexts } from './RelationView';

function who(action: ActionRow): string {
  return typeof action.params.username === 'string' ? `@${action.params.username}` : i18n.t('muted_someone');
}

function phaseText(phase: ActionPhase, what: string, time: string): string {
  switch (phase.kind) {
    case 'queued':
      return phase.until ? i18n.t('muted_phase_queued_until', { what, time }) : i18n.t('muted_phase_queued', { what });
    case 'sending':
      return i18n.t('muted_phase_sending', { what });
    case 'done':
      return i18n.t('muted_phase_done', { what });
    case 'failed':
      return i18n.t('muted_phase_failed', { what, message: phase.message });
    case 'undoing':
      return i18n.t('muted_phase_undoing', { what });
    case 'undone':
      return i18n.t('muted_phase_undone', { what });
    case 'undo-failed':
      return i18n.t('muted_phase_undo_failed', { what, message: phase.message });
  }
}

function mutedTexts(): RelationTexts {
  return {
    title: i18n.t('muted_title'),
    count: (n) => i18n.t('muted_count', n),
    shown: (shown, total) => i18n.t('muted_shown', { shown, total }),
    sync: {
      button: i18n.t('muted_sync'),
      buttonLabel: i18n.t('muted_sync_label'),
      running: (items) => i18n.t('muted_syncing', { items }),
      last: (when) => i18n.t('muted_last_synced', { when }),
      never: i18n.t('muted_never_synced'),
      failed: (message) => i18n.t('muted_sync_failed', { message }),
    },
    note: {
      what: (action) => i18n.t(action.type === 'mute' ? 'muted_what_mute' : 'muted_what_unmute', { who: who(action) }),
      phase: phaseText,
      undo: (what) => i18n.t('muted_undo', { what }),
      undoShort: i18n.t('muted_undo_short'),
    },
    add: {
      label: i18n.t('muted_add_label'),
      short: i18n.t('muted_add_short'),
      action: (u) => i18n.t('muted_add', { username: u.username }),
      already: (u) => i18n.t('muted_already', { username: u.username }),
    },
    search: { label: i18n.t('muted_search_label'), placeholder: i18n.t('muted_search_placeholder') },
    listLabel: i18n.t('muted_list_label'),
    loading: i18n.t('muted_loading'),
    empty: i18n.t('muted_empty'),
    noResults: (query) => i18n.t('muted_no_results', { query }),
    remove: {
      short: i18n.t('muted_unmute_short'),
      action: (e) => i18n.t('muted_unmute', { who: e.username ? `@${e.username}` : e.name || e.id }),
    },
    profile: (username) => i18n.t('muted_profile', { username }),
    profileShort: i18n.t('muted_profile_short'),
    export: {
      group: i18n.t('muted_export_group'),
      button: (format, count) => i18n.t('muted_export', count, [count], { format }),
      title: i18n.t('muted_export_title'),
      done: (file, count) => i18n.t('muted_exported', count, [count], { file }),
    },
    viewError: (message) => i18n.t('muted_view_error', { message }),
    retry: i18n.t('muted_retry'),
  };
}

/** The Muted tab: muted accounts, search, mute by @username, unmute with Undo, sync and export. */
export function MutedView({ accountId }: { accountId: string }) {
  const texts = useMemo(mutedTexts, []);
  return <RelationView accountId={accountId} collection="muted" texts={texts} />;
}
