import { useEffect, useId, useState } from 'react';
import { AccountHeader } from '@/components/AccountHeader';
import { useSession } from '@/components/use-session';
import { MessageError, sendMessage, type Settings } from '@/lib/messaging';

export function App() {
  const session = useSession();
  const [settings, setSettings] = useState<Settings>();
  const [clientId, setClientId] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const inputId = useId();

  useEffect(() => {
    sendMessage({ type: 'settings.get' }).then(
      (s) => {
        setSettings(s);
        setClientId(s.clientIdFromBuild ? '' : s.clientId);
      },
      (e: unknown) => setStatus({ text: e instanceof Error ? e.message : String(e), error: true }),
    );
  }, []);

  async function act(action: () => Promise<string>) {
    setStatus(undefined);
    try {
      setStatus({ text: await action() });
    } catch (e) {
      setStatus({ text: e instanceof MessageError ? e.message : String(e), error: true });
    }
  }

  const active = session?.accounts.find((a) => a.id === session.activeAccountId);

  return (
    <div className="options">
      <AccountHeader showAddAccount />
      <main>
        <h1>Perch settings</h1>
        <section aria-labelledby="app-heading">
          <h2 id="app-heading">Your X app</h2>
          <p className="muted">
            Perch talks to X through your own X developer app, so your account is only ever used by an app you control.
          </p>
          <ol>
            <li>
              Open the X developer console and create an app (or choose one) with <strong>OAuth 2.0</strong> turned on, type{' '}
              <strong>Native App</strong> (a public client: no secret).
            </li>
            <li>Add the callback URL below to the app’s callback URLs, exactly as shown.</li>
            <li>Copy the app’s OAuth 2.0 Client ID into the box below and save.</li>
            <li>Press “Sign in with X”.</li>
          </ol>
          <h3>Callback URL</h3>
          <code className="callback" aria-label="Callback URL">
            {settings?.redirectUrl ?? '…'}
          </code>
          <button
            type="button"
            disabled={!settings}
            onClick={() =>
              void act(async () => {
                await navigator.clipboard.writeText(settings?.redirectUrl ?? '');
                return 'Callback URL copied.';
              })
            }
          >
            Copy callback URL
          </button>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                const s = await sendMessage({ type: 'settings.setClientId', clientId });
                setSettings(s);
                return s.clientId ? 'Client ID saved.' : 'Client ID cleared.';
              });
            }}
          >
            <label htmlFor={inputId}>Client ID</label>
            <input
              id={inputId}
              type="text"
              value={clientId}
              autoComplete="off"
              spellCheck={false}
              placeholder={settings?.clientIdFromBuild ? `Using the built-in ID ${settings.clientId}` : 'Paste your Client ID'}
              onChange={(e) => setClientId(e.target.value)}
            />
            <button type="submit" className="primary">
              Save
            </button>
          </form>
        </section>
        {active ? (
          <section aria-labelledby="conn-heading">
            <h2 id="conn-heading">Connection</h2>
            <button
              type="button"
              onClick={() =>
                void act(async () => {
                  const account = await sendMessage({ type: 'account.check', accountId: active.id });
                  return `Connected to X as @${account.username}.`;
                })
              }
            >
              Check connection
            </button>
          </section>
        ) : null}
        {status ? (
          <p className={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
            {status.text}
          </p>
        ) : null}
      </main>
    </div>
  );
}
