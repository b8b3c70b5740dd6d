import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Composer } from '@/components/Composer';
import { isManagerTab, Manager, type ManagerTab } from '@/components/manager/Manager';
import { freshTabRequest, managerTabRequest } from '@/components/manager/open-tab';

/** The full-page manager, for big screens (and Firefox, whose sidebar is narrow). */
async function openInTab(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/manager.html') });
}

/**
 * The tab the popup's Bookmarks or Lists link asked for: read when the panel loads (the link opened it) and
 * followed while it stays open (the link pressed again with the panel already open). Each request is used once.
 */
function useRequestedTab(): { tab: ManagerTab; at: number; listId?: string } | undefined {
  const [requested, setRequested] = useState<{ tab: ManagerTab; at: number; listId?: string }>();
  useEffect(() => {
    // Each window has its own panel: a request made in another window is that window's panel's to follow.
    const ownWindow = browser.windows.getCurrent().then(
      (w) => w.id,
      () => undefined,
    );
    const follow = async (value: unknown) => {
      const request = freshTabRequest(value, Date.now());
      if (!request || !isManagerTab(request.tab)) return;
      const windowId = await ownWindow;
      if (request.windowId !== undefined && windowId !== undefined && request.windowId !== windowId) return;
      setRequested({ tab: request.tab, at: request.at, ...(request.listId ? { listId: request.listId } : {}) });
      void managerTabRequest.setValue(null).catch(() => undefined);
    };
    void managerTabRequest.getValue().then(follow, () => undefined);
    return managerTabRequest.watch((value) => void follow(value));
  }, []);
  return requested;
}

export function App() {
  const requestedTab = useRequestedTab();
  return (
    <div className="sidepanel manager-page">
      <Manager
        requestedTab={requestedTab}
        top={(account) => (
          <div className="manager-top">
            <details className="manager-compose">
              <summary>{i18n.t('manager_new_post')}</summary>
              <Composer key={account.id} accountId={account.id} username={account.username} context="compose" />
            </details>
            <button type="button" className="link manager-open-tab" onClick={() => void openInTab()}>
              {i18n.t('manager_open_in_tab')}
            </button>
          </div>
        )}
      />
    </div>
  );
}
