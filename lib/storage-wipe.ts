import { browser } from 'wxt/browser';
import { db } from './db';
import type { KeepChoice } from './db/wipe';

/**
 * When each key Perch stores in browser.storage is wiped, declared once (Bitwarden's `clearOn`), beside the
 * tables' policies in lib/db/wipe.ts. A key written anywhere must be declared here: test/unit/db/wipe-policy.test.ts
 * finds every key in the source and every key a signed-in session leaves, and fails for one without a declaration.
 * Background only (it opens the store).
 */

export type StorageAreaName = 'local' | 'session';

export type KeyPolicy = {
  area: StorageAreaName;
  /** The key; for a key per account (or per tab), its prefix: the X user id (the tab id) follows it. */
  key: string;
  perAccount?: true;
  perTab?: true;
} & (
  | /** Removed when its account signs out; a shared key when `holds` says its value is that account's. */ {
      clearOn: 'sign-out';
      holds?: (value: unknown, accountId: string) => boolean;
    }
  | /**
     * A key shared by the accounts: the signing-out account's entries are taken out of it — by `by`, or here by
     * `without` — and the key stays.
     */ {
      clearOn: 'sign-out-entry';
      by?: string;
      without?: (value: unknown, accountId: string) => unknown;
    }
  | /** Kept whoever signs out; lib/storage-kept.ts says why. */ { clearOn: 'never' }
);

const ofAccount = (value: unknown, accountId: string) =>
  typeof value === 'object' && value !== null && (value as { accountId?: unknown }).accountId === accountId;

/** `outbox.feed` (lib/services/outbox-feed.ts) without one account's action changes. */
function withoutChangesOf(value: unknown, accountId: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const feed = value as { changes?: unknown };
  if (!Array.isArray(feed.changes)) return value;
  return { ...feed, changes: feed.changes.filter((c) => !ofAccount(c, accountId)) };
}

/** `popup.snapshots` (entrypoints/popup/snapshot.ts) without one account's screens. */
function withoutSnapshotsOf(value: unknown, accountId: string): unknown {
  if (!Array.isArray(value)) return value;
  return value.filter((item) => !(Array.isArray(item) && typeof item[0] === 'string' && item[0].startsWith(`${accountId} `)));
}

