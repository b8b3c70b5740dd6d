import { browser, type Browser } from 'wxt/browser';
import { authWordsOf, type AuthWords } from './auth-words';

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
  /**
   * The scopes Perch asks for (lib/config.ts X_SCOPES) that X's token answer did not grant at sign-in (its `scope`):
   * what needs them X refuses. Absent when X granted them all, or did not say.
   */
  missingScopes?: string[];
}

/**
 * Why the user is signed out when they did not ask to be. Shown in the account header, worded there in the reader's
 * language from `why` (lib/auth-words-text.ts): the background stores no sentence of its own.
 */
export type SignedOutNotice = {
  username?: string;
  at: string;
} & (
  | { why: AuthWords; reason?: never }
  /** Rows stored before issue 13 only: the background's sentence, in the language it spoke then. Never written now. */
  | { reason: string; why?: never }
);

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

/**
 * The account's `missingScopes` fit to be shown: X's scope names (`tweet.write`), a few dozen at most. Anything else
 * (another version's field, a write cut off) shows nothing, and never costs the account its place in the view.
 */
export function shownMissingScopes(account: AccountView): string[] {
  const v: unknown = account.missingScopes;
  const fit = Array.isArray(v) && v.length <= 50 && v.every((s) => isString(s) && /^[a-z][a-z.]{0,39}$/.test(s));
  return fit ? (v as string[]) : [];
}

/** X's usernames: letters, digits and `_` (a few old ones are short; none is long). */
const USERNAME = /^\w{1,50}$/;
const NOTICE_FIELDS: ReadonlySet<string> = new Set(['username', 'at', 'why', 'reason']);

/**
 * True for a notice of exactly one of its two shapes, within bounds: `why` as lib/auth-words.ts accepts it, or an old
 * row's `reason` sentence (at most 1,000 characters); an ISO time; an X username when there is one.
 */
export function isNotice(v: unknown): v is SignedOutNotice {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const n = v as Record<string, unknown>;
  const why = n.why !== undefined && n.reason === undefined && authWordsOf(n.why) !== undefined;
  const reason = n.reason !== undefined && n.why === undefined && isString(n.reason) && n.reason.trim() !== '' && n.reason.length <= 1000;
  return (
    Object.keys(n).every((k) => NOTICE_FIELDS.has(k)) &&
    (why || reason) &&
    isString(n.at) &&
    n.at.length <= 40 &&
    (n.username === undefined || (isString(n.username) && USERNAME.test(n.username)))
  );
}

/**
 * True for a well-formed session view that holds together: each account once, and the active account among them (none
 * only when there are no accounts). Anything else is read by {@link sessionViewOf}, never trusted as it is.
 */
export function isSessionView(v: unknown): v is SessionView {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    Array.isArray(s.accounts) &&
    s.accounts.every(isAccountView) &&
    new Set(s.accounts.map((a: AccountView) => a.id)).size === s.accounts.length &&
    (s.accounts.length === 0 ? s.activeAccountId === null : s.accounts.some((a: AccountView) => a.id === s.activeAccountId)) &&
    (s.notice === null || isNotice(s.notice))
  );
}

/** One value in storage.local or storage.session (see {@link defineItem}). */
export interface LocalItem<T> {
  /** The stored value, else the fallback. */
  getValue(): Promise<T>;
  /** Stores `value`; null or undefined removes it. */
  setValue(value: T | null | undefined): Promise<void>;
  /** Calls back with each change of the value (the fallback for none), never for a write of an equal value. */
  watch(onChange: (next: T, previous: T) => void): () => void;
}

/**
 * One value in storage.local or storage.session under `key` (`local:name`, `session:name`), read and written exactly
 * as WXT's storage items with a fallback, version 1 and no migrations (so no version metadata is ever written).
 * Written out so the background bundles no @wxt-dev/storage, and a woken worker does not read each item once at start
 * as that library does; nor does the popup's first load (3 KB gzip, issue 13).
 */
export function defineItem<T>(item: `${'local' | 'session'}:${string}`, fallback: T): LocalItem<T> {
  const [areaName, key] = item.startsWith('session:') ? (['session', item.slice(8)] as const) : (['local', item.slice(6)] as const);
  const area = () => browser.storage[areaName];
  return {
    async getValue() {
      return ((await area().get(key))[key] ?? fallback) as T;
    },
    async setValue(value) {
      if (value == null) await area().remove(key);
      else await area().set({ [key]: value });
    },
    watch(onChange) {
      const listener = (changes: Record<string, Browser.storage.StorageChange>) => {
        const change = changes[key];
        if (change && !sameValue(change.newValue, change.oldValue)) {
          onChange((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
        }
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}

/** Deep equality of two stored (JSON-like) values, as the dequal WXT's storage compares changes with. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

/** Public session state, written only by the background. clearOn: never (entries go with their account). */
export const sessionView = defineItem<SessionView>('local:session.view', EMPTY_SESSION);

/** The user's X app Client ID, entered on the options page. clearOn: never. */
export const clientIdItem = defineItem<string>('local:settings.clientId', '');

/**
 * "My X app is on the Enterprise plan", set on the options page: lifts the self-serve rules Perch applies before
 * the click (lib/self-serve.ts). clearOn: never (the user's own setting).
 */
export const enterprisePlanItem = defineItem<boolean>('local:settings.enterprisePlan', false);

/**
 * The session view in `value`, read leniently part by part (another writer, an old version, a tampered profile): a
 * malformed account entry is left out, never the sound accounts beside it, and an account listed twice is kept once
 * (its first entry); the active account, when it names none of those left (gone, empty, null), is the first left, so
 * a person whose account and tokens are stored is never shown signed out without a reason; a malformed notice reads
 * as none. Anything else malformed reads as signed out.
 */
export function sessionViewOf(value: unknown): SessionView {
  if (isSessionView(value)) return value;
  if (!value || typeof value !== 'object') return EMPTY_SESSION;
  const v = value as Record<string, unknown>;
  const accounts: AccountView[] = [];
  for (const a of Array.isArray(v.accounts) ? (v.accounts as unknown[]) : []) {
    if (isAccountView(a) && !accounts.some((k) => k.id === a.id)) accounts.push(a);
  }
  const active = accounts.find((a) => a.id === v.activeAccountId) ?? accounts[0];
  return {
    accounts,
    activeAccountId: active?.id ?? null,
    notice: isNotice(v.notice) ? v.notice : null,
  };
}

/** Reads the session view (see {@link sessionViewOf}). */
export async function readSessionView(): Promise<SessionView> {
  return sessionViewOf(await sessionView.getValue());
}
