import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { Composer } from '@/components/Composer';
import { Manager } from '@/components/manager/Manager';

/** The full-page manager, for big screens (and Firefox, whose sidebar is narrow). */
async function openInTab(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/manager.html') });
}

export function App() {
  return (
    <div className="sidepanel manager-page">
      <Manager
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
