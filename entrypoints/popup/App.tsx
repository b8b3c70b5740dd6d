import { i18n } from '#i18n';
import { useRef } from 'react';
import { browser } from 'wxt/browser';
import { AccountHeader } from '@/components/AccountHeader';
import { FailedLine } from '@/components/FailedLine';
import { useSession } from '@/components/use-session';
import { namedTarget, openByClick } from '@/lib/popup-gate';
import { shareContext } from '@/lib/share-context';
import { sharedPage } from '@/lib/share-page';
import type { AccountView } from '@/lib/storage';
import { Composer, ListPanel } from './lazy';
import { PageGate } from './PageGate';
import { useReopenedState } from './part-reload';
import { PostPanel } from './PostPanel';
import { ProfilePanel } from './ProfilePanel';
import { SignedOutIntro } from './SignedOutIntro';
import { useCurrentPage, type CurrentPage } from './use-current-page';
import { useFirstActionFocus } from './use-first-action-focus';
import { useKeptFocus } from './use-kept-focus';
import { useScreenDrawn } from './use-screen-drawn';
import { WayIn } from './WayIn';
import './way-in.css';

const X_HOSTS: ReadonlySet<string> = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);

/** Pages worth sharing: the web, not the browser's own pages, nor X's own (a new post there needs no address). */
function shareable(url: string): boolean {
  if (!/^https?:\/\//.test(url)) return false;
  try {
    return !X_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Whether the popup already shows a new post's composer for this page (no post, profile or page to share). */
const showsNewPost = (page: CurrentPage | null) => !page || (page.x.kind === 'other' && !shareable(page.url));

/** The composer of a post sharing an ordinary page: its title and address as a post may carry them (lib/share-page.ts). */
function ShareComposer({ account, page }: { account: AccountView; page: CurrentPage }) {
  const shared = sharedPage(page.title, page.url);
  return (
    <Composer
      accountId={account.id}
      username={account.username}
      context={shareContext(shared.url)}
      initialText={`${shared.title ? `${shared.title} ` : ''}${shared.url}`}
      title={i18n.t('popup_share_title')}
    />
  );
}

export function App() {
  const session = useSession();
  const page = useCurrentPage();
  const active = session?.accounts.find((a) => a.id === session.activeAccountId);
  const main = useRef<HTMLElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const drawn = useScreenDrawn(screen);
  // Kept when Perch reloads the popup for a part that failed to load (./part-reload.ts).
  const [composing, setComposing] = useReopenedState(
    'compose',
    () => false,
    (kept) => kept === true,
  );
  useFirstActionFocus(main);
  useKeptFocus(main);

  async function newPost() {
    // The new post's composer is already here (this page has nothing else to show): go to its text.
    const box = main.current?.querySelector<HTMLElement>('.composer textarea');
    if (box && (composing || (page !== undefined && showsNewPost(page)))) {
      box.focus();
      return;
    }
    // A page another extension opened waits for a click before anything is saved: this is that click.
    if (namedTarget(location.href)) {
      const tab = await browser.tabs.getCurrent().catch(() => undefined);
      if (tab?.id !== undefined) await openByClick(tab.id, location.href);
    }
    setComposing(true);
  }

  const newPostComposer = active ? (
    <Composer key={active.id} accountId={active.id} username={active.username} context="compose" title={i18n.t('composer_new_post')} />
  ) : null;

  return (
    <div className="popup">
      <AccountHeader />
      {active ? <FailedLine key={active.id} accountId={active.id} /> : null}
      <main ref={main}>
        <h1 className="visually-hidden">{i18n.t('extName')}</h1>
        <div ref={screen} className="popup-screen">
          <SignedOutIntro session={session} />
          {active && composing ? (
            newPostComposer
          ) : active && page !== undefined ? (
            <PageGate page={page}>
              {page?.x.kind === 'post' ? (
                <PostPanel key={`${active.id}:${page.x.postId}`} accountId={active.id} username={active.username} postId={page.x.postId} />
              ) : page?.x.kind === 'profile' ? (
                <ProfilePanel key={`${active.id}:${page.x.username}`} accountId={active.id} username={page.x.username} />
              ) : page?.x.kind === 'list' ? (
                <ListPanel key={`${active.id}:${page.x.listId}`} accountId={active.id} listId={page.x.listId} />
              ) : page && !showsNewPost(page) ? (
                <ShareComposer key={`${active.id}:${page.url}`} account={active} page={page} />
              ) : (
                newPostComposer
              )}
            </PageGate>
          ) : null}
        </div>
        {/* Drawn with the screen above it, not before: a link shown sooner would move as that screen comes in. */}
        {active && drawn ? (
          <nav className="row popup-nav popup-way-in" aria-label={i18n.t('popup_nav_label')}>
            <WayIn accountId={active.id} onNewPost={() => void newPost()} />
          </nav>
        ) : !active && session ? (
          <nav className="row popup-nav" aria-label={i18n.t('popup_nav_label')}>
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('popup_settings')}
            </button>
          </nav>
        ) : null}
      </main>
    </div>
  );
}
