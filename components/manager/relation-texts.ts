import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import { accountWho } from '@/components/account-words';
import type { UserView } from '@/lib/messaging';
import { withoutBidiControls } from '@/lib/text/bidi';
import type { ExportTexts } from './AccountExportMenu';
import type { AccountEntry } from './accounts';
import type { SyncTexts } from './SyncBar';
import { syncSoFarText } from './sync-words';

/** Which relation a tab shows: the accounts muted, or the accounts blocked. */
export type Relation = 'muted' | 'blocked';

/** The words of the Muted or the Blocked tab: what differs is in `<relation>_*` keys, what is alike in `relation_*`. */
export interface RelationTexts {
  title: string;
  count: (n: number) => string;
  shown: (shown: number, total: number) => string;
  sync: SyncTexts;
  add: { label: string; short: string; action: (user: UserView) => string; already: (user: UserView) => string };
  search: { label: string; placeholder: string };
  listLabel: string;
  loading: string;
  noResults: (query: string) => string;
  remove: { short: string; action: (entry: AccountEntry) => string };
  export: ExportTexts;
  viewError: (message: string) => string;
  retry: string;
}

/** The words of one relation's tab: the `muted_*` or the `blocked_*` keys, and the `relation_*` keys they share. */
export function relationTexts(r: Relation): RelationTexts {
  return {
    title: i18n.t(`${r}_title`),
    count: (n) => i18n.t(`${r}_count`, n, [numberOf(n)]),
    shown: (shown, total) => i18n.t('relation_shown', { shown: numberOf(shown), total: numberOf(total) }),
    sync: {
      button: i18n.t('relation_sync'),
      buttonLabel: i18n.t(`${r}_sync_label`),
      running: (items) => i18n.t(`${r}_syncing`, { so_far: syncSoFarText(items) }),
      last: (when) => i18n.t('relation_last_synced', { when }),
      never: i18n.t('relation_never_synced'),
      failed: (message) => i18n.t('relation_sync_failed', { message }),
    },
    add: {
      label: i18n.t(`${r}_add_label`),
      short: i18n.t(`${r}_add_short`),
      action: (u) => i18n.t(`${r}_add`, { username: u.username }),
      already: (u) => i18n.t(`${r}_already`, { username: u.username }),
    },
    search: { label: i18n.t(`${r}_search_label`), placeholder: i18n.t('relation_search_placeholder') },
    listLabel: i18n.t(`${r}_list_label`),
    loading: i18n.t(`${r}_loading`),
    noResults: (query) => i18n.t(`${r}_no_results`, { query }),
    remove: {
      short: i18n.t(r === 'muted' ? 'muted_unmute_short' : 'blocked_unblock_short'),
      // An account whose names do not read is named as its row shows it: "Unknown account", never its id; a name (no
      // @username) without its direction marks.
      action: (e) => {
        const who = withoutBidiControls(accountWho(e) ?? '');
        if (who) return i18n.t(r === 'muted' ? 'muted_unmute' : 'blocked_unblock', { who });
        return i18n.t(r === 'muted' ? 'muted_unmute_unknown' : 'blocked_unblock_unknown');
      },
    },
    export: {
      title: i18n.t(`${r}_export_title`),
      done: (file, count) => i18n.t(`${r}_exported`, count, [numberOf(count)], { file }),
    },
    viewError: (message) => i18n.t(`${r}_view_error`, { message }),
    retry: i18n.t('relation_retry'),
  };
}
