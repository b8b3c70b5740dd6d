import { sessionView } from '../storage';
import { settingsForGrant } from './grant-client';
import type { OAuthSettings } from './oauth';
import type { PairKeeper } from './pair-save';
import { accountsWithTokens, clearTokens, readAccessToken, readGrantClientId, readRefreshToken } from './token-store';

/**
 * Signing out in an order a worker stopped anywhere in it can finish: the account leaves the session view first
 * (lib/auth/service.ts `signOut`), then its tokens are cleared and handed back to X ({@link clearGrant}). A worker
 * stopped between the two leaves tokens of an account no screen shows, which the next worker finds
 * ({@link unfinishedSignOuts}) and clears quietly, as the person asked — never an account still shown without its
 * tokens, which a later request would report as a sign-in gone.
 */

/** Moves the account's generation on, so a refresh in flight cannot bring its grant back, nor sign it out with a notice. */
export function retireGrant(k: PairKeeper, userId: string): void {
  k.generation.set(userId, (k.generation.get(userId) ?? 0) + 1);
}

/**
 * Clears the account's tokens locally, in its turn of token writes, then revokes them at X in the background (best
 * effort, each request with its deadline), with the Client ID that issued them: signing out never waits for X.
 * @throws if storage fails (the tokens are then left for {@link unfinishedSignOuts}).
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

/** The accounts whose refresh token is still stored though the session view no longer holds them: sign-outs cut off. */
export async function unfinishedSignOuts(): Promise<string[]> {
  const stored = await storedAccountIds();
  if (!stored) return [];
  return (await accountsWithTokens()).filter((id) => !stored.has(id));
}
