import { describe, expect, it } from 'vitest';
import { accountsWithTokens, readAccessToken, readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import {
  ADA_ID,
  GRACE_ID,
  TWO_HOURS,
  activeTokens,
  control,
  liveRefreshToken,
  makeService,
  requestSeen,
  revokeRequests,
  signInAs,
} from './support';
import { ALAN_ID, expectNothingStored } from './service-checks';

withTestEmulator();

describe('signing out', () => {
  it('revokes the sign-in at X and clears it locally, with no notice', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const refreshToken = liveRefreshToken(emu, ADA_ID);
    await h.auth.signOut(ADA_ID);
    await expectNothingStored();
    await h.auth.revoked();
    expect(revokeRequests(emu).length).toBeGreaterThanOrEqual(1);
    expect(emu.state.tokenStatus(emu.state.tokens.get(refreshToken)!)).toBe('revoked');
    expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]);
    await expectNothingStored();
  });

  it.each([
    ['X answers 503', () => control(emu, 'POST', 'faults', { path: '/2/oauth2/revoke', kind: 'status', status: 503, count: 5 })],
    ['the connection drops', () => control(emu, 'POST', 'faults', { path: '/2/oauth2/revoke', kind: 'drop', count: 5 })],
  ])('clears the tokens locally even when revoking fails because %s', async (_case, fault) => {
    const h = makeService(emu);
    await h.auth.signIn();
    await fault();
    await expect(h.auth.signOut(ADA_ID)).resolves.toBeUndefined();
    await h.auth.revoked();
    expect(revokeRequests(emu).length).toBeGreaterThanOrEqual(1);
    expect(revokeRequests(emu).every((e) => e.fault)).toBe(true);
    await expectNothingStored();
  });

  it('clears the tokens locally even when the network is down', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.settings.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(h.auth.signOut(ADA_ID)).resolves.toBeUndefined();
    expect(revokeRequests(emu)).toEqual([]);
    await expectNothingStored();
  });

  it('keeps the other account signed in and makes it the active one', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await signInAs(emu, h, GRACE_ID);
    const adaToken = (await readAccessToken(ADA_ID))!.token;
    await h.auth.signOut(GRACE_ID);

    const view = await readSessionView();
    expect(view.accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(view.activeAccountId).toBe(ADA_ID);
    expect(await readRefreshToken(GRACE_ID)).toBeUndefined();
    emu.state.log = [];
    expect(await h.auth.getAccessToken(ADA_ID)).toBe(adaToken);
    expect(emu.state.log).toEqual([]);
    expect(activeTokens(emu, ADA_ID, 'refresh')).toHaveLength(1);
  });

  it('leaves the active account alone when another account signs out', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await signInAs(emu, h, GRACE_ID);
    await signInAs(emu, h, ALAN_ID);
    await h.auth.signOut(ADA_ID);
    const view = await readSessionView();
    expect(view.accounts.map((a) => a.id)).toEqual([GRACE_ID, ALAN_ID]);
    expect(view.activeAccountId).toBe(ALAN_ID);
  });

  it('leaves no active account once the last one signs out', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    await h.auth.signOut(ADA_ID);
    expect(await readSessionView()).toEqual({ accounts: [], activeAccountId: null, notice: null });
  });

  it('leaves no tokens behind when a refresh was in flight while signing out', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    // X holds the refresh until the sign-out is done, so it is in flight throughout however busy the machine.
    await control(emu, 'POST', 'faults', { path: '/2/oauth2/token', kind: 'hold' });
    await control(emu, 'POST', 'faults', { path: '/2/oauth2/revoke', kind: 'status', status: 503, count: 5 });
    const inflight = h.auth.getAccessToken(ADA_ID).catch((e: unknown) => e);
    await requestSeen(emu, (e) => e.grant_type === 'refresh_token');
    await h.auth.signOut(ADA_ID);
    await control(emu, 'POST', 'faults/release');
    await inflight;
    expect(await accountsWithTokens()).toEqual([]);
    expect(await readAccessToken(ADA_ID)).toBeUndefined();
    // The person asked to sign out: no notice says they were signed out without asking.
    expect((await readSessionView()).notice).toBeNull();
  });
});
