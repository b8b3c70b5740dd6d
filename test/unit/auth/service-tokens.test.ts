import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { REFRESH_AHEAD_MS } from '@/lib/auth/service';
import { readAccessToken, readRefreshToken, saveTokenPair } from '@/lib/auth/token-store';
import { X_SCOPES } from '@/lib/config';
import { readSessionView } from '@/lib/storage';
import { getMe } from '@/lib/x/users';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, MINUTE, TWO_HOURS, activeTokens, liveRefreshToken, makeService, refresh, tokenRequests } from './support';

withTestEmulator();

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
