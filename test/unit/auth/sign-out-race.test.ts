import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { accountsWithTokens, readAccessToken, readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, activeTokens, makeService, revokeRequests, signInAs, tokenRequests } from './support';

withTestEmulator();
afterEach(() => vi.restoreAllMocks());

/** Holds every token encryption (the save of a pair) until `release`; `reached` resolves at the first one. */
function pausedEncryption() {
  const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
  let release!: () => void;
  let arrive!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const reached = new Promise<void>((r) => (arrive = r));
  vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args: Parameters<SubtleCrypto['encrypt']>) => {
    arrive();
    await gate;
    return encrypt(...args);
  });
  return { reached, release };
}

describe('signing out while a refreshed pair is being saved', () => {
  it('leaves no token stored, hands the new grant back to X, and gives the caller no token', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    h.clock.advance(TWO_HOURS);
    const paused = pausedEncryption();
    const asked = h.auth.getAccessToken(ADA_ID).then(
      (token) => token,
      (e: unknown) => e,
    );
    await paused.reached;
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    const signingOut = h.auth.signOut(ADA_ID);
    paused.release();
    await signingOut;

    const answer = await asked;
    expect(answer).toBeInstanceOf(AuthError);
    expect((answer as AuthError).kind).toBe('signed-out');
    expect(await readRefreshToken(ADA_ID)).toBeUndefined();
    expect(await readAccessToken(ADA_ID)).toBeUndefined();
    expect(await accountsWithTokens()).toEqual([]);
    expect(await readSessionView()).toEqual({ accounts: [], activeAccountId: null, notice: null });
    await h.auth.revoked();
    expect(activeTokens(emu, ADA_ID, 'refresh')).toEqual([]);
    expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]);
  });

  it('hands the saved pair back to X once: one revoke for its refresh token, one for its access token', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    h.clock.advance(TWO_HOURS);
    const paused = pausedEncryption();
    const before = revokeRequests(emu).length;
    const asked = h.auth.getAccessToken(ADA_ID).catch((e: unknown) => e);
    await paused.reached;
    const signingOut = h.auth.signOut(ADA_ID);
    paused.release();
    await signingOut;
    await asked;
    await h.auth.revoked();
    expect(revokeRequests(emu).slice(before)).toHaveLength(2);
  });

  it('still refreshes and keeps the pair when nobody signs out', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    h.clock.advance(TWO_HOURS);
    const paused = pausedEncryption();
    const asked = h.auth.getAccessToken(ADA_ID);
    await paused.reached;
    paused.release();
    const token = await asked;
    expect(token).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
    expect(await readRefreshToken(ADA_ID)).toBe(activeTokens(emu, ADA_ID, 'refresh').at(-1)!.token);
  });
});
