import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AccountView } from '@/lib/storage';
import { AccountHeader } from '../AccountHeader';
import { useSession } from '../use-session';
import { ActivityView } from './ActivityView';
import { BookmarksView } from './BookmarksView';
import { DraftsView } from './drafts/DraftsView';
import { ListsView } from './ListsView';
import { RelationView } from './RelationView';
import { ViewErrorBoundary } from './ViewErrorBoundary';

export const MANAGER_TABS = ['bookmarks', 'lists', 'muted', 'blocked', 'activity', 'drafts'] as const;
export type ManagerTab = (typeof MANAGER_TABS)[number];

export function isManagerTab(value: string): value is ManagerTab {
  return (MANAGER_TABS as readonly string[]).includes(value);
}

function tabName(tab: ManagerTab): string {
  switch (tab) {
    case 'bookmarks':
      return i18n.t('manager_tab_bookmarks');
    case 'lists':
      return i18n.t('manager_tab_lists');
    case 'muted':
      return i18n.t('manager_tab_muted');
    case 'blocked':
      return i18n.t('manager_tab_blocked');
    case 'activity':
      return i18n.t('manager_tab_activity');
    case 'drafts':
      return i18n.t('manager_tab_drafts');
  }
}

/** A list to open on the Lists tab, asked for at `at` (each new `at` opens it again). */
export interface ListRequest {
  listId: string;
  at: number;
}

function TabView({ tab, account, listRequest }: { tab: ManagerTab; account: AccountView; listRequest: ListRequest | undefined }) {
  switch (tab) {
    case 'bookmarks':
      return <BookmarksView accountId={account.id} username={account.username} />;
    case 'lists':
      return <ListsView accountId={account.id} openRequest={listRequest} />;
    case 'muted':
      return <RelationView accountId={account.id} relation="muted" />;
    case 'blocked':
      return <RelationView accountId={account.id} relation="blocked" />;
    case 'activity':
      return <ActivityView accountId={account.id} />;
    case 'drafts':
      return <DraftsView accountId={account.id} />;
  }
}

interface ManagerProps {
  /** Shown between the account header and the tabs, for the signed-in account (the side panel's composer). */
  top?: (account: AccountView) => ReactNode;
  initialTab?: ManagerTab;
  /** The list to open first on the Lists tab (the address `#lists/<id>`). */
  initialListId?: string | undefined;
  /**
   * A tab asked for from elsewhere after the manager is drawn (the popup's links): each new `at` selects it, and
   * opens the list named, if any.
   */
  requestedTab?: { tab: ManagerTab; at: number; listId?: string | undefined } | undefined;
  onTabChange?: (tab: ManagerTab) => void;
}

/**
 * The manager: the account header, then the tabs Bookmarks · Lists · Muted · Blocked · Activity · Drafts for the active
 * account (WAI-ARIA tabs: arrow keys, Home and End move between tabs). Each tab is drawn the first time it is
 * shown and kept while the account stays; switching accounts (in the header) starts every tab afresh.
 */
export function Manager({ top, initialTab = 'bookmarks', initialListId, requestedTab, onTabChange }: ManagerProps) {
  const session = useSession();
  const account = session?.accounts.find((a) => a.id === session.activeAccountId);
  const [tab, setTab] = useState<ManagerTab>(initialTab);
  const [opened, setOpened] = useState<ReadonlySet<ManagerTab>>(() => new Set([initialTab]));
  const tabRefs = useRef(new Map<ManagerTab, HTMLButtonElement>());
  const base = useId();

  function select(next: ManagerTab, focus = false) {
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
    onTabChange?.(next);
    if (focus) tabRefs.current.get(next)?.focus();
  }

  const requested = requestedTab?.tab;
  const requestedAt = requestedTab?.at;
  const requestedList = requestedTab?.listId;
  const listRequest: ListRequest | undefined =
    requestedList !== undefined && requestedAt !== undefined
      ? { listId: requestedList, at: requestedAt }
      : initialListId !== undefined
        ? { listId: initialListId, at: 0 }
        : undefined;
  useEffect(() => {
    if (requested === undefined) return;
    setTab(requested);
    setOpened((o) => (o.has(requested) ? o : new Set([...o, requested])));
  }, [requested, requestedAt]);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = MANAGER_TABS.indexOf(tab);
    const n = MANAGER_TABS.length;
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? MANAGER_TABS[(i + 1) % n]
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? MANAGER_TABS[(i - 1 + n) % n]
          : e.key === 'Home'
            ? MANAGER_TABS[0]
            : e.key === 'End'
              ? MANAGER_TABS[n - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    select(to, true);
  }

  return (
    <div className="manager">
      <AccountHeader />
      <main className="manager-main">
        <h1 className="visually-hidden">{i18n.t('manager_page_title')}</h1>
        {account ? (
          <a
            className="skip-link"
            href={`#${base}-panel-${tab}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`${base}-panel-${tab}`)?.focus();
            }}
          >
            {i18n.t('manager_skip_to_content', [tabName(tab)])}
          </a>
        ) : null}
        {!session ? null : !account ? (
          <p className="manager-signed-out muted">{i18n.t('manager_signed_out')}</p>
        ) : (
          <>
            {top?.(account)}
            <div className="manager-tabs" role="tablist" aria-label={i18n.t('manager_tabs_label')}>
              {MANAGER_TABS.map((t) => (
                <button
                  key={t}
                  ref={(el) => {
                    if (el) tabRefs.current.set(t, el);
                    else tabRefs.current.delete(t);
                  }}
                  type="button"
                  role="tab"
                  onKeyDown={onKeyDown}
                  id={`${base}-tab-${t}`}
                  aria-selected={t === tab}
                  aria-controls={`${base}-panel-${t}`}
                  tabIndex={t === tab ? 0 : -1}
                  className="manager-tab"
                  onClick={() => select(t)}
                >
                  {tabName(t)}
                </button>
              ))}
            </div>
            {MANAGER_TABS.map((t) => (
              <div
                key={t}
                role="tabpanel"
                id={`${base}-panel-${t}`}
                aria-labelledby={`${base}-tab-${t}`}
                className="manager-panel"
                hidden={t !== tab}
                tabIndex={0}
              >
                {opened.has(t) ? (
                  <ViewErrorBoundary
                    key={account.id}
                    describe={(message) => i18n.t('manager_tab_error', [message])}
                    retryLabel={i18n.t('manager_retry')}
                  >
                    <TabView key={account.id} tab={t} account={account} listRequest={listRequest} />
                  </ViewErrorBoundary>
                ) : null}
              </div>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
