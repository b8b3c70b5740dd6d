import { readSessionView, sessionView, type AccountView, type SessionView } from '../storage';
import type { XUser } from '../x/users';

/**
 * The public session view (`local:session.view`, lib/storage.ts) as the auth service changes it: only the
 * background writes it. Wipe policy: each account's entry goes when it signs out; the key itself stays.
 */

/** The account as the screens see it: public profile fields of X's user object, never a token. */
export function accountViewOf(user: Pick<XUser, 'id' | 'name' | 'username' | 'profile_image_url' | 'subscription_type'>): AccountView {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    ...(user.profile_image_url ? { profileImageUrl: user.profile_image_url } : {}),
    // Kept as X said it; only the values lib/text/post-limit.ts lists allow long posts.
    ...(user.subscription_type ? { subscriptionType: user.subscription_type } : {}),
  };
}

/**
 * The account view's `missingScopes`: the scopes asked for that X's `scope` (space-separated) does not list; nothing
 * when it lists them all.
 */
export function missingScopesOf(asked: readonly string[], granted: string): Pick<AccountView, 'missingScopes'> {
  const got = new Set(granted.split(/\s+/));
  const missing = asked.filter((s) => !got.has(s));
  return missing.length ? { missingScopes: missing } : {};
}

/** The view without one account; the active account moves to the next one when it was this one. */
export function withoutAccount(v: SessionView, userId: string, notice: SessionView['notice']): SessionView {
  const accounts = v.accounts.filter((a) => a.id !== userId);
  const activeAccountId = v.activeAccountId === userId ? (accounts[0]?.id ?? null) : v.activeAccountId;
  return { accounts, activeAccountId, notice: notice ?? v.notice };
}

/** Reads, changes and writes the view. @throws if storage fails. */
export async function updateView(change: (v: SessionView) => SessionView): Promise<void> {
  await sessionView.setValue(change(await readSessionView()));
}
