import * as z from 'zod/mini';
import type { SignInOutcome } from '../auth/sign-in-outcome';
import { saidOf } from '../compose-words';
import type { XClient } from '../x/client';
import { XApiError, type RateLimitInfo, type RateWindow } from '../x/errors';
import { notDone } from '../x/set-state';
import { USER_FIELDS, userSchema } from '../x/users';
import type { AppCheckView, WindowView } from '../views';

/**
 * "Check my X app": what Perch knows about the person's X app, in one report the settings page words line by line.
 * Spends at most one billed read (GET /2/users/me for the active account, sent once, never retried); with no
 * account signed in, or when X's last answer said the endpoint's limit is used up, it spends nothing.
 */

export interface AppCheckDeps {
  /** The active account, or null. */
  account: { id: string; username: string } | null;
  /** The Client ID in the settings. */
  clientId: string;
  /** The Client ID of the app that issued the account's grant (lib/auth/grant-client.ts), when known. */
  grantClientId?: string | undefined;
  redirectUrl: string;
  /** The scopes Perch asks for (lib/config.ts X_SCOPES). */
  neededScopes: readonly string[];
  lastSignIn: SignInOutcome | undefined;
  /** The scope string X granted to the account's current token, when known. */
  grantedScope: string | undefined;
  /**
   * The scopes X withheld at the account's sign-in, kept with the account (lib/auth/session.ts `missingScopesOf`): what
   * the check says when the token is not at hand (its scope lives in storage.session, gone when the browser closed).
   */
  missingScopes?: readonly string[] | undefined;
  /** A client acting as the account, rate-limited from the store, that retries nothing. */
  client: XClient | undefined;
  now: () => number;
}

// X may answer 200 with only `errors` (its refusal, in its words): read as lib/x/users.ts getMe reads it.
const meSchema = z.looseObject({ data: z.optional(userSchema), errors: z.optional(z.array(z.unknown())) });

function windowView(w: RateWindow): WindowView {
  return { limit: w.limit, remaining: w.remaining, reset: new Date(w.reset * 1000).toISOString() };
}

function rateViews(info: RateLimitInfo | undefined): Pick<AppCheckView, 'rateLimit' | 'dailyCaps'> {
  if (!info) return { rateLimit: null, dailyCaps: [] };
  return {
    rateLimit: windowView(info),
    dailyCaps: [
      ...(info.userDay ? [{ scope: 'user' as const, ...windowView(info.userDay) }] : []),
      ...(info.appDay ? [{ scope: 'app' as const, ...windowView(info.appDay) }] : []),
    ],
  };
}

/**
 * X's own words from the stored outcome, by what they answer: for no-account (an API refusal, `apiErrorKind`) X's words
 * about it (`said`, bounded as every reply's X words are); otherwise X's OAuth `error_description`.
 */
function describedBy(last: SignInOutcome): Pick<NonNullable<AppCheckView['signIn']['last']>, 'description' | 'said'> {
  if (last.apiErrorKind !== undefined) {
    const said = saidOf(last.description);
    return said ? { said } : {};
  }
  return last.description !== undefined ? { description: last.description } : {};
}

function signInView(deps: AppCheckDeps): AppCheckView['signIn'] {
  const last = deps.lastSignIn;
  if (!last) return { mark: 'unknown', last: null };
  // X's consent page, then X sending the person back with a code or a Cancel, means both were accepted.
  const accepted = last.kind === 'ok' || last.kind === 'cancelled' || last.kind === 'no-account';
  const unknown = last.kind === 'network' || last.kind === 'server' || last.kind === 'state-mismatch';
  return {
    mark: accepted ? 'ok' : unknown ? 'unknown' : 'problem',
    last: {
      outcome: last.kind,
      at: last.at,
      ...(last.error !== undefined ? { error: last.error } : {}),
      ...describedBy(last),
      ...(last.status !== undefined ? { status: last.status } : {}),
      ...(last.apiErrorKind !== undefined ? { apiErrorKind: last.apiErrorKind } : {}),
      ...(last.message !== undefined ? { message: last.message } : {}),
      settingsChanged: last.clientId !== deps.clientId || last.redirectUri !== deps.redirectUrl,
    },
  };
}

