import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { AccountHeader } from '@/components/AccountHeader';
import { useSession } from '@/components/use-session';
import { sendMessage, type Settings } from '@/lib/messaging';
import { Phrases } from '@/components/Phrases';
import { thrownText } from '@/components/error-text';
import { AppCheck } from './AppCheck';
import { Costs } from './Costs';

/** The section whose control a status line answers: it is said there, beside the control, not pages below. */
type Where = 'app' | 'plan' | 'connection';

/** Stand for the bold terms inside the first step, where the message is split to put them in. */
const OAUTH = '\uE000';
const NATIVE_APP = '\uE001';

export function App() {
  const session = useSession();
  const [settings, setSettings] = useState<Settings>();
  const [clientId, setClientId] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean; where: Where }>();
  const inputId = useId();
  const planHintId = useId();
  const clientIdNoteId = useId();

  useEffect(() => {
    sendMessage({ type: 'settings.get' }).then(
      (s) => {
        setSettings(s);
        setClientId(s.clientIdFromBuild ? '' : s.clientId);
      },
      (e: unknown) => setStatus({ text: e instanceof Error ? e.message : String(e), error: true, where: 'app' }),
    );
  }, []);

  async function act(where: Where, action: () => Promise<string>) {
    setStatus(undefined);
    try {
      setStatus({ text: await action(), where });
    } catch (e) {
      setStatus({ text: thrownText(e), error: true, where });
    }
  }

  const statusIn = (where: Where) =>
    status?.where === where ? (
      <p className={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
        {status.text}
      </p>
    ) : null;

  const active = session?.accounts.find((a) => a.id === session.activeAccountId);

  return (
    <div className="options">
      <AccountHeader />
      <main>
        <h1>{i18n.t('options_title')}</h1>
        <section aria-labelledby="app-heading">
          <h2 id="app-heading">{i18n.t('options_app_heading')}</h2>
          <p className="muted">
            <Phrases text={i18n.t('options_app_intro')} />
          </p>
          <ol>
            <li>
              {i18n
                .t('options_step_create', [OAUTH, NATIVE_APP])
                .split(/([\uE000\uE001])/)
                .map((part, i) =>
                  part === OAUTH ? (
                    <strong key={i}>{i18n.t('options_oauth')}</strong>
                  ) : part === NATIVE_APP ? (
                    <strong key={i}>{i18n.t('options_native_app')}</strong>
                  ) : (
                    <Phrases key={i} text={part} />
                  ),
                )}
            </li>
            <li>
              <Phrases text={i18n.t('options_step_callback')} />
            </li>
            <li>
              <Phrases text={i18n.t('options_step_client_id')} />
            </li>
            <li>
              <Phrases text={i18n.t('options_step_sign_in', [i18n.t('header_sign_in')])} />
            </li>
          </ol>
          <h3>{i18n.t('options_callback_url')}</h3>
          <code className="callback" aria-label={i18n.t('options_callback_url')}>
            {settings?.redirectUrl ?? i18n.t('options_callback_pending')}
          </code>
          <button
            type="button"
            disabled={!settings}
            onClick={() =>
              void act('app', async () => {
                // The browser may refuse (the page not focused, no permission); its own words are not Perch's.
                await navigator.clipboard.writeText(settings?.redirectUrl ?? '').catch(() => {
                  throw new Error(i18n.t('options_copy_failed'));
                });
                return i18n.t('options_callback_copied');
              })
            }
          >
            {i18n.t('options_copy_callback')}
          </button>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void act('app', async () => {
                const s = await sendMessage({ type: 'settings.setClientId', clientId });
                setSettings(s);
                return s.clientId ? i18n.t('options_client_id_saved') : i18n.t('options_client_id_cleared');
              });
            }}
          >
            <label htmlFor={inputId}>{i18n.t('options_client_id')}</label>
            <input
              id={inputId}
              type="text"
              value={clientId}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={session?.accounts.length ? clientIdNoteId : undefined}
              placeholder={
                settings?.clientIdFromBuild
                  ? i18n.t('options_client_id_builtin', [settings.clientId])
                  : i18n.t('options_client_id_placeholder')
              }
              onChange={(e) => setClientId(e.target.value)}
            />
            <button type="submit" className="primary">
              {i18n.t('options_save')}
            </button>
          </form>
          {/* A grant works only with the app that issued it: say what a new Client ID does to accounts signed in. */}
          {session?.accounts.length ? (
            <p id={clientIdNoteId} className="muted">
              <Phrases text={i18n.t('options_client_id_signed_in')} />
            </p>
          ) : null}
          {statusIn('app')}
        </section>
        <section aria-labelledby="plan-heading">
          <h2 id="plan-heading">{i18n.t('options_plan_heading')}</h2>
          <label className="row">
            <input
              type="checkbox"
              checked={settings?.enterprisePlan ?? false}
              disabled={!settings}
              aria-describedby={planHintId}
              onChange={(e) => {
                const enterprisePlan = e.target.checked;
                // Shown at once; put back if the background could not save it.
                setSettings((s) => s && { ...s, enterprisePlan });
                void act('plan', async () => {
                  try {
                    const s = await sendMessage({ type: 'settings.setEnterprisePlan', enterprisePlan });
                    setSettings(s);
                    return s.enterprisePlan ? i18n.t('options_enterprise_plan_on') : i18n.t('options_enterprise_plan_off');
                  } catch (error) {
                    setSettings((s) => s && { ...s, enterprisePlan: !enterprisePlan });
                    throw error;
                  }
                });
              }}
            />
            {i18n.t('options_enterprise_plan')}
          </label>
          <p id={planHintId} className="muted">
            <Phrases text={i18n.t('options_enterprise_plan_hint')} />
          </p>
          {statusIn('plan')}
        </section>
        {active ? (
          <section aria-labelledby="conn-heading">
            <h2 id="conn-heading">{i18n.t('options_connection')}</h2>
            <button
              type="button"
              onClick={() =>
                void act('connection', async () => {
                  const account = await sendMessage({ type: 'account.check', accountId: active.id });
                  return i18n.t('options_connected', [account.username]);
                })
              }
            >
              {i18n.t('options_check_connection')}
            </button>
            {statusIn('connection')}
          </section>
        ) : null}
        <AppCheck accountId={active?.id} />
        <Costs />
        <p>
          <a href="/privacy.html" target="_blank" rel="noreferrer">
            {i18n.t('options_privacy_link')}
          </a>
        </p>
      </main>
    </div>
  );
}
