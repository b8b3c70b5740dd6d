import { i18n } from '#i18n';
import { useState } from 'react';
import { sendMessage, type AppCheckView } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { dateTimeOf, listOf, numberOf, timeOf } from '@/components/manager/format';
import { errorWords, joinSentences } from '@/lib/error-words';
import { isolateBidi } from '@/lib/text/bidi';
import type { X_SCOPES } from '@/lib/config';
import './app-check.css';

type Mark = 'ok' | 'problem' | 'unknown';
interface Line {
  key: string;
  mark: Mark;
  text: string;
  /** Developer details under the sentence (codes, scope lists). */
  detail?: string;
  /** One sentence each, listed under it (each scope X withheld, with what Perch needs it for). */
  items?: string[];
}

const SYMBOL: Record<Mark, string> = { ok: '✓', problem: '✗', unknown: '?' };

/** The settings say a moment as a date and time ("23 Nov 2026, 14:05"), a reset within the day as a clock time. */
const when = dateTimeOf;
const time = (iso: string) => timeOf(Date.parse(iso));

/**
 * X's OAuth error code and description, as one parenthesis-free phrase, quoted as X wrote it and isolated (FSI…PDI):
 * X's words cannot reorder the sentence around them.
 */
function xError(error: string | undefined, description: string | undefined): string {
  const code = error ?? '?';
  return `“${isolateBidi(description ? `${code}: ${description}` : code)}”`;
}

/**
 * Why X would not say which account: X's refusal by its kind, worded in the reader's language with X's own words
 * quoted as X's; an outcome stored before issue 13 keeps its sentence; with neither, X's status.
 */
function noAccountWhy(last: NonNullable<AppCheckView['signIn']['last']>): string {
  if (last.message !== undefined) return last.message;
  if (last.apiErrorKind !== undefined) {
    // A report made before `said` carried X's words in `description`.
    const said = last.said ?? last.description;
    return errorWords({ kind: last.apiErrorKind, ...(said !== undefined ? { said } : {}) }, timeOf);
  }
  return String(last.status ?? '');
}

function signInLine(v: AppCheckView): Line {
  const last = v.signIn.last;
  const mark = v.signIn.mark;
  if (!last) return { key: 'sign-in', mark, text: i18n.t('app_check_sign_in_none') };
  const at = when(last.at);
  const { clientId, redirectUrl } = v.app;
  let text: string;
  switch (last.outcome) {
    case 'ok':
      text = i18n.t('app_check_sign_in_ok', [at]);
      break;
    case 'cancelled':
      text = i18n.t('app_check_sign_in_cancelled', [at]);
      break;
    case 'no-account':
      text = i18n.t('app_check_sign_in_no_account', [at, noAccountWhy(last)]);
      break;
    case 'closed':
      text = i18n.t('app_check_sign_in_closed', [at, clientId, redirectUrl]);
      break;
    case 'page-error':
      text = i18n.t('app_check_sign_in_page_error', [at, clientId, redirectUrl]);
      break;
    case 'authorize-error':
      text = i18n.t('app_check_sign_in_authorize_error', [at, xError(last.error, last.description)]);
      break;
    case 'redirect-mismatch':
      text = i18n.t('app_check_sign_in_redirect_mismatch', [at, redirectUrl]);
      break;
    case 'token-error':
      text =
        last.error === 'unauthorized_client' || last.error === 'invalid_client'
          ? i18n.t('app_check_sign_in_token_client', [at, xError(last.error, last.description)])
          : i18n.t('app_check_sign_in_token_error', [at, xError(last.error, last.description)]);
      break;
    case 'state-mismatch':
      text = i18n.t('app_check_sign_in_state_mismatch', [at]);
      break;
    case 'network':
      text = i18n.t('app_check_sign_in_network', [at]);
      break;
    case 'server':
      text = i18n.t('app_check_sign_in_server', [at, String(last.status ?? '5xx')]);
      break;
    case 'not-configured':
      text = i18n.t('app_check_sign_in_not_configured');
      break;
  }
  if (last.settingsChanged) text = joinSentences(text, i18n.t('app_check_sign_in_settings_changed'));
  return { key: 'sign-in', mark, text };
}