function scopesView(deps: AppCheckDeps): AppCheckView['scopes'] {
  if (!deps.account) return null;
  const needed = [...deps.neededScopes];
  const scope = deps.grantedScope ?? (deps.lastSignIn?.accountId === deps.account.id ? deps.lastSignIn.scope : undefined);
  if (scope === undefined) {
    // No token at hand, and the last sign-in was another account's: what X withheld at this account's own sign-in.
    const withheld = deps.missingScopes ?? [];
    const missing = needed.filter((s) => withheld.includes(s));
    if (!missing.length) return { mark: 'unknown', granted: [], needed, missing: [] };
    return { mark: 'problem', granted: needed.filter((s) => !withheld.includes(s)), needed, missing };
  }
  const granted = scope.split(/\s+/).filter(Boolean);
  const missing = needed.filter((s) => !granted.includes(s));
  return { mark: missing.length ? 'problem' : 'ok', granted, needed, missing };
}

/**
 * Runs the check. Sends GET /2/users/me at most once, and only with an account and a client.
 * @throws never: every failure of X is a line of the report.
 */
export async function checkXApp(deps: AppCheckDeps): Promise<AppCheckView> {
  const base = {
    checkedAt: new Date(deps.now()).toISOString(),
    account: deps.account,
    app: {
      clientId: deps.clientId,
      redirectUrl: deps.redirectUrl,
      // X answers the account's requests as the app that issued its grant: say so when that is not the settings' app.
      ...(deps.account && deps.grantClientId && deps.grantClientId !== deps.clientId ? { accountClientId: deps.grantClientId } : {}),
    },
    signIn: signInView(deps),
    scopes: scopesView(deps),
  };
  if (!deps.account || !deps.client) {
    return {
      ...base,
      me: { mark: 'unknown', sent: false, reason: 'no-account' },
      rateLimit: null,
      dailyCaps: [],
      credits: { mark: 'unknown' },
      billedReads: 0,
    };
  }
  try {
    const res = await deps.client.request({
      method: 'GET',
      path: '/2/users/me',
      query: { 'user.fields': USER_FIELDS.join(',') },
      schema: meSchema,
    });
    const { data, errors = [] } = res.body;
    if (data === undefined) {
      // A billed answer that says, in X's words, why X gave no account (lib/x/set-state.ts notDone).
      const e = notDone(errors, res.status, 'malformed');
      return {
        ...base,
        me: { mark: 'problem', sent: true, status: res.status, errorKind: e.kind, message: e.message },
        ...rateViews(res.rateLimit),
        credits: { mark: e.kind === 'usage-capped' ? 'problem' : 'unknown' },
        billedReads: 1,
      };
    }
    return {
      ...base,
      me: { mark: 'ok', sent: true, status: res.status, username: data.username },
      ...rateViews(res.rateLimit),
      credits: { mark: 'ok' },
      billedReads: 1,
    };
  } catch (error) {
    const e = error instanceof XApiError ? error : new XApiError('malformed', { cause: error });
    if (e.local) {
      // Not sent: X's last answer said the limit is used up until its reset.
      return {
        ...base,
        me: { mark: 'problem', sent: false, reason: 'rate-limited', message: e.message },
        ...rateViews(e.rateLimit),
        credits: { mark: 'unknown' },
        billedReads: 0,
      };
    }
    if (e.ownWords?.kind === 'app-refused') {
      // Not sent: X refused Perch's app when Perch renewed the sign-in, so no request reached /2/users/me.
      return {
        ...base,
        me: { mark: 'problem', sent: false, reason: 'app-refused', message: e.message },
        rateLimit: null,
        dailyCaps: [],
        credits: { mark: 'unknown' },
        billedReads: 0,
      };
    }
    const capped = e.kind === 'usage-capped';
    const reached = e.status !== undefined;
    return {
      ...base,
      me: { mark: 'problem', sent: true, ...(e.status !== undefined ? { status: e.status } : {}), errorKind: e.kind, message: e.message },
      ...rateViews(e.rateLimit),
      credits: { mark: capped ? 'problem' : 'unknown' },
      billedReads: reached ? 1 : 0,
    };
  }
}
