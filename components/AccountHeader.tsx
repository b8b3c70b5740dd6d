import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { benchMark } from '@/lib/bench-mark';
import { sendMessage, type ErrorReply } from '@/lib/messaging';
import { errorOf, errorText } from './error-text';
import { useSession } from './use-session';

/** The account bar shared by the popup, side panel and options page (those two can add another account). */
export function AccountHeader({ showAddAccount = false }: { showAddAccount?: boolean }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorReply>();

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    // A User Timing mark for the benchmarks: the moment the header first shows who is signed in (or not).
    if (session) benchMark('perch-account-header');
  }, [session]);

  if (!session) return <header className="account-header" aria-busy="true" />;
  const active = session.accounts.find((a) => a.id === session.activeAccountId);

  return (
    <header className="account-header">
      {active ? (
        <div className="account">
          {active.profileImageUrl ? <img className="avatar" src={active.profileImageUrl} alt="" width={32} height={32} /> : null}
          <div className="account-names">
            <span className="account-name">
              <bdi>{active.name}</bdi>
            </span>
            <span className="account-username">
              <bdi>@{active.username}</bdi>
            </span>
          </div>
          {session.accounts.length > 1 ? (
            <label className="account-switch">
              <span className="visually-hidden">{i18n.t('header_account')}</span>
              <select
                value={active.id}
                disabled={busy}
                onChange={(e) => void run(() => sendMessage({ type: 'account.switch', accountId: e.target.value }))}
              >
                {session.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    @{a.username}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" disabled={busy} onClick={() => void run(() => sendMessage({ type: 'auth.signOut', accountId: active.id }))}>
            {i18n.t('header_sign_out')}
          </button>
          {showAddAccount ? (
            <button type="button" className="link" disabled={busy} onClick={() => void run(() => sendMessage({ type: 'auth.signIn' }))}>
              {i18n.t('header_add_account')}
            </button>
          ) : null}
        </div>
      ) : (
        <div className="signed-out">
          {session.notice ? (
            <p className="notice" role="alert">
              {session.notice.username
                ? i18n.t('header_signed_out_of', [session.notice.username, session.notice.reason])
                : i18n.t('header_signed_out', [session.notice.reason])}
            </p>
          ) : null}
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => sendMessage({ type: 'auth.signIn' }))}>
            {i18n.t('header_sign_in')}
          </button>
        </div>
      )}
      {error ? (
        <p className="error" role="alert">
          {errorText(error)}{' '}
          {error.kind === 'not-configured' ? (
            <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('header_open_settings')}
            </button>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}
