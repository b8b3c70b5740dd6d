import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createXClient, type XRequest } from '@/lib/x/client';
import { ADA_ID, control, refresh, signIn } from '../emulator/helpers';
import { emu, withTestEmulator } from '../support/emulator';
import { xErrorOf } from './support';

/**
 * The X client against the emulator, end to end over HTTP. Scripted answers: client.test.ts.
 */

const ME: XRequest<{ data: { id: string; username: string } }> = {
  method: 'GET',
  path: '/2/users/me',
  schema: z.object({ data: z.object({ id: z.string(), username: z.string() }) }),
};

describe('the X client against the emulator', () => {
  withTestEmulator();

  async function signedIn(scopes?: string[]) {
    const t = await signIn(emu, scopes);
    let access = t.access_token;
    let refreshToken = t.refresh_token!;
    const getAccessToken = vi.fn(async (rejected?: string) => {
      if (rejected === access) {
        const next = (await (await refresh(emu, refreshToken)).json()) as { access_token: string; refresh_token: string };
        access = next.access_token;
        refreshToken = next.refresh_token;
      }
      return access;
    });
    const grantedScopes = () => Promise.resolve(t.scope.split(' '));
    return { client: createXClient({ baseUrl: emu.url, getAccessToken, grantedScopes }), getAccessToken };
  }
  const apiRequests = () => emu.state.log.filter((e) => e.path === '/2/users/me');

  it('returns the signed-in user with its id as a string and the rate-limit window', async () => {
    const { client } = await signedIn();
    const first = await client.request(ME);
    const second = await client.request(ME);
    expect(first.body.data.id).toBe(ADA_ID);
    expect(first.rateLimit).toEqual({ limit: 75, remaining: 74, reset: expect.any(Number) });
    expect(second.rateLimit!.remaining).toBe(73);
    expect(first.rateLimit!.reset).toBeGreaterThan(Date.now() / 1000);
  });

  it('recovers from an access token X expired: one refresh, one retry', async () => {
    const { client, getAccessToken } = await signedIn();
    emu.state.advance(2 * 60 * 60 + 1);
    const res = await client.request(ME);
    expect(res.body.data.id).toBe(ADA_ID);
    expect(getAccessToken).toHaveBeenCalledTimes(2);
    expect(apiRequests().map((e) => e.status)).toEqual([401, 200]);
  });

  it('stops after the second 401 when the whole sign-in was revoked', async () => {
    const { client, getAccessToken } = await signedIn();
    await control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID });
    // The provider hands back the same dead token (its refresh failed silently): no third try.
    getAccessToken.mockImplementation(() => Promise.resolve('dead-token'));
    const error = await xErrorOf(client.request(ME));
    expect(error.kind).toBe('signed-out');
    expect(apiRequests().map((e) => e.status)).toEqual([401, 401]);
  });

  it('reports a missing scope as missing-permission without touching the token', async () => {
    const { client, getAccessToken } = await signedIn(['tweet.read', 'offline.access']);
    const error = await xErrorOf(client.request(ME));
    expect(error.kind).toBe('missing-permission');
    emu.contract.claim({ operationId: 'getUsersMe', rule: 'scopes' }); // on purpose: the token lacks users.read
    expect(getAccessToken.mock.calls).toEqual([[]]);
  });

  it.each([
    ['a rate-limit fault', 'rate-limited', { kind: 'rate_limit' }],
    ['a 503 fault', 'unavailable', { kind: 'status', status: 503 }],
    ['a 500 fault', 'unavailable', { kind: 'status', status: 500 }],
    ['a dropped connection', 'offline', { kind: 'drop' }],
    ['broken JSON', 'malformed', { kind: 'malformed' }],
  ])('turns %s into %s', async (_case, kind, fault) => {
    const { client, getAccessToken } = await signedIn();
    await control(emu, 'POST', 'faults', { path: '/2/users/me', ...fault });
    const error = await xErrorOf(client.request(ME));
    expect(error.kind).toBe(kind);
    expect(getAccessToken.mock.calls).toEqual([[]]);
    if (kind === 'rate-limited') {
      expect(error.rateLimitReset).toBeGreaterThan(Date.now() / 1000);
      // The time X gives, with its day when that is not today (a run just before midnight: "at Dec 7, 00:04.").
      expect(error.message).toMatch(/at (?:[A-Z][a-z]{2} \d{1,2}, )?\d\d:\d\d\.$/);
    }
  });
});