export const STORAGE_WIPE = {
  sessionView: { area: 'local', key: 'session.view', clearOn: 'sign-out-entry', by: 'AuthService.signOut (lib/auth/session.ts)' },
  clientId: { area: 'local', key: 'settings.clientId', clearOn: 'never' },
  enterprisePlan: { area: 'local', key: 'settings.enterprisePlan', clearOn: 'never' },
  signInOutcome: { area: 'local', key: 'signIn.last', clearOn: 'sign-out', holds: ofAccount },
  refreshToken: { area: 'local', key: 'auth.refresh.', perAccount: true, clearOn: 'sign-out' },
  accessToken: { area: 'session', key: 'auth.access.', perAccount: true, clearOn: 'sign-out' },
  legacyClientId: { area: 'local', key: 'auth.legacyClientId', clearOn: 'never' },
  /** A sign-in renewal under way (lib/auth/token-store.ts `beginRenewal`): which refresh token it renews. */
  renewalUnderWay: { area: 'local', key: 'auth.renewing.', perAccount: true, clearOn: 'sign-out' },
  /** Until when X limits renewing this account's sign-in (lib/auth/renewal-limit.ts; storage.local where no session area). */
  renewalLimit: { area: 'session', key: 'auth.renewalLimit.', perAccount: true, clearOn: 'sign-out' },
  /** The sign-outs begun and not yet finished (lib/auth/sign-outs-begun.ts): each account's entry goes when its sign-out ends. */
  signOutsBegun: { area: 'local', key: 'signOuts.begun', clearOn: 'sign-out-entry', by: 'signOutAccount (lib/auth/sign-out.ts)' },
  pendingSignIn: { area: 'session', key: 'auth.pending', clearOn: 'never' },
  popupGrants: { area: 'session', key: 'gate.grants', clearOn: 'never' },
  popupOpen: { area: 'session', key: 'gate.open.', perTab: true, clearOn: 'never' },
  managerTab: { area: 'session', key: 'manager.open', clearOn: 'never' },
  outboxFeed: { area: 'session', key: 'outbox.feed', clearOn: 'sign-out-entry', without: withoutChangesOf },
  /** The reads X is not answering while Perch tries them again (lib/services/read-retries.ts). */
  readRetries: { area: 'session', key: 'x.retrying.', perAccount: true, clearOn: 'sign-out' },
  /** "Got it" on the composer's note of a link post's price (components/LinkCostNote.tsx): once per account. */
  linkCostSeen: { area: 'local', key: 'notes.linkCostSeen.', perAccount: true, clearOn: 'sign-out' },
  /** The signed-out notice the person dismissed beside another account (components/AccountHeader.tsx): its time. */
  signedOutSeen: { area: 'local', key: 'notes.signedOutSeen', clearOn: 'never' },
  /** X refused this account's quote post as Enterprise-only (lib/refusals.ts): Quote is offered on x.com. */
  quoteRefused: { area: 'local', key: 'refusals.quote.', perAccount: true, clearOn: 'sign-out' },
  /** The posts X refused this account's reply to (lib/refusals.ts): Reply is offered on x.com there. */
  replyRefused: { area: 'local', key: 'refusals.reply.', perAccount: true, clearOn: 'sign-out' },
  /** This account's queued actions that failed or wait for the person, not yet seen (lib/failed-actions.ts). */
  failedUnseen: { area: 'local', key: 'failures.unseen.', perAccount: true, clearOn: 'sign-out' },
  /**
   * The popup's last first screens on posts (entrypoints/popup/snapshot.ts): `[entry, snapshot]` pairs, each entry
   * "<account id> <post key>"; the signing-out account's are taken out.
   */
  popupSnapshots: { area: 'session', key: 'popup.snapshots', clearOn: 'sign-out-entry', without: withoutSnapshotsOf },
  testClock: { area: 'local', key: 'test.clockOffsetMs', clearOn: 'never' },
} as const satisfies Record<string, KeyPolicy>;

/** The policy a stored key falls under (WXT's `<key>$` metadata with its key), or undefined when none declares it. */
export function policyOf(area: StorageAreaName, key: string, policies: Record<string, KeyPolicy> = STORAGE_WIPE): KeyPolicy | undefined {
  return Object.values(policies).find(
    (p) =>
      p.area === area &&
      (p.perAccount || p.perTab ? key.startsWith(p.key) && /^\d+$/.test(key.slice(p.key.length)) : key === p.key || key === `${p.key}$`),
  );
}

/** Removes one account's keys from browser.storage as `STORAGE_WIPE` declares. @throws if storage fails. */
export async function wipeAccountStorage(accountId: string): Promise<void> {
  for (const area of ['local', 'session'] as const) {
    const stored: Record<string, unknown> = await browser.storage[area].get(null);
    const doomed = Object.entries(stored)
      .filter(([key, value]) => {
        const p = policyOf(area, key);
        if (p?.clearOn !== 'sign-out') return false;
        return p.perAccount ? key === p.key + accountId : (p.holds?.(value, accountId) ?? false);
      })
      .map(([key]) => key);
    if (doomed.length) await browser.storage[area].remove(doomed);
    const trimmed = Object.entries(stored).flatMap(([key, value]) => {
      const p = policyOf(area, key);
      return p?.clearOn === 'sign-out-entry' && p.without ? [[key, p.without(value, accountId)] as const] : [];
    });
    if (trimmed.length) await browser.storage[area].set(Object.fromEntries(trimmed));
  }
}

/**
 * Removes everything Perch keeps of one account, as the wipe policies declare: its rows in every table (but what
 * the person chose to keep, and X's rate-limit records until their reset) and its stored keys. Other accounts'
 * data stays. Called after AuthService.signOut has taken its tokens and entry away.
 * @throws if IndexedDB or storage fails.
 */
export async function wipeAccount(accountId: string, options: { now: number; keep?: readonly KeepChoice[] }): Promise<void> {
  await db().clearAccount(accountId, options);
  await wipeAccountStorage(accountId);
}
