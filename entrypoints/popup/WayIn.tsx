import { i18n } from '#i18n';
import { useEffect, useState, type MouseEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { numberOf } from '@/lib/reader-locale';
import { watchTables } from '@/lib/store-changes';
import { managerPageUrl, openManager, type WayInTab } from './open-manager';

/**
 * The popup as a way in: "New post" on every page, and Bookmarks, Lists and Drafts, which open the manager on that
 * tab in the side panel (or sidebar), or in a tab when neither can open. Drafts carries the account's count, "Drafts
 * (3)", as X's own composer links its drafts: one click from any page, and the popup stays one screen. The count
 * follows the drafts while the popup is open.
 */
export function WayIn({ accountId, onNewPost }: { accountId: string; onNewPost: () => void }) {
  // Known before the click: the side panel must be opened within it, with no wait for the window's id.
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);
  // Asked after the first paint, from the background (the popup carries no store), and again each time a page writes
  // the drafts (a draft saved by the composer, deleted in the manager): the count is a nicety, so a failure leaves
  // the link without one.
  const [drafts, setDrafts] = useState<number>();
  useEffect(() => {
    let live = true;
    const ask = () =>
      void sendMessage({ type: 'drafts.count', accountId }).then(
        (count) => live && setDrafts(count),
        () => undefined,
      );
    ask();
    const stop = watchTables(['drafts'], ask);
    return () => {
      live = false;
      stop();
    };
  }, [accountId]);

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
      {link('drafts', drafts ? i18n.t('popup_open_drafts_count', [numberOf(drafts)]) : i18n.t('popup_open_drafts'))}
    </>
  );
}
