import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import type { LogEntry } from '../../emulator/state';
import {
  ADA_ID,
  CLIENT_ID,
  GRACE_ID,
  REDIRECT_URI,
  api,
  control,
  exchangeCode,
  getCode,
  refresh,
  sendJson,
  signIn,
  startTestEmulator,
} from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'POST', 'reset'));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults', () => {
  it('answers the next `count` matching requests with the given 5xx status and an X-shaped body', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 2, kind: 'status', status: 503 });
    for (let i = 0; i < 2; i++) {
      const res = await api(emu, '/2/users/me', access_token);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ title: 'Service Unavailable', type: 'about:blank', status: 503, detail: 'Service Unavailable' });
      expect(res.headers.get('x-rate-limit-limit')).toBeTruthy();
    }
    expect((await api(emu, '/2/users/me', access_token)).status).toBe(200);
  });

  it('matches a path prefix ending in * and an optional method', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/users/*', count: 1, kind: 'status', status: 500 });
    expect((await api(emu, '/2/users/me', access_token)).status).toBe(200);
    await control(emu, 'POST', 'faults', { path: '/2/users/*', count: 1, kind: 'status', status: 502 });
    expect((await api(emu, `/2/users/${GRACE_ID}`, access_token)).status).toBe(502);
    await control(emu, 'DELETE', 'faults');
    expect(emu.state.faults).toEqual([]);
  });

  it('injects a 429 with rate-limit headers', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'rate_limit' });
    const res = await api(emu, '/2/users/me', access_token);
    expect(res.status).toBe(429);
    expect(res.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Math.floor(emu.state.now() / 1000));
  });

  it('answers 429 usage-capped, as X does for an app out of credits, with its rate-limit window not spent', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'usage_capped' });
    const res = await api(emu, '/2/users/me', access_token);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({
      type: 'https://api.x.com/2/problems/usage-capped',
      title: 'UsageCapExceeded',
      period: 'Monthly',
    });
    expect(Number(res.headers.get('x-rate-limit-remaining'))).toBeGreaterThan(0);
    expect((await api(emu, '/2/users/me', access_token)).status).toBe(200);
  });

  it('drops the connection without answering, so fetch rejects', async () => {
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'drop' });
    await expect(api(emu, '/2/users/me', 'whatever')).rejects.toThrow();
    const log = await control<LogEntry[]>(emu, 'GET', 'log');
    expect(log.at(-1)).toMatchObject({ path: '/2/users/me', status: null, fault: 'drop' });
  });

  it('handles the request, then cuts the connection mid-answer, so the client cannot know the outcome', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'cut' });
    await expect(api(emu, '/2/users/me', access_token)).rejects.toThrow();
    const log = await control<LogEntry[]>(emu, 'GET', 'log');
    expect(log.at(-1)).toMatchObject({ path: '/2/users/me', status: 200, fault: 'cut' });
  });

  it('answers as X did, with a body cut short that is not valid JSON', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'malformed' });
    const res = await api(emu, '/2/users/me', access_token);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.length).toBeGreaterThan(0);
    expect(() => JSON.parse(body) as unknown).toThrow();
  });

  it('carries out a write whose answer it spoils: X made the List, the client just cannot read that it did', async () => {
    const { access_token } = await signIn(emu, ['tweet.read', 'users.read', 'list.read', 'list.write']);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/lists', count: 1, kind: 'malformed' });
    const res = await sendJson(emu, 'POST', '/2/lists', access_token, { name: 'Made on X' });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    const owned = (await (await api(emu, `/2/users/${ADA_ID}/owned_lists`, access_token)).json()) as { data?: { name: string }[] };
    expect(owned.data?.map((list) => list.name)).toContain('Made on X');
  });

  it('slows a request down, then processes it normally', async () => {
    const { access_token } = await signIn(emu);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'slow', delay_ms: 150 });
    const started = Date.now();
    const res = await api(emu, '/2/users/me', access_token);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('does not process a slowed request whose client gave up, and logs it as aborted', async () => {
    const { code, verifier } = await getCode(emu);
    await control(emu, 'POST', 'faults', { path: '/2/oauth2/token', count: 1, kind: 'slow', delay_ms: 250 });
    const abort = new AbortController();
    const request = fetch(`${emu.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        code,
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
      signal: abort.signal,
    });
    await sleep(50);
    abort.abort();
    await expect(request).rejects.toThrow();
    await expect
      .poll(async () => (await control<LogEntry[]>(emu, 'GET', 'log')).find((e) => e.path === '/2/oauth2/token'), { interval: 20 })
      .toMatchObject({ aborted: true, status: null, fault: 'slow', grant_type: 'authorization_code' });
    await sleep(250);
    // Never processed: no token was issued and the code is still unused.
    expect(await control(emu, 'GET', 'tokens')).toEqual([]);
    expect((await exchangeCode(emu, code, verifier)).status).toBe(200);
  });
});

describe('the request log', () => {
  it('records every API and OAuth request in order, with grant_type and user_id, but not control calls', async () => {
    const tokens = await signIn(emu);
    await refresh(emu, tokens.refresh_token!);
    await api(emu, '/2/users/me?user.fields=created_at', tokens.access_token);
    await api(emu, '/2/users/me');
    emu.contract.claim({ operationId: 'getUsersMe', rule: 'security' });
    const log = await control<LogEntry[]>(emu, 'GET', 'log');
    expect(log.map((e) => [e.method, e.path, e.status, e.grant_type, e.user_id])).toEqual([
      ['GET', '/i/oauth2/authorize', 200, undefined, ADA_ID],
      ['POST', '/i/oauth2/authorize/decision', 302, undefined, ADA_ID],
      ['POST', '/2/oauth2/token', 200, 'authorization_code', ADA_ID],
      ['POST', '/2/oauth2/token', 200, 'refresh_token', ADA_ID],
      ['GET', '/2/users/me', 200, undefined, ADA_ID],
      ['GET', '/2/users/me', 401, undefined, undefined],
    ]);
    expect(log[4]!.query).toEqual({ 'user.fields': 'created_at' });
    expect(new Date(log[0]!.at).getTime()).toBeLessThanOrEqual(new Date(log[5]!.at).getTime());
    expect(JSON.stringify(log)).not.toContain(tokens.access_token);
    await control(emu, 'DELETE', 'log');
    expect(await control(emu, 'GET', 'log')).toEqual([]);
  });
});

describe('the other control endpoints', () => {
  it('lists every access and refresh token ever issued with its state', async () => {
    const first = await signIn(emu);
    const second = (await (await refresh(emu, first.refresh_token!)).json()) as { access_token: string; refresh_token: string };
    emu.state.advance(2 * 60 * 60 + 1);
    const third = await signIn(emu, ['tweet.read', 'users.read']);
    await control(emu, 'POST', 'clock', { advance_seconds: 0 });
    const list = await control<{ token: string; kind: string; state: string; user_id: string }[]>(emu, 'GET', 'tokens');
    const stateOf = (t: string) => list.find((x) => x.token === t)?.state;
    expect(list).toHaveLength(5);
    expect(stateOf(first.access_token)).toBe('expired');
    expect(stateOf(first.refresh_token!)).toBe('used');
    expect(stateOf(second.access_token)).toBe('expired');
    expect(stateOf(second.refresh_token)).toBe('active');
    expect(stateOf(third.access_token)).toBe('active');
    expect(list.every((t) => t.user_id === ADA_ID)).toBe(true);
  });

  it('reads and advances the emulator clock', async () => {
    const before = await control<{ now: string; unix: number }>(emu, 'GET', 'clock');
    expect(new Date(before.now).toISOString()).toBe(before.now);
    const after = await control<{ now: string; unix: number }>(emu, 'POST', 'clock', { advance_seconds: 3600 });
    expect(after.unix - before.unix).toBeGreaterThanOrEqual(3600);
    expect(after.unix - before.unix).toBeLessThan(3605);
  });

  it('registers or extends clients and keeps them across reset', async () => {
    await control(emu, 'POST', 'clients', { client_id: 'new-client', redirect_uris: ['https://a.example/cb'] });
    const extended = await control<{ redirect_uris: string[] }>(emu, 'POST', 'clients', {
      client_id: 'new-client',
      redirect_uris: ['https://b.example/cb'],
    });
    expect(extended.redirect_uris).toEqual(['https://a.example/cb', 'https://b.example/cb']);
    await signIn(emu);
    await control(emu, 'POST', 'reset');
    const state = await control<{ clients: { client_id: string }[]; tokens: unknown[]; session_user_id: string }>(emu, 'GET', 'state');
    expect(state.clients.map((c) => c.client_id)).toContain('new-client');
    expect(state.tokens).toEqual([]);
    expect(state.session_user_id).toBe(ADA_ID);
  });

  it('registers a confidential client, whose code exchange without its Basic header X refuses as unauthorized_client', async () => {
    await control(emu, 'POST', 'clients', { client_id: CLIENT_ID, redirect_uris: [], confidential: true });
    const { code, verifier } = await getCode(emu);
    const res = await exchangeCode(emu, code, verifier);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized_client', error_description: 'Missing valid authorization header' });
    await control(emu, 'POST', 'clients', { client_id: CLIENT_ID, redirect_uris: [], confidential: false });
    const again = await getCode(emu);
    expect((await exchangeCode(emu, again.code, again.verifier)).status).toBe(200);
  });

  it('refuses a session for a user that does not exist, and bad fault definitions', async () => {
    const res = await fetch(`${emu.url}/__emulator/session`, { method: 'POST', body: JSON.stringify({ user_id: '42' }) });
    expect(res.status).toBe(400);
    const res2 = await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/2/users/me', count: 1, kind: 'explode' }),
    });
    expect(res2.status).toBe(400);
  });

  it('is not rate limited and carries no rate-limit headers', async () => {
    const res = await fetch(`${emu.url}/__emulator/state`);
    expect(res.headers.get('x-rate-limit-limit')).toBeNull();
  });
});
