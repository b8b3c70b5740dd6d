import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { authWordsText } from '@/lib/auth-words-text';
import { resetTokenKeyCache } from '@/lib/auth/key-store';
import { readAccessToken, readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, activeTokens, liveRefreshToken, makeService, revokeRequests, tokenRequests } from './support';

withTestEmulator();
afterEach(() => {
  vi.restoreAllMocks();
  resetTokenKeyCache();
});

/**
 * The browser fails to read the database that holds the key sealing refresh tokens (IndexedDB's "Internal error
 * opening backing store", a disk briefly unreadable): the sealed token in storage.local is untouched and still good.
 */
function keyStoreUnreadable(): void {
  resetTokenKeyCache();
  vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
    throw new DOMException('Internal error.', 'UnknownError');
  });
}

describe('when the key that seals refresh tokens cannot be read for a moment', () => {
  it('keeps the person signed in, with their sign-in, and refreshes once the key can be read again', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const before = await readRefreshToken(ADA_ID);
    h.clock.advance(TWO_HOURS);
    keyStoreUnreadable();

    const error = await h.auth.getAccessToken(ADA_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).kind).toBe('server');
    // Perch's own failure, said as such: not "X had a problem".
    expect(authWordsText((error as AuthError).words)).toBe('Perch could not keep your sign-in on this device. Please try again.');
    // Nothing was sent to X: the refresh token was never read.
    expect(tokenRequests(emu, 'refresh_token')).toEqual([]);
    const view = await readSessionView();
    expect(view.accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(view.notice).toBeNull();

    vi.restoreAllMocks();
    resetTokenKeyCache();
    expect(await readRefreshToken(ADA_ID)).toBe(before);
    const token = await h.auth.getAccessToken(ADA_ID);
    expect(token).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
  });

  it('reads the key again once the store that holds it opens, without waiting for the worker to restart', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    resetTokenKeyCache();
    // The database that holds the key cannot be opened for a while (a disk briefly unreadable).
    const open = vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
      throw new DOMException('The disk could not be read.', 'NotReadableError');
    });

    const error = await h.auth.getAccessToken(ADA_ID).catch((e: unknown) => e);
    expect((error as AuthError).kind).toBe('server');
    expect(open).toHaveBeenCalled();
    open.mockRestore();
    // The next request, in the same worker, refreshes as usual.
    const token = await h.auth.getAccessToken(ADA_ID);
    expect(token).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
  });

  it('still signs the person out when they ask, revoking the access token it can read', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const refreshToken = liveRefreshToken(emu, ADA_ID);
    keyStoreUnreadable();

    await expect(h.auth.signOut(ADA_ID)).resolves.toBeUndefined();
    await h.auth.revoked();
    vi.restoreAllMocks();
    resetTokenKeyCache();
    expect(await readRefreshToken(ADA_ID)).toBeUndefined();
    expect(await readAccessToken(ADA_ID)).toBeUndefined();
    expect((await readSessionView()).accounts).toEqual([]);
    expect(revokeRequests(emu).length).toBeGreaterThanOrEqual(1);
    expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]);
    // The refresh token could not be read, so it could not be handed back: X still holds it.
    expect(emu.state.tokenStatus(emu.state.tokens.get(refreshToken)!)).not.toBe('revoked');
  });
});
