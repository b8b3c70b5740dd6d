import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { AuthError } from '@/lib/auth/errors';
import { authWordsText } from '@/lib/auth-words-text';
import { REFRESH_AHEAD_MS } from '@/lib/auth/service';
import { accountsWithTokens, readAccessToken, readRefreshToken, saveTokenPair } from '@/lib/auth/token-store';
import { X_SCOPES } from '@/lib/config';
import { readSessionView } from '@/lib/storage';
import { getMe } from '@/lib/x/users';
import { emu, withTestEmulator } from '../support/emulator';
import {
  ADA_ID,
  CHROME_CLOSED,
  FIREFOX_CLOSED,
  GRACE_ID,
  MINUTE,
  TWO_HOURS,
  activeTokens,
  browserFlow,
  closedWindow,
  consent,
  control,
  liveRefreshToken,
  makeService,
  rawStorage,
  refresh,
  requestSeen,
  revokeRequests,
  signInAs,
  tokenRequests,
} from './support';

withTestEmulator();

/** Runs `fn` and returns the AuthError it throws (fails the test if it resolves or throws something else). */
async function authErrorOf(fn: () => Promise<unknown>): Promise<AuthError> {
  const error = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

const ADA = { id: ADA_ID, name: 'Ada Perch', username: 'adaperch' };
const ALAN_ID = '1097398373457707008';

async function expectNothingStored(): Promise<void> {
  const { local, session } = await rawStorage();
  expect(Object.keys(local).filter((k) => k.startsWith('auth.'))).toEqual([]);
  expect(Object.keys(session)).toEqual([]);
  expect(await readSessionView()).toEqual({ accounts: [], activeAccountId: null, notice: null });
}

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

describe('handing out access tokens', () => {
  it('reuses a fresh access token without asking X', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const stored = await readAccessToken(ADA_ID);
    emu.state.log = [];
    h.clock.advance(TWO_HOURS - REFRESH_AHEAD_MS - MINUTE);
    expect(await h.auth.getAccessToken(ADA_ID)).toBe(stored!.token);
    expect(emu.state.log).toEqual([]);
  });

  it('refreshes ahead of expiry, once, when less than five minutes are left', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const old = (await readAccessToken(ADA_ID))!.token;
    h.clock.advance(TWO_HOURS - 4 * MINUTE);
    const token = await h.auth.getAccessToken(ADA_ID);
    expect(token).not.toBe(old);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    expect(await readAccessToken(ADA_ID)).toEqual({
      token,
      expiresAt: h.clock.now() + TWO_HOURS,
      obtainedAt: h.clock.now(),
      scope: X_SCOPES.join(' '),
    });
  });

  it('sends exactly one refresh when three callers need a token at once, and gives them all the same token', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS + MINUTE);
    const tokens = await Promise.all([h.auth.getAccessToken(ADA_ID), h.auth.getAccessToken(ADA_ID), h.auth.getAccessToken(ADA_ID)]);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
  });

  it('refreshes after the browser restarted and storage.session lost the access token', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    await browser.storage.session.clear();
    const token = await h.auth.getAccessToken(ADA_ID);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    expect((await readAccessToken(ADA_ID))!.token).toBe(token);
  });

  it('refreshes a token X rejected when it is still the stored one', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const rejected = (await readAccessToken(ADA_ID))!.token;
    const token = await h.auth.getAccessToken(ADA_ID, rejected);
    expect(token).not.toBe(rejected);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
  });

  it('does not refresh a rejected token that another context already replaced', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const rejected = (await readAccessToken(ADA_ID))!.token;
    // Another context (the popup's worker before a restart, another window) refreshed in the meantime.
    await saveTokenPair(ADA_ID, {
      refreshToken: 'refresh-from-another-context',
      access: { token: 'access-from-another-context', expiresAt: h.clock.now() + TWO_HOURS, scope: 'tweet.read' },
    });
    emu.state.log = [];
    expect(await h.auth.getAccessToken(ADA_ID, rejected)).toBe('access-from-another-context');
    expect(emu.state.log).toEqual([]);
  });

  it('stores the rotated pair before the new access token is first sent to X', async () => {
    const seenAtUse: { stored: string | undefined; refresh: string | undefined; live: string }[] = [];
    const h = makeService(emu, {
      deps: {
        fetch: async (input, init) => {
          const auth = new Headers(init?.headers).get('authorization');
          if (auth && emu.state.log.some((e) => e.grant_type === 'refresh_token')) {
            seenAtUse.push({
              stored: (await readAccessToken(ADA_ID))?.token,
              refresh: await readRefreshToken(ADA_ID),
              live: liveRefreshToken(emu, ADA_ID),
            });
            expect(auth).toBe(`Bearer ${seenAtUse.at(-1)!.stored}`);
          }
          return fetch(input, init);
        },
      },
    });
    await h.auth.signIn();
    // X expires the access token early: the client gets a 401, refreshes once and retries.
    emu.state.advance(TWO_HOURS / 1000 + 1);
    const me = await getMe(h.auth.clientFor(ADA_ID, h.settings));
    expect(me.id).toBe(ADA_ID);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    expect(seenAtUse).toHaveLength(1);
    expect(seenAtUse[0]!.refresh).toBe(seenAtUse[0]!.live);
  });

  it('holds the account’s Web Lock while it refreshes', async () => {
    const held: string[] = [];
    const locks = {
      request: vi.fn(async (name: string, fn: () => Promise<unknown>) => {
        held.push(name);
        try {
          expect(tokenRequests(emu, 'refresh_token')).toHaveLength(0);
          return await fn();
        } finally {
          held.pop();
          expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
        }
      }),
    } as unknown as Pick<LockManager, 'request'>;
    const h = makeService(emu, { deps: { locks } });
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    await h.auth.getAccessToken(ADA_ID);
    expect(locks.request).toHaveBeenCalledTimes(1);
    expect(locks.request).toHaveBeenCalledWith(`perch-refresh-${ADA_ID}`, expect.any(Function));
  });

  it('keeps the pair another context rotated in while X was refusing the old refresh token', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    h.settings.fetch = async (input, init) => {
      // Another context wins the race: it stores a new pair, and X has already killed the one we send.
      await saveTokenPair(ADA_ID, {
        refreshToken: 'rotated-elsewhere',
        access: { token: 'access-rotated-elsewhere', expiresAt: h.clock.now() + TWO_HOURS, scope: 'tweet.read' },
      });
      await refresh(emu, liveRefreshToken(emu, ADA_ID));
      return fetch(input, init);
    };
    expect(await h.auth.getAccessToken(ADA_ID)).toBe('access-rotated-elsewhere');
    expect(await readRefreshToken(ADA_ID)).toBe('rotated-elsewhere');
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect((await readSessionView()).notice).toBeNull();
  });
});

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
    await control(emu, 'POST', 'faults', { path: '/2/oauth2/token', kind: 'slow', delay_ms: 200 });
    await control(emu, 'POST', 'faults', { path: '/2/oauth2/revoke', kind: 'status', status: 503, count: 5 });
    const inflight = h.auth.getAccessToken(ADA_ID).catch((e: unknown) => e);
    await requestSeen(emu, (e) => e.grant_type === 'refresh_token');
    await h.auth.signOut(ADA_ID);
    await inflight;
    expect(await accountsWithTokens()).toEqual([]);
    expect(await readAccessToken(ADA_ID)).toBeUndefined();
    // The person asked to sign out: no notice says they were signed out without asking.
    expect((await readSessionView()).notice).toBeNull();
  });
});

