import { AuthError } from './errors';
import { settingsForGrant, type Revoker } from './grant-client';
import type { OAuthSettings } from './oauth';
import { readAccessToken, readGrantClientId, readRefreshToken, saveTokenPair, type TokenPair } from './token-store';
import type { Turns } from './turns';

/**
 * Keeping a pair X has just issued (at sign-in, after a refresh), or handing it back to X when it cannot be kept: a
 * grant Perch did not store is one nobody holds, live at X until it expires, and the account would later be signed out
 * as if X had ended it.
 */

/** What keeping a pair needs of the auth service (lib/auth/service.ts). */
export interface PairKeeper {
  /** Each account's token writes, one after the other. */
  writes: Turns;
  /** Bumped when an account's grant is replaced or signed out, so a refresh in flight cannot bring the old one back. */
  generation: Map<string, number>;
  revoker: Revoker;
}

/**
 * Saves a pair X has just issued (lib/auth/token-store.ts `saveTokenPair`). True once its refresh token is stored, even
 * when the access token's write then failed (the next call refreshes with it). False when it could not be stored (the
 * sealing key unreadable, storage full): the pair is then handed back to X, issued by `s`'s Client ID. Throws nothing.
 */
export async function savePairOrRevoke(revoker: Revoker, s: OAuthSettings, userId: string, pair: TokenPair): Promise<boolean> {
  try {
    await saveTokenPair(userId, pair);
    return true;
  } catch {
    if ((await readRefreshToken(userId).catch(() => undefined)) === pair.refreshToken) return true;
    revoker.later(s, [pair.refreshToken, pair.access.token]);
    return false;
  }
}

/**
 * Keeps a signed-in account's new pair. Signing in again to an account already signed in replaces its grant: the old
 * one is handed back to X, and a refresh of it under way cannot bring it back (the generation moves on). A pair that
 * cannot be saved is handed back to X instead, and the account keeps the grant it had, if any.
 * @throws AuthError 'server' ('key-not-stored': Perch could not keep the sign-in on this device) when it was not saved.
 */
export async function keepSignedInPair(k: PairKeeper, s: OAuthSettings, userId: string, pair: TokenPair): Promise<void> {
  const previous = await k.writes.run(userId, async () => {
    const held = {
      // A refresh token whose key cannot be read now cannot be handed back to X; the new pair's save says if it is kept.
      refresh: await readRefreshToken(userId).catch(() => undefined),
      access: (await readAccessToken(userId))?.token,
      clientId: await readGrantClientId(userId),
    };
    if (!(await savePairOrRevoke(k.revoker, s, userId, pair))) return undefined;
    if (held.refresh || held.access) k.generation.set(userId, (k.generation.get(userId) ?? 0) + 1);
    return held;
  });
  if (!previous) throw new AuthError('server', { kind: 'key-not-stored' });
  k.revoker.later(settingsForGrant(s, previous.clientId), [previous.refresh, previous.access]);
}
