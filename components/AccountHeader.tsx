import { i18n } from '#i18n';
import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps, type ComponentType } from 'react';
import { browser } from 'wxt/browser';
import { authWordsText } from '@/lib/auth-words-text';
import { benchMark } from '@/lib/bench-mark';
import { sendMessage, type ErrorReply } from '@/lib/messaging';
import { defineItem, shownMissingScopes, type SignedOutNotice } from '@/lib/storage';
import { AccountMenu } from './AccountMenu';
import { errorOf, errorText } from './error-text';
import type { SignOutDialog as SignOutDialogType, SignOutLoss } from './SignOutDialog';
import { focusHeaderOnceGone, useLastFocused } from './use-focus-over-session';
import { useSession } from './use-session';
import './account-header.css';
import { sentenceGap } from '@/lib/sentence-gap';

type DialogProps = ComponentProps<typeof SignOutDialogType> & { onUnloaded: () => void };

/**
 * The sign-out dialog, loaded when Sign out is chosen: the first screen of every page only shows the header. A load
 * that fails (the extension updated under an open page, a disk error) shows no dialog but calls `onUnloaded`, and the
 * next Sign out loads it anew (React.lazy keeps a load's answer): the screen stays, never left blank by the throw.
 */
let SignOutDialog = lazySignOutDialog();
function lazySignOutDialog() {
  return lazy(async (): Promise<{ default: ComponentType<DialogProps> }> => {
    try {
      return { default: (await import('./SignOutDialog')).SignOutDialog };
    } catch {
      SignOutDialog = lazySignOutDialog();
      return { default: SignOutUnloaded };
    }
  });
}

function SignOutUnloaded({ onUnloaded }: DialogProps) {
  useEffect(onUnloaded, [onUnloaded]);
  return null;
}

/**
 * The account bar shared by the popup, the side panel, the manager tab and the options page: one account menu
 * (switch, add an account, settings, sign out) when signed in, "Sign in with X" when not.
 */
export function AccountHeader() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorReply>();
  /** The @username X's page signed in again when the person asked to add an account (the one open on x.com). */
  const [again, setAgain] = useState<string>();
  const [seen, dismissNotice] = useNoticeSeen();
  /** The sign-out dialog, open with what signing out would lose (undefined while it is counted). */
  const [signingOut, setSigningOut] = useState<{ loss: SignOutLoss | 'uncounted' | undefined }>();
  const headerRef = useRef<HTMLElement>(null);
  /** A sign-in or sign-out asked for here: the button pressed goes once it is done, and its successor takes the focus. */
  const handFocus = useRef(false);
  const signedIn = session ? session.accounts.some((a) => a.id === session.activeAccountId) : undefined;
  const activeId = session?.activeAccountId;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    setAgain(undefined);
    try {
      await action();
    } catch (e) {
      // Failed or cancelled: nothing changed, so a sign-in or sign-out made later elsewhere must not pull the focus here.
      handFocus.current = false;
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    // A User Timing mark for the benchmarks: the moment the header first shows who is signed in (or not).
    if (session) benchMark('perch-account-header');
  }, [session]);

  const lastFocused = useLastFocused();
  const seenSession = useRef<{ signedIn: boolean; activeId: string | null | undefined }>(undefined);

  useEffect(() => {
    if (signedIn === undefined) return;
    const before = seenSession.current;
    seenSession.current = { signedIn, activeId };
    if (!handFocus.current) {
      // Not asked here: X ended a sign-in, or another page changed the account in use (use-focus-over-session.ts).
      if (before && (before.signedIn !== signedIn || before.activeId !== activeId))
        return focusHeaderOnceGone(lastFocused.current, headerRef);
      return;
    }
    handFocus.current = false;
    // Signed in, the account menu took Sign in with X's place; signed out, the other way round; signed out of the
    // account in use while another stays, the menu stays, now that account's. Either way the step is done, so nothing
    // is left to hand on later. The focus goes to the control in the pressed one's place, not to the page's top,
    // unless the person has moved it elsewhere meanwhile.
    if (document.activeElement && document.activeElement !== document.body) return;
    headerRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [signedIn, activeId, lastFocused]);

  if (!session) return <header className="account-header" aria-busy="true" />;
  const active = session.accounts.find((a) => a.id === session.activeAccountId);
  const { notice } = session;
  const missing = active ? shownMissingScopes(active) : [];
  // An account X signed out while another stays signed in: said beside the one now in use, until dismissed.
  const besideActive =
    active && notice && seen !== undefined && seen !== notice.at && !session.accounts.some((a) => a.username === notice.username);

  return (
    <header className="account-header" ref={headerRef}>
      {active ? (
        <div className="account">
          <AccountMenu
            accounts={session.accounts}
            active={active}
            busy={busy}
            // The options page is the settings: its own menu does not offer to open it again.
            showSettings={!globalThis.location?.pathname.endsWith('/options.html')}
            onSwitch={(accountId) => void run(() => sendMessage({ type: 'account.switch', accountId }))}
            // X's consent page signs in the account open on x.com: one already here is signed in again, and said so.
            onAddAccount={() =>
              void run(async () => {
                const known = session.accounts.map((a) => a.id);
                const account = await sendMessage({ type: 'auth.signIn' });
                if (known.includes(account.id)) setAgain(account.username);
              })
            }
            onSettings={() => void browser.runtime.openOptionsPage()}
            onSignOut={() => {
              setSigningOut({ loss: undefined });
              // What signing out would lose: the store stays in the background (lib/services/sign-out-loss.ts).
              sendMessage({ type: 'account.signOutLoss', accountId: active.id }).then(
                (loss) => setSigningOut((open) => (open ? { loss } : open)),
                // The store could not be read: the dialog says what is deleted without counting it.
                () => setSigningOut((open) => (open ? { loss: 'uncounted' } : open)),
              );
            }}
          />
          {signingOut ? (
            <Suspense fallback={null}>
              <SignOutDialog
                account={active}
                loss={signingOut.loss}
                onClose={(confirmed, keep) => {
                  setSigningOut(undefined);
                  if (!confirmed) return;
                  handFocus.current = true;
                  void run(() => sendMessage({ type: 'auth.signOut', accountId: active.id, keep }));
                }}
                onUnloaded={() => {
                  setSigningOut(undefined);
                  setError({ kind: 'error', message: i18n.t('header_sign_out_unloaded') });
                  // No dialog took the focus: it goes back to the account menu, where Sign out is tried again.
                  headerRef.current?.querySelector<HTMLElement>('button')?.focus();
                }}
              />
            </Suspense>
          ) : null}
        </div>
      ) : (
        <div className="signed-out">
          {session.notice ? <SignedOutLine notice={session.notice} /> : null}
          {/* Busy said with aria-disabled, not `disabled`: a disabled button drops the keyboard's focus to the page. */}
          <button
            type="button"
            className="primary"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (busy) return;
              handFocus.current = true;
              void run(() => sendMessage({ type: 'auth.signIn' }));
            }}
          >
            {i18n.t('header_sign_in')}
          </button>
        </div>
      )}
      {missing.length ? (
        // X granted fewer scopes than Perch asked for: said for as long as this sign-in lasts, not first when it refuses.
        <p className="note account-scopes-missing">{i18n.t('header_scopes_missing')}</p>
      ) : null}
      {besideActive ? (
        <SignedOutLine
          notice={notice}
          onDismiss={() => {
            dismissNotice(notice.at);
            // The line and its button go: the focus goes to the account menu beside it, not to the page's top.
            headerRef.current?.querySelector<HTMLElement>('button')?.focus();
          }}
        />
      ) : null}
      {error ? <HeaderProblem error={error} /> : null}
      {again ? (
        <p className="note" role="status">
          {i18n.t('header_add_account_same', [again])}
        </p>
      ) : null}
    </header>
  );
}