/** When the account's grant is another app's than the settings': every line after it is about that app. */
function accountAppLines(v: AppCheckView): Line[] {
  const other = v.app.accountClientId;
  if (!other || !v.account) return [];
  return [{ key: 'account-app', mark: 'problem', text: i18n.t('app_check_account_app', [v.account.username, other, v.app.clientId]) }];
}

/** What Perch needs each scope it asks for for, in plain words: a scope added to lib/config.ts fails typecheck here. */
const SCOPE_PURPOSE = {
  'tweet.read': () => i18n.t('app_check_scope_tweet_read'),
  'tweet.write': () => i18n.t('app_check_scope_tweet_write'),
  'users.read': () => i18n.t('app_check_scope_users_read'),
  'bookmark.read': () => i18n.t('app_check_scope_bookmark_read'),
  'bookmark.write': () => i18n.t('app_check_scope_bookmark_write'),
  'list.read': () => i18n.t('app_check_scope_list_read'),
  'list.write': () => i18n.t('app_check_scope_list_write'),
  'mute.read': () => i18n.t('app_check_scope_mute_read'),
  'mute.write': () => i18n.t('app_check_scope_mute_write'),
  'block.read': () => i18n.t('app_check_scope_block_read'),
  'like.write': () => i18n.t('app_check_scope_like_write'),
  'follows.write': () => i18n.t('app_check_scope_follows_write'),
  'media.write': () => i18n.t('app_check_scope_media_write'),
  'offline.access': () => i18n.t('app_check_scope_offline_access'),
  'block.write': () => i18n.t('app_check_scope_block_write'),
} satisfies Record<(typeof X_SCOPES)[number], () => string>;

/** A withheld scope by its name, with what Perch needs it for when it is one Perch asks for. */
function scopeItem(scope: string): string {
  const purpose = Object.hasOwn(SCOPE_PURPOSE, scope) ? SCOPE_PURPOSE[scope as keyof typeof SCOPE_PURPOSE]() : undefined;
  return purpose === undefined ? scope : i18n.t('app_check_scope_item', [scope, purpose]);
}

function scopesLine(v: AppCheckView): Line {
  const s = v.scopes;
  if (!s) return { key: 'scopes', mark: 'unknown', text: i18n.t('app_check_scopes_no_account') };
  const detail = i18n.t('app_check_scopes_detail', [s.granted.join(' ') || '—', s.needed.join(' ')]);
  if (s.mark === 'unknown') return { key: 'scopes', mark: 'unknown', text: i18n.t('app_check_scopes_unknown') };
  if (s.mark === 'ok') return { key: 'scopes', mark: 'ok', text: i18n.t('app_check_scopes_ok', [numberOf(s.needed.length)]), detail };
  return {
    key: 'scopes',
    mark: 'problem',
    text: i18n.t('app_check_scopes_missing', [listOf(s.missing)]),
    detail,
    items: s.missing.map(scopeItem),
  };
}

function meLine(v: AppCheckView): Line {
  const me = v.me;
  if (me.mark === 'ok') return { key: 'me', mark: 'ok', text: i18n.t('app_check_me_ok', [String(me.status), me.username]) };
  if (me.sent) {
    const text =
      me.status !== undefined
        ? i18n.t('app_check_me_refused', [String(me.status), me.message])
        : i18n.t('app_check_me_unreached', [me.message]);
    return { key: 'me', mark: 'problem', text, detail: me.errorKind };
  }
  // Not sent, and why in the words an action would show (X's limit used up; X refusing the app at the token endpoint).
  if (me.reason === 'rate-limited' || me.reason === 'app-refused') {
    return { key: 'me', mark: 'problem', text: i18n.t('app_check_me_rate_limited', [me.message ?? '']) };
  }
  const failed = v.signIn.last && v.signIn.last.outcome !== 'ok';
  return { key: 'me', mark: 'unknown', text: failed ? i18n.t('app_check_me_no_token') : i18n.t('app_check_me_no_account') };
}

