import { i18n } from '#i18n';
import { useEffect, useState, type MouseEvent } from 'react';
import { browser } from 'wxt/browser';
import { managerPageUrl, openManager, type WayInTab } from './open-manager';

/**
 * The popup as a way in: "New post" on every page, and Bookmarks and Lists, which open the manager on that tab in the
 * side panel (or sidebar), or in a tab when neither can open.
 */
export function WayIn({ onNewPost }: { onNewPost: () => void }) {
  // Known before the click: the side panel must be opened within it, with no wait for the window's id.
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);

  const link = (tab: WayInTab, label: string) => (
    <a
      className="popup-way-in-link"
      href={managerPageUrl(tab)}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        e.preventDefault();
        void openManager(tab, windowId).then(async (where) => {
          // The toolbar popup (not a tab) steps aside for the panel it opened.
          if (where === 'panel' && !(await browser.tabs.getCurrent().catch(() => undefined))) window.close();
        });
      }}
    >
      {label}
    </a>
  );

  return (
    <>
      <button type="button" onClick={onNewPost}>
        {i18n.t('popup_new_post')}
      </button>
      {link('bookmarks', i18n.t('popup_open_bookmarks'))}
      {link('lists', i18n.t('popup_open_lists'))}
    </>
  );
}
