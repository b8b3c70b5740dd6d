import { storage } from 'wxt/utils/storage';

/**
 * Storage items, declared once. Each says when it is wiped:
 *   clientId          — never (the user's own setting)
 *   session.view      — updated on every sign-in/out; holds no secrets, UIs read it
 *   auth.* (lib/auth) — tokens, cleared on sign-out or when X refuses the refresh token
 * This module is in every screen's bundle, so its checks are written out rather than pulling in zod.
 */

/** The X account as the UIs see it: public profile fields only, never a token. */
export interface AccountView {
  id: string;
  name: string;
  username: string;
  profileImageUrl?: string;
  /**
   * X's `subscription_type` for the account (GET /2/users/me; openapi.json `User.subscription_type`: Basic,
   * Premium, PremiumPlus or None), read at sign-in and each time the account is read again. Absent: not known, so no
   * long posts (lib/text/post-limit.ts).
   */
  subscriptionType?: string;
}

/** Why the user is signed out when they did not ask to be. Shown in the account header. */
export interface SignedOutNotice {
  username?: string;
  reason: string;
  at: string;
}

export interface SessionView {
  accounts: AccountView[];
  activeAccountId: string | null;
  notice: SignedOutNotice | null;
}

export const EMPTY_SESSION: SessionView = { accounts: [], activeAccountId: null, notice: null };

const isString = (v: unknown): v is string => typeof v === 'string';
const optionalString = (v: unknown) => v === undefined || isString(v);

/** True for a well-formed account: digits-only id, name and username strings. */
export function isAccountView(v: unknown): v is AccountView {
  if (!v || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return (
    isString(a.id) &&
    /^\d+$/.test(a.id) &&
    isString(a.name) &&
    isString(a.username) &&
    optionalString(a.profileImageUrl) &&
    optionalString(a.subscriptionType)
  );
}

function isNotice(v: unknown): v is SignedOutNotice {
  if (!v || typeof v !== 'object') return false;
  const n = v as Record<string, unknown>;
  return isString(n.reason) && isString(n.at) && optionalString(n.username);
}

/** True for a well-formed session view (anything else is treated as signed out, never trusted). */
export function isSessionView(v: unknown): v is SessionView {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    Array.isArray(s.accounts) &&
    s.accounts.every(isAccountView) &&
    (s.activeAccountId === null || isString(s.activeAccountId)) &&
    (s.notice === null || isNotice(s.notice))
  );
}

/** Public session state, written only by the background. clearOn: never (entries go with their account). */
export const sessionView = storage.defineItem<SessionView>('local:session.view', {
  fallback: EMPTY_SESSION,
  version: 1,
});

/** The user's X app Client ID, entered on the options page. clearOn: never. */
export const clientIdItem = storage.defineItem<string>('local:settings.clientId', {
  fallback: '',
  version: 1,
});

/**
 * "My X app is on the Enterprise plan", set on the options page: lifts the self-serve rules Perch applies before
 * the click (lib/self-serve.ts). clearOn: never (the user's own setting).
 */
export const enterprisePlanItem = storage.defineItem<boolean>('local:settings.enterprisePlan', {
  fallback: false,
  version: 1,
});

/** Reads the session view, treating anything malformed (another writer, an old version) as empty. */
export async function readSessionView(): Promise<SessionView> {
  const value: unknown = await sessionView.getValue();
  return isSessionView(value) ? value : EMPTY_SESSION;
}
