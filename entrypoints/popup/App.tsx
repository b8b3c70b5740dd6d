import { i18n } from '#i18n';
import { useRef } from 'react';
import { browser } from 'wxt/browser';
import { AccountHeader } from '@/components/AccountHeader';
import { Composer } from '@/components/Composer';
import { useSession } from '@/components/use-session';
import { PageGate } from './PageGate';
import { PostPanel } from './PostPanel';
import { ProfilePanel } from './ProfilePanel';
import { useCurrentPage } from './use-current-page';
import { useFirstActionFocus } from './use-first-action-focus';

/** Pages worth sharing: the web, not the browser's own pages. */
const shareable = (url: string) => /^https?:\/\//.test(url);

export function App() {
  const session = useSession();
  const page = useCurrentPage();
  const active = session?.accounts.find((a) => a.id === session.activeAccountId);
  const main = useRef<HTMLElement>(null);
  useFirstActionFocus(main);

  return (
    <div className="popup">
      <AccountHeader />
      <main ref={main}>
        <h1 className="visually-hidden">{i18n.t('extName')}</h1>
        {active && page !== undefined ? (
          <PageGate page={page}>
            {page?.x.kind === 'post' ? (
              <PostPanel key={`${active.id}:${page.x.postId}`} accountId={active.id} username={active.username} postId={page.x.postId} />
            ) : page?.x.kind === 'profile' ? (
              <ProfilePanel key={`${active.id}:${page.x.username}`} accountId={active.id} username={page.x.username} />
            ) : page && shareable(page.url) ? (
              <Composer
                key={`${active.id}:${page.url}`}
                accountId={active.id}
                username={active.username}
                context={`share:${page.url}`}
                initialText={`${page.title ? `${page.title} ` : ''}${page.url}`}
                title={i18n.t('popup_share_title')}
              />
            ) : (
              <Composer
                key={active.id}
                accountId={active.id}
                username={active.username}
                context="compose"
                title={i18n.t('composer_new_post')}
              />
            )}
          </PageGate>
        ) : null}
        <nav className="row popup-nav" aria-label={i18n.t('popup_nav_label')}>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {i18n.t('popup_settings')}
          </button>
        </nav>
      </main>
    </div>
  );
}
