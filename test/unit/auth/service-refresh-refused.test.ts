import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { readAccessToken, readRefreshToken } from '@/lib/auth/token-store';
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
  refresh,
  signInAs,
  tokenRequests,
} from './support';
import { authErrorOf } from './service-checks';

withTestEmulator();

describe('when X refuses the refresh token', () => {
  it.each([
    ['the person removed Perch from their connected apps on x.com', () => control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID })],
    // The refresh token was used elsewhere (leaked or copied): X treats our use as reuse and kills the chain.
    ['the refresh token was already used elsewhere', () => refresh(emu, liveRefreshToken(emu, ADA_ID))],
  ])('signs that account out with a notice when %s, and leaves everything else alone', async (_case, refuse) => {
    const h = makeService(emu);
    await signInAs(emu, h, GRACE_ID);
    await signInAs(emu, h, ADA_ID);
    await browser.storage.local.set({ 'drafts.v1': [{ id: 'd1', text: 'half a thought' }], 'settings.clientId': 'perch-unit-client' });
    await browser.storage.session.set({ 'ui.tab': 'lists' });
    const graceBefore = { access: await readAccessToken(GRACE_ID), refresh: await readRefreshToken(GRACE_ID) };
    await refuse();
    h.clock.advance(TWO_HOURS);

    const error = await authErrorOf(() => h.auth.getAccessToken(ADA_ID));
    expect(error.kind).toBe('signed-out');
    expect(
      tokenRequests(emu, 'refresh_token')
        .filter((e) => e.user_id === ADA_ID)
        .at(-1)!.status,
    ).toBe(400);

    expect(await readRefreshToken(ADA_ID)).toBeUndefined();
    expect(await readAccessToken(ADA_ID)).toBeUndefined();
    const view = await readSessionView();
    expect(view.accounts.map((a) => a.id)).toEqual([GRACE_ID]);
    expect(view.activeAccountId).toBe(GRACE_ID);
    // Why, by kind and X's facts, never a sentence in the language the background spoke then.
    expect(view.notice).toEqual({
      username: 'adaperch',
      why: { kind: 'grant-gone', code: 'invalid_request', said: 'Value passed for the token was invalid.' },
      at: new Date(h.clock.now()).toISOString(),
    });

    expect({ access: await readAccessToken(GRACE_ID), refresh: await readRefreshToken(GRACE_ID) }).toEqual(graceBefore);
    expect(await browser.storage.local.get(['drafts.v1', 'settings.clientId'])).toEqual({
      'drafts.v1': [{ id: 'd1', text: 'half a thought' }],
      'settings.clientId': 'perch-unit-client',
    });
    expect(await browser.storage.session.get('ui.tab')).toEqual({ 'ui.tab': 'lists' });
  });

  it('signs out with a notice when the stored refresh token can no longer be read', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    await browser.storage.local.set({ [`auth.refresh.${ADA_ID}`]: { v: 1, iv: 'AAAAAAAAAAAAAAAA', data: 'dGFtcGVyZWQ=' } });
    h.clock.advance(TWO_HOURS);
    const error = await authErrorOf(() => h.auth.getAccessToken(ADA_ID));
    expect(error.kind).toBe('signed-out');
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(0);
    const view = await readSessionView();
    expect(view.accounts).toEqual([]);
    expect(view.notice).toEqual({ username: 'adaperch', why: { kind: 'sign-in-gone' }, at: new Date(h.clock.now()).toISOString() });
  });
});

describe('when X cannot be reached for a refresh', () => {
  it.each([
    ['X answers 503', 'server', () => control(emu, 'POST', 'faults', { path: '/2/oauth2/token', kind: 'status', status: 503 })],
    ['X answers 500', 'server', () => control(emu, 'POST', 'faults', { path: '/2/oauth2/token', kind: 'status', status: 500 })],
    ['the connection drops', 'network', () => control(emu, 'POST', 'faults', { path: '/2/oauth2/token', kind: 'drop' })],
  ])('reports it when %s (%s) and keeps the person signed in', async (_case, kind, fault) => {
    const h = makeService(emu);
    await h.auth.signIn();
    const before = { access: await readAccessToken(ADA_ID), refresh: await readRefreshToken(ADA_ID) };
    h.clock.advance(TWO_HOURS);
    await fault();

    const error = await authErrorOf(() => h.auth.getAccessToken(ADA_ID));
    expect(error.kind).toBe(kind);
    expect(tokenRequests(emu, 'refresh_token')).toEqual([expect.objectContaining({ fault: expect.any(String) })]);
    expect({ access: await readAccessToken(ADA_ID), refresh: await readRefreshToken(ADA_ID) }).toEqual(before);
    const view = await readSessionView();
    expect(view.accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(view.notice).toBeNull();

    // Once X is back, the same stored refresh token still works.
    const token = await h.auth.getAccessToken(ADA_ID);
    expect(token).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
  });

  it('reports a network that is down as a connection problem and keeps the person signed in', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const before = await readRefreshToken(ADA_ID);
    h.clock.advance(TWO_HOURS);
    h.settings.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await authErrorOf(() => h.auth.getAccessToken(ADA_ID));
    expect(error.kind).toBe('network');
    expect(await readRefreshToken(ADA_ID)).toBe(before);
    expect((await readSessionView()).accounts).toHaveLength(1);
    expect((await readSessionView()).notice).toBeNull();
  });
});
