import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { authWordsText } from '@/lib/auth-words-text';
import { accountsWithTokens, readRefreshToken } from '@/lib/auth/token-store';
import { X_SCOPES } from '@/lib/config';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import {
  ADA_ID,
  CHROME_CLOSED,
  FIREFOX_CLOSED,
  GRACE_ID,
  TWO_HOURS,
  activeTokens,
  browserFlow,
  closedWindow,
  consent,
  control,
  liveRefreshToken,
  makeService,
  rawStorage,
  revokeRequests,
  signInAs,
  tokenRequests,
} from './support';
import { authErrorOf, ADA, expectNothingStored } from './service-checks';

withTestEmulator();

describe('signing in', () => {
  it('saves the account as the active one in the session view, with its name and @username', async () => {
    const h = makeService(emu);
    const account = await h.auth.signIn();
    expect(account).toMatchObject(ADA);
    const view = await readSessionView();
    expect(view.accounts).toEqual([expect.objectContaining(ADA)]);
    expect(view.activeAccountId).toBe(ADA_ID);
    expect(view.notice).toBeNull();
  });

  it('keeps the refresh token encrypted in storage.local and the access token only in storage.session', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const refreshToken = liveRefreshToken(emu, ADA_ID);
    const accessToken = activeTokens(emu, ADA_ID, 'access')[0]!.token;
    const { local, session } = await rawStorage();
    expect(local).toHaveProperty(`auth.refresh.${ADA_ID}`);
    expect(JSON.stringify(local)).not.toContain(refreshToken);
    expect(JSON.stringify(local)).not.toContain(accessToken);
    expect(await readRefreshToken(ADA_ID)).toBe(refreshToken);
    expect(session[`auth.access.${ADA_ID}`]).toEqual({
      token: accessToken,
      expiresAt: h.clock.now() + TWO_HOURS,
      obtainedAt: h.clock.now(),
      scope: X_SCOPES.join(' '),
    });
  });

  it('asks X for every Perch scope and exchanges the code with exactly one token request', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    expect(h.flow).toHaveBeenCalledTimes(1);
    const asked = new URL(h.flow.mock.calls[0]![0]);
    expect(asked.searchParams.get('scope')!.split(' ')).toEqual([...X_SCOPES]);
    expect(tokenRequests(emu)).toHaveLength(1);
    expect(tokenRequests(emu, 'authorization_code')).toEqual([expect.objectContaining({ status: 200 })]);
  });

  it('keeps the attempt in storage.session while X’s page is open and removes it once signed in', async () => {
    let duringFlow: Record<string, unknown> = {};
    const h = makeService(emu, {
      flow: async (url) => {
        duringFlow = await browser.storage.session.get('auth.pending');
        return consent(url, 'authorize');
      },
    });
    await h.auth.signIn();
    const state = new URL(h.flow.mock.calls[0]![0]).searchParams.get('state')!;
    expect(Object.keys(duringFlow['auth.pending'] as object)).toEqual([state]);
    expect(await browser.storage.session.get('auth.pending')).toEqual({});
  });

  it.each([
    ['pressing Cancel on X’s page', () => browserFlow('cancel')],
    ['closing the window in Chrome', () => closedWindow(CHROME_CLOSED)],
    ['closing the window in Firefox', () => closedWindow(FIREFOX_CLOSED)],
  ])('reports %s as cancelled and stores nothing', async (_case, flow) => {
    const h = makeService(emu, { flow: flow() });
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('cancelled');
    expect(authWordsText(error.words)).toBe('Sign-in was cancelled. Nothing was changed.');
    expect(tokenRequests(emu)).toHaveLength(0);
    await expectNothingStored();
  });

  it('reports a sign-in page that could not be opened as a connection problem, not as a cancel', async () => {
    const h = makeService(emu, { flow: closedWindow('Authorization page could not be loaded.') });
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('network');
    await expectNothingStored();
  });

  it('refuses an answer sent to a different address and never asks X for tokens', async () => {
    const h = makeService(emu, {
      flow: browserFlow('authorize', (l) => l.replace('https://perchtestextensionid.chromiumapp.org/', 'https://evil.example/')),
    });
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('redirect-mismatch');
    expect(tokenRequests(emu)).toHaveLength(0);
    await expectNothingStored();
  });

  it('refuses an answer whose state was tampered with and never asks X for tokens', async () => {
    const h = makeService(emu, {
      flow: browserFlow('authorize', (l) => {
        const u = new URL(l);
        u.searchParams.set('state', 'forged-state-from-another-tab');
        return u.href;
      }),
    });
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('state-mismatch');
    expect(tokenRequests(emu)).toHaveLength(0);
    await expectNothingStored();
  });

  it('asks for a Client ID before opening X when none is set', async () => {
    const h = makeService(emu);
    h.settings.clientId = '';
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('not-configured');
    expect(h.flow).not.toHaveBeenCalled();
    await expectNothingStored();
  });

  it('joins a second sign-in started while X’s page is still open: one consent, one token request', async () => {
    let release!: () => void;
    const opened = new Promise<void>((r) => (release = r));
    const h = makeService(emu, {
      flow: async (url) => {
        await opened;
        return consent(url, 'authorize');
      },
    });
    const first = h.auth.signIn();
    const second = h.auth.signIn();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(a.id).toBe(ADA_ID);
    expect(h.flow).toHaveBeenCalledTimes(1);
    expect(tokenRequests(emu, 'authorization_code')).toHaveLength(1);
  });

  it('signs in a second X account next to the first and makes it the active one', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    const grace = await signInAs(emu, h, GRACE_ID);
    expect(grace).toMatchObject({ id: GRACE_ID, username: 'gracehop' });
    const view = await readSessionView();
    expect(view.accounts.map((a) => a.username)).toEqual(['adaperch', 'gracehop']);
    expect(view.activeAccountId).toBe(GRACE_ID);
    expect((await accountsWithTokens()).sort()).toEqual([ADA_ID, GRACE_ID].sort());
  });

  it('gives the grant back and saves nothing when X will not say which account signed in', async () => {
    await control(emu, 'POST', 'faults', { method: 'GET', path: '/2/users/me', kind: 'status', status: 503 });
    const h = makeService(emu);
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('server');
    await h.auth.revoked();
    expect(revokeRequests(emu)).toEqual([expect.objectContaining({ status: 200 }), expect.objectContaining({ status: 200 })]);
    expect(activeTokens(emu, ADA_ID, 'refresh')).toEqual([]);
    await expectNothingStored();
  });
});