describe('bounded, whatever X answers', () => {
  /** A fetch that never answers until its signal aborts, as a hung connection does; counts its calls. */
  function hungFetch() {
    return vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error));
        }),
    );
  }

  /** The real fetch, with X's token answers changed by `change` on the way back. */
  function rewritingTokenAnswers(change: (body: Record<string, unknown>) => void): typeof fetch {
    return async (input, init) => {
      const res = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/2/oauth2/token') || !res.ok) return res;
      const body = (await res.json()) as Record<string, unknown>;
      change(body);
      return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
    };
  }

  it('gives up on a refresh X does not answer, lets go of the account’s lock, and refreshes on the next call', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    h.settings.timeoutMs = 50;
    h.settings.fetch = hungFetch();
    const error = await authErrorOf(() => h.auth.getAccessToken(ADA_ID));
    expect(error.kind).toBe('network');
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    delete h.settings.fetch;
    const token = await h.auth.getAccessToken(ADA_ID);
    expect(token).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
  });

  it('signs out at once, without waiting for X to answer the revoke', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const hung = hungFetch();
    h.settings.timeoutMs = 60_000;
    h.settings.fetch = hung;
    await h.auth.signOut(ADA_ID);
    await expectNothingStored();
    // The revoke was asked for, and is still waiting for X.
    await vi.waitFor(() => expect(hung).toHaveBeenCalled());
    expect(String(hung.mock.calls[0]![0])).toMatch(/\/2\/oauth2\/revoke$/);
  });

  it('hands the old grant back to X when the same account signs in again', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    const old = liveRefreshToken(emu, ADA_ID);
    await h.auth.signIn();
    await h.auth.revoked();
    expect(emu.state.tokenStatus(emu.state.tokens.get(old)!)).toBe('revoked');
    const current = liveRefreshToken(emu, ADA_ID);
    expect(current).not.toBe(old);
    expect(await readRefreshToken(ADA_ID)).toBe(current);
    expect(await h.auth.getAccessToken(ADA_ID)).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
  });

  it('revokes what X issued when its token answer fails validation, and keeps nothing', async () => {
    const h = makeService(emu);
    h.settings.fetch = rewritingTokenAnswers((body) => delete body.token_type);
    const error = await authErrorOf(() => h.auth.signIn());
    expect(error.kind).toBe('server');
    await vi.waitFor(() => expect(revokeRequests(emu)).toHaveLength(2));
    await vi.waitFor(() => {
      expect(activeTokens(emu, ADA_ID, 'refresh')).toEqual([]);
      expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]);
    });
    await expectNothingStored();
  });

  it('revokes the access token X issued without the refresh token Perch needs', async () => {
    const h = makeService(emu);
    h.settings.fetch = rewritingTokenAnswers((body) => delete body.refresh_token);
    const error = await authErrorOf(() => h.auth.signIn());
    expect(authWordsText(error.words)).toMatch(/offline access/);
    await vi.waitFor(() => expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]));
    await expectNothingStored();
  });

  it('does not refresh on every call when X’s tokens live less than the refresh margin', async () => {
    const h = makeService(emu);
    h.settings.fetch = rewritingTokenAnswers((body) => (body.expires_in = 120));
    await h.auth.signIn();
    for (let i = 0; i < 5; i++) {
      await h.auth.getAccessToken(ADA_ID);
      h.clock.advance(10_000);
    }
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(0);
    // Past half its two minutes, it is refreshed — once.
    h.clock.advance(20_000);
    await h.auth.getAccessToken(ADA_ID);
    await h.auth.getAccessToken(ADA_ID);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
  });
});