function rateLines(v: AppCheckView): Line[] {
  const lines: Line[] = [];
  const r = v.rateLimit;
  if (r) {
    lines.push({
      key: 'rate',
      mark: r.remaining > 0 ? 'ok' : 'problem',
      text: i18n.t('app_check_rate', [numberOf(r.remaining), numberOf(r.limit), time(r.reset)]),
    });
  } else {
    lines.push({ key: 'rate', mark: 'unknown', text: i18n.t('app_check_rate_none') });
  }
  for (const d of v.dailyCaps) {
    lines.push({
      key: `daily-${d.scope}`,
      mark: d.remaining > 0 ? 'ok' : 'problem',
      text: i18n.t(d.scope === 'user' ? 'app_check_daily_user' : 'app_check_daily_app', [
        numberOf(d.remaining),
        numberOf(d.limit),
        when(d.reset),
      ]),
    });
  }
  if (!v.dailyCaps.length && r) lines.push({ key: 'daily', mark: 'ok', text: i18n.t('app_check_daily_none') });
  return lines;
}

function creditsLine(v: AppCheckView): Line {
  if (v.credits.mark === 'ok') return { key: 'credits', mark: 'ok', text: i18n.t('app_check_credits_ok') };
  if (v.credits.mark === 'problem') return { key: 'credits', mark: 'problem', text: i18n.t('app_check_credits_out') };
  return { key: 'credits', mark: 'unknown', text: i18n.t('app_check_credits_unknown') };
}

/** The report in words, one line each, in the order a developer would fix things. */
export function appCheckLines(v: AppCheckView): Line[] {
  return [signInLine(v), ...accountAppLines(v), scopesLine(v), meLine(v), ...rateLines(v), creditsLine(v)];
}

/** "Check my X app": one button, then what Perch found, line by line. */
export function AppCheck({ accountId }: { accountId: string | undefined }) {
  const [report, setReport] = useState<AppCheckView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function check() {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await sendMessage({ type: 'app.check', ...(accountId ? { accountId } : {}) }));
    } catch (e) {
      setReport(undefined);
      setError(thrownText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="app-check-heading" className="app-check">
      <h2 id="app-check-heading">{i18n.t('app_check_heading')}</h2>
      <p className="muted">{i18n.t('app_check_intro')}</p>
      {/* Not disabled while it checks: a disabled button loses the focus, and a keyboard user who pressed it would land
          on the page's top. It says it is busy, and a press while it checks does nothing. */}
      <button
        type="button"
        onClick={() => {
          if (!busy) void check();
        }}
        aria-disabled={busy || undefined}
        aria-busy={busy}
      >
        {i18n.t('app_check_button')}
      </button>
      <div aria-live="polite">
        {report ? (
          <>
            <ul className="app-check-lines" aria-label={i18n.t('app_check_results')}>
              {appCheckLines(report).map((line) => (
                <li key={line.key} className={`app-check-${line.mark}`}>
                  <span className="app-check-mark" aria-hidden="true">
                    {SYMBOL[line.mark]}
                  </span>
                  <div>
                    <span className="visually-hidden">{i18n.t(`app_check_mark_${line.mark}`)} </span>
                    {line.text}
                    {line.detail ? <code className="app-check-detail">{line.detail}</code> : null}
                    {line.items ? (
                      <ul className="app-check-items">
                        {line.items.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            <p className="muted app-check-spent">
              {report.billedReads
                ? i18n.t('app_check_spent_one', [when(report.checkedAt)])
                : i18n.t('app_check_spent_none', [when(report.checkedAt)])}
            </p>
          </>
        ) : null}
      </div>
      {error ? (
        <p className="status error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
