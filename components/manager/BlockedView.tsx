import { i18n } from '#i18n';
import { useMemo } from 'react';
import { useEnterprisePlan } from '@/components/use-enterprise-plan';
import type { ActionRow } from '@/lib/db';
import { profileUrl, type ActionPhase } from './manage-logic';
import { RelationView, type RelationTexts } from './RelationView';

function who(action: ActionRow): string {
  return typeof action.params.username === 'string' ? `@${action.params.username}` : i18n.t('blocked_someone');
}

function phaseText(phase: ActionPhase, what: string, time: string): string {
  switch (phase.kind) {
    case 'queued':
      return phase.until ? i18n.t('blocked_phase_queued_until', { what, time }) : i18n.t('blocked_phase_queued', { what });
    case 'sending':
      return i18n.t('blocked_phase_sending', { what });
    case 'done':
      return i18n.t('blocked_phase_done', { what });
    case 'failed':
      return i18n.t('blocked_phase_failed', { what, message: phase.message });
    case 'undoing':
      return i18n.t('blocked_phase_undoing', { what });
    case 'undone':
      return i18n.t('blocked_phase_undone', { what });
    case 'undo-failed':
      return i18n.t('blocked_phase_undo_failed', { what, message: phase.message });
  }
}

function blockedTexts(): RelationTexts {
  return {
    title: i18n.t('blocked_title'),
    count: (n) => i18n.t('blocked_count', n),
    shown: (shown, total) => i18n.t('blocked_shown', { shown, total }),
    sync: {
      button: i18n.t('blocked_sync'),
      buttonLabel: i18n.t('blocked_sync_label'),
      running: (items) => i18n.t('blocked_syncing', { items }),
      last: (when) => i18n.t('blocked_last_synced', { when }),
      never: i18n.t('blocked_never_synced'),
      failed: (message) => i18n.t('blocked_sync_failed', { message }),
    },
    note: {
      what: (action) => i18n.t(action.type === 'block' ? 'blocked_what_block' : 'blocked_what_unblock', { who: who(action) }),
      phase: phaseText,
      undo: (what) => i18n.t('blocked_undo', { what }),
      undoShort: i18n.t('blocked_undo_short'),
    },
    add: {
      label: i18n.t('blocked_add_label'),
      short: i18n.t('blocked_add_short'),
      action: (u) => i18n.t('blocked_add', { username: u.username }),
      already: (u) => i18n.t('blocked_already', { username: u.username }),
    },
    search: { label: i18n.t('blocked_search_label'), placeholder: i18n.t('blocked_search_placeholder') },
    listLabel: i18n.t('blocked_list_label'),
    loading: i18n.t('blocked_loading'),
    empty: i18n.t('blocked_empty'),
    noResults: (query) => i18n.t('blocked_no_results', { query }),
    remove: {
      short: i18n.t('blocked_unblock_short'),
      action: (e) => i18n.t('blocked_unblock', { who: e.username ? `@${e.username}` : e.name || e.id }),
    },
    profile: (username) => i18n.t('blocked_profile', { username }),
    profileShort: i18n.t('blocked_profile_short'),
    export: {
      group: i18n.t('blocked_export_group'),
      button: (format, count) => i18n.t('blocked_export', count, [count], { format }),
      title: i18n.t('blocked_export_title'),
      done: (file, count) => i18n.t('blocked_exported', count, [count], { file }),
    },
    viewError: (message) => i18n.t('blocked_view_error', { message }),
    retry: i18n.t('blocked_retry'),
  };
}

/**
 * What to say when X refused a block or an unblock because the app is not on the Enterprise plan: that, plainly,
 * and a link to the person's profile on x.com, where they can do it themselves.
 */
function enterpriseNote(phase: ActionPhase, action: ActionRow) {
  const refused = phase.kind === 'failed' || phase.kind === 'undo-failed' ? phase : undefined;
  const username = typeof action.params.username === 'string' ? action.params.username : undefined;
  if (refused?.errorKind !== 'enterprise-only' || !username) return null;
  // The refused request is the action itself, or (undo-failed) its inverse.
  const blocking = (action.type === 'block') === (phase.kind === 'failed');
  return (
    <div className="notice mgr-enterprise">
      <p>{i18n.t(blocking ? 'blocked_enterprise_block' : 'blocked_enterprise_unblock', { username })}</p>
      <a href={profileUrl(username)} target="_blank" rel="noreferrer">
        {i18n.t(blocking ? 'blocked_enterprise_link_block' : 'blocked_enterprise_link_unblock', { username })}
      </a>
    </div>
  );
}

/**
 * The Blocked tab: blocked accounts, search, export and sync; block by @username and unblock through the API —
 * which X allows only on the Enterprise plan, so a refusal is explained with a link to do it on x.com.
 */
export function BlockedView({ accountId }: { accountId: string }) {
  const texts = useMemo(blockedTexts, []);
  // On a pay-per-use app X refuses block and unblock (Enterprise only, x-api--users--blocks--introduction):
  // offer them where they work, on the profile on x.com, unless the person says their app is on Enterprise.
  const enterprise = useEnterprisePlan();
  return (
    <RelationView
      accountId={accountId}
      collection="blocked"
      texts={texts}
      intro={<p className="note">{i18n.t(enterprise ? 'blocked_intro' : 'blocked_intro_self_serve')}</p>}
      noteExtra={enterpriseNote}
      {...(enterprise
        ? {}
        : {
            onX: {
              add: (u: string) => i18n.t('popup_block_user_on_x', [u]),
              remove: (u: string) => i18n.t('popup_unblock_user_on_x', [u]),
            },
          })}
    />
  );
}
