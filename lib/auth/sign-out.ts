import type { KeepChoice } from '../db/wipe';
import { sessionView } from '../storage';
import { settingsForGrant } from './grant-client';
import type { OAuthSettings } from './oauth';
import type { PairKeeper } from './pair-save';
import { updateView, withoutAccount } from './session';
import { beginSignOut, endSignOut, markScanned, readSignOutsBegun } from './sign-outs-begun';
import { accountsWithTokens, clearTokens, readAccessToken, readGrantClientId, readRefreshToken } from './token-store';

/**
 * Signing out in an order a worker stopped anywhere in it can finish ({@link signOutAccount}): the sign-out is recorded
 * as begun (lib/auth/sign-outs-begun.ts), the account leaves the session view, its tokens are cleared and handed back
 * to X ({@link clearGrant}), then the record is removed. A worker stopped on the way leaves the record, and the next
 * worker finishes that sign-out quietly ({@link finishSignOuts}), as the person asked — never an account still shown
 * without its tokens, which a later request would report as a sign-in gone.
 */

/** What signing out needs besides the service's grants: its settings, and the wipe of the account's data. */
interface SignOutDeps {
  settings: () => Promise<OAuthSettings>;
  wipe?: ((accountId: string, keep: readonly KeepChoice[]) => Promise<void>) | undefined;
}

/** Sign-outs under way in this worker: their records are not stale, though their accounts may still be shown. */
const underWay = new Set<string>();

/** Moves the account's generation on, so a refresh in flight cannot bring its grant back, nor sign it out with a notice. */
export function retireGrant(k: PairKeeper, userId: string): void {
  k.generation.set(userId, (k.generation.get(userId) ?? 0) + 1);
}

/**
 * Clears the account's tokens locally, in its turn of token writes, then revokes them at X in the background (best
 * effort, each request with its deadline), with the Client ID that issued them: signing out never waits for X.
 * @throws if storage fails (the tokens are then left for {@link finishSignOuts}).
 */
export async function clearGrant(k: PairKeeper, s: OAuthSettings, userId: string): Promise<void> {
  retireGrant(k, userId);
  const held = await k.writes.run(userId, async () => {
    const held = {
      // A refresh token whose key cannot be read now cannot be handed back to X: it is cleared all the same.
      tokens: [await readRefreshToken(userId).catch(() => undefined), (await readAccessToken(userId))?.token],
      clientId: await readGrantClientId(userId),
    };
    await clearTokens(userId);
    return held;
  });
  k.revoker.later(settingsForGrant(s, held.clientId), held.tokens);
}

/**
 * The ids of the accounts the stored session view still holds, as stored: an entry the screens leave out as malformed
 * (lib/storage.ts `sessionViewOf`) is still an account the person did not sign out. Undefined when the stored view
 * does not say which accounts it holds (not a list, an entry without an id): then no account can be told signed out.
 */
async function storedAccountIds(): Promise<Set<string> | undefined> {
  const raw: unknown = await sessionView.getValue();
  const accounts: unknown = raw && typeof raw === 'object' ? (raw as { accounts?: unknown }).accounts : [];
  if (!Array.isArray(accounts)) return undefined;
  const ids = accounts.map((a: unknown) => (a && typeof a === 'object' ? (a as { id?: unknown }).id : undefined));
  return ids.every((id): id is string => typeof id === 'string') ? new Set(ids) : undefined;
}

/**
 * Signs one account out (see above), recording `keep`, what the person chose to keep of its data.
 * @throws if storage fails (the sign-out is then finished by the next worker, or the account is signed in as before).
 */
export async function signOutAccount(k: PairKeeper, d: SignOutDeps, userId: string, keep: readonly KeepChoice[]): Promise<void> {
  retireGrant(k, userId);
  underWay.add(userId);
  try {
    await beginSignOut(userId, keep);
    await updateView((v) => withoutAccount(v, userId, null));
    await clearGrant(k, await d.settings(), userId);
    await d.wipe?.(userId, keep);
    await endSignOut(userId);
  } finally {
    underWay.delete(userId);
  }
}

/**
 * Finishes the sign-outs a stopped worker left half done: one storage read when none was. A record of an account the
 * stored view still holds is of a sign-out stopped before the screens were told: the account stays signed in, and the
 * record goes. Once, for sign-outs cut off by a version that recorded none, every stored token is looked at.
 * @throws if storage fails (what is left is finished by the next worker).
 */
export async function finishSignOuts(k: PairKeeper, d: SignOutDeps): Promise<void> {
  const { scanned, begun } = await readSignOutsBegun();
  const ids = Object.keys(begun).filter((id) => !underWay.has(id));
  if (scanned && ids.length === 0) return;
  const stored = await storedAccountIds();
  if (!stored) return;
  for (const id of ids) {
    if (!stored.has(id)) {
      await clearGrant(k, await d.settings(), id);
      await d.wipe?.(id, begun[id]!.keep);
    }
    if (!underWay.has(id)) await endSignOut(id);
  }
  if (scanned) return;
  for (const id of await accountsWithTokens()) if (!stored.has(id) && !underWay.has(id)) await clearGrant(k, await d.settings(), id);
  await markScanned();
}
