import { describe, expect, it, vi } from 'vitest';
import { authWordsText } from '@/lib/auth-words-text';
import { readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, activeTokens, liveRefreshToken, makeService, revokeRequests, tokenRequests } from './support';
import { authErrorOf, expectNothingStored } from './service-checks';

withTestEmulator();

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
