import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { authWordsText } from '@/lib/auth-words-text';
import { resetTokenKeyCache } from '@/lib/auth/key-store';
import { readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, activeTokens, liveRefreshToken, makeService, tokenRequests } from './support';

/**
 * X has issued a pair, and Perch cannot store it (it cannot seal it, storage is full): the pair is handed back to X rather
 * than left live with nobody holding it, and the person is told Perch could not keep the sign-in, never later signed
 * out as though X had ended it.
 */

withTestEmulator();
afterEach(() => {
  vi.restoreAllMocks();
  resetTokenKeyCache();
});

const KEEP_WORDS = 'Perch could not keep your sign-in on this device. Please try again.';

/** The browser cannot seal refresh tokens from now on (WebCrypto failing), so none can be stored. */
function refreshTokensNotStored(): void {
  vi.spyOn(crypto.subtle, 'encrypt').mockRejectedValue(new DOMException('The operation failed.', 'OperationError'));
}

/** The live grants X holds for the account. */
const liveGrants = () => activeTokens(emu, ADA_ID, 'refresh').map((t) => t.token);

describe('a new sign-in whose tokens cannot be saved', () => {
  it('hands the grant back to X and says Perch could not keep the sign-in', async () => {
    const h = makeService(emu);
    refreshTokensNotStored();
    const error = await h.auth.signIn().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(authWordsText((error as AuthError).words)).toBe(KEEP_WORDS);
    await h.auth.revoked();
    expect(liveGrants()).toEqual([]);
    expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]);
    expect((await readSessionView()).accounts).toEqual([]);
  });

  it('keeps the grant the account already had when signing in to it again', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const before = liveRefreshToken(emu, ADA_ID);
    refreshTokensNotStored();
    await expect(h.auth.signIn()).rejects.toBeInstanceOf(AuthError);
    await h.auth.revoked();
    expect(liveGrants()).toEqual([before]);
    expect(await readRefreshToken(ADA_ID)).toBe(before);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    vi.restoreAllMocks();
    h.clock.advance(TWO_HOURS);
    expect(await h.auth.getAccessToken(ADA_ID)).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
  });
});

describe('a refresh whose new tokens cannot be saved', () => {
  it('hands the new grant back to X and signs the account out saying Perch could not keep the sign-in', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    refreshTokensNotStored();
    const error = await h.auth.getAccessToken(ADA_ID).catch((e: unknown) => e);
    expect((error as AuthError).kind).toBe('signed-out');
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    await h.auth.revoked();
    expect(liveGrants()).toEqual([]);
    const view = await readSessionView();
    expect(view.accounts).toEqual([]);
    expect(view.notice?.why).toEqual({ kind: 'key-not-stored' });
    expect(authWordsText({ kind: 'key-not-stored' })).toBe(KEEP_WORDS);
  });
});