/**
 * Why the person was signed out without asking, in the reader's language: worded here from the kind and facts the
 * background stored (X's words quoted as X's), or an old row's stored sentence as it was.
 */
function SignedOutLine({ notice, onDismiss }: { notice: SignedOutNotice; onDismiss?: () => void }) {
  const reason = notice.why ? authWordsText(notice.why) : notice.reason;
  return (
    <p className="notice" role="alert">
      {notice.username ? i18n.t('header_signed_out_of', [notice.username, reason]) : i18n.t('header_signed_out', [reason])}
      {onDismiss ? (
        <>
          {sentenceGap()}
          <button type="button" className="link" onClick={onDismiss}>
            {i18n.t('failed_dismiss')}
          </button>
        </>
      ) : null}
    </p>
  );
}

/** The `at` of the signed-out notice the person dismissed (lib/storage-wipe.ts `signedOutSeen`). */
const noticeSeen = defineItem<unknown>('local:notes.signedOutSeen', null);

/**
 * Which signed-out notice the person dismissed (its `at`; null for none, undefined until storage answered), and how to
 * dismiss one. Storage that cannot be read counts as none dismissed: a notice said twice beats one never said.
 */
function useNoticeSeen(): [string | null | undefined, (at: string) => void] {
  const [seen, setSeen] = useState<string | null>();
  useEffect(() => {
    let live = true;
    noticeSeen.getValue().then(
      (at) => live && setSeen(typeof at === 'string' ? at : null),
      () => live && setSeen(null),
    );
    const unwatch = noticeSeen.watch((at) => setSeen(typeof at === 'string' ? at : null));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return [
    seen,
    (at) => {
      setSeen(at);
      void noticeSeen.setValue(at).catch(() => undefined);
    },
  ];
}

/** What went wrong with the header's last step. Cancelling sign-in on X's page is the person's choice: a note. */
export function HeaderProblem({ error }: { error: ErrorReply }) {
  if (error.kind === 'cancelled')
    return (
      <p className="note" role="status">
        {errorText(error)}
      </p>
    );
  return (
    <p className="error" role="alert">
      {errorText(error)}{' '}
      {error.kind === 'not-configured' ? (
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('header_open_settings')}
        </button>
      ) : null}
    </p>
  );
}
