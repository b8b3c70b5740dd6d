import { browser } from 'wxt/browser';
import type { OAuthSettings } from './auth/oauth';
import { DEFAULT_CLIENT_ID, X_API_BASE_URL, X_AUTHORIZE_URL, X_SCOPES } from './config';
import type { Settings } from './views';
import { forgetRefusals } from './refusals';
import { RefusedError } from './refused-error';
import { rememberLegacyClientId } from './auth/token-store';
import { clientIdItem, enterprisePlanItem } from './storage';

/** The callback URL X must redirect to: identity.getRedirectURL(), exactly as the browser gives it. */
export function redirectUrl(): string {
  return browser.identity.getRedirectURL();
}

/** The settings as the options page shows them. */
export async function readSettings(): Promise<Settings> {
  // Anything but text (a stray write, an old version) is no Client ID, never a failure of every settings read.
  const stored: unknown = await clientIdItem.getValue();
  const own = typeof stored === 'string' ? stored.trim() : '';
  return {
    clientId: own || DEFAULT_CLIENT_ID,
    clientIdFromBuild: !own && !!DEFAULT_CLIENT_ID,
    redirectUrl: redirectUrl(),
    browserName: import.meta.env.FIREFOX ? 'firefox' : 'chrome',
    enterprisePlan: (await enterprisePlanItem.getValue()) === true,
  };
}

/**
 * Saves the user's Client ID (an empty string falls back to the build's default). Accounts already signed in stay
 * signed in with the app that issued their grant (lib/auth/grant-client.ts) until they sign in again; for a grant saved
 * before Perch kept its Client ID, the one in use until now is remembered as the app that issued it.
 * @throws RefusedError ('client-id-invalid', worded by the options page) when it cannot be a Client ID.
 */
export async function saveClientId(clientId: string): Promise<Settings> {
  const trimmed = clientId.trim();
  if (trimmed && !/^[A-Za-z0-9_\-.~]{8,200}$/.test(trimmed)) {
    throw new RefusedError('error', { kind: 'client-id-invalid' });
  }
  const before = (await readSettings()).clientId;
  if ((trimmed || DEFAULT_CLIENT_ID) !== before) await rememberLegacyClientId(before);
  await clientIdItem.setValue(trimmed);
  return readSettings();
}

/**
 * Records whether the person's X app is on the Enterprise plan (lifts the self-serve rules). Saying it again
 * forgets X's earlier refusals of a quote or a reply (lib/refusals.ts): the plan may have changed since.
 */
export async function saveEnterprisePlan(enterprisePlan: boolean): Promise<Settings> {
  await enterprisePlanItem.setValue(enterprisePlan);
  await forgetRefusals();
  return readSettings();
}

/** Everything the OAuth exchange needs, read fresh for each attempt. */
export async function oauthSettings(): Promise<OAuthSettings> {
  const s = await readSettings();
  return { clientId: s.clientId, apiBaseUrl: X_API_BASE_URL, authorizeUrl: X_AUTHORIZE_URL, redirectUri: s.redirectUrl, scopes: X_SCOPES };
}
