import { describe, expect, it } from 'vitest';
import { readSignInOutcome } from '@/lib/auth/sign-in-outcome';
import { X_SCOPES } from '@/lib/config';
import { checkXApp, type AppCheckDeps } from '@/lib/services/app-check';
import type { RateLimitInfo } from '@/lib/x/errors';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { ADA_ID, CLIENT_ID, REDIRECT_URI, closedWindow, CHROME_CLOSED, control, makeService } from '../auth/support';
import { emu, noAccountDeps, withTestEmulator } from '../support/sign-in-suite';

withTestEmulator();

const ADA = { id: ADA_ID, username: 'adaperch' };

function memoryStore(): RateLimitStore & { map: Map<string, RateLimitInfo> } {
  const map = new Map<string, RateLimitInfo>();
  return { map, get: (e) => Promise.resolve(map.get(e)), put: (e, i) => Promise.resolve(void map.set(e, i)) };
}

/** Signs Ada in and returns what the background hands checkXApp for her, with a limiter that retries nothing. */
async function signedIn(store = memoryStore()): Promise<AppCheckDeps> {
  const h = makeService(emu);
  await h.auth.signIn();
  return {
    account: ADA,
    clientId: CLIENT_ID,
    redirectUrl: REDIRECT_URI,
    neededScopes: X_SCOPES,
    lastSignIn: await readSignInOutcome(),
    grantedScope: await h.auth.grantedScope(ADA_ID),
    client: createLimitedClient({ client: h.auth.clientFor(ADA_ID, { ...h.settings }), store, now: () => emu.state.now(), getRetries: 0 }),
    now: h.clock.now,
  };
}

const meRequests = () => emu.state.log.filter((e) => e.path === '/2/users/me');

describe('Check my X app', () => {
  it('reports every line as fine for a working app, spending exactly one GET /2/users/me', async () => {
    const deps = await signedIn();
    emu.state.log = [];
    const view = await checkXApp(deps);
    expect(view.signIn).toMatchObject({ mark: 'ok', last: { outcome: 'ok', settingsChanged: false } });
    expect(view.scopes).toEqual({ mark: 'ok', granted: [...X_SCOPES], needed: [...X_SCOPES], missing: [] });
    expect(view.me).toEqual({ mark: 'ok', sent: true, status: 200, username: 'adaperch' });
    expect(view.rateLimit).toMatchObject({ limit: 75, remaining: expect.any(Number) as number });
    expect(view.credits).toEqual({ mark: 'ok' });
    expect(view.billedReads).toBe(1);
    expect(meRequests()).toHaveLength(1);
  });

  it('lists the scopes X did not grant among those Perch asks for', async () => {
    const deps = await signedIn();
    const view = await checkXApp({ ...deps, grantedScope: 'tweet.read users.read offline.access' });
    expect(view.scopes).toMatchObject({
      mark: 'problem',
      missing: X_SCOPES.filter((s) => !['tweet.read', 'users.read', 'offline.access'].includes(s)),
    });
  });

  it('says the app is out of credits from X’s usage-capped answer, and sends it once, never retried', async () => {
    const deps = await signedIn();
    emu.state.log = [];
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'usage_capped' });
    const view = await checkXApp(deps);
    expect(view.me).toMatchObject({ mark: 'problem', sent: true, status: 429, errorKind: 'usage-capped' });
    expect(view.credits).toEqual({ mark: 'problem' });
    expect(meRequests()).toHaveLength(1);
  });

  it('names X’s failure and does not retry it (a 503 is one request, not four)', async () => {
    const deps = await signedIn();
    emu.state.log = [];
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 4, kind: 'status', status: 503 });
    const view = await checkXApp(deps);
    expect(view.me).toMatchObject({ mark: 'problem', sent: true, status: 503, errorKind: 'unavailable' });
    expect(view.credits).toEqual({ mark: 'unknown' });
    expect(meRequests()).toHaveLength(1);
  });

  it('after a 429, shows the spent window and sends nothing more until it resets', async () => {
    const store = memoryStore();
    const deps = await signedIn(store);
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'rate_limit' });
    const first = await checkXApp(deps);
    expect(first.me).toMatchObject({ mark: 'problem', sent: true, status: 429, errorKind: 'rate-limited' });
    expect(first.rateLimit).toMatchObject({ limit: 75, remaining: 0 });
    emu.state.log = [];
    const second = await checkXApp(deps);
    expect(second.me).toMatchObject({ mark: 'problem', sent: false, reason: 'rate-limited' });
    expect(second.billedReads).toBe(0);
    expect(meRequests()).toEqual([]);
  });

  it('with no account after a failed sign-in, says why from the sign-in and spends nothing', async () => {
    await makeService(emu, { flow: closedWindow(CHROME_CLOSED) })
      .auth.signIn()
      .catch(() => undefined);
    emu.state.log = [];
    const view = await checkXApp(noAccountDeps(await readSignInOutcome(), Date.now));
    expect(view.signIn).toMatchObject({ mark: 'problem', last: { outcome: 'closed' } });
    expect(view.scopes).toBeNull();
    expect(view.me).toEqual({ mark: 'unknown', sent: false, reason: 'no-account' });
    expect(view.billedReads).toBe(0);
    expect(emu.state.log).toEqual([]);
  });

  it('says when the Client ID or callback URL changed since the sign-in it reports', async () => {
    const deps = await signedIn();
    const view = await checkXApp({ ...deps, clientId: 'another-client-id' });
    expect(view.signIn.last).toMatchObject({ outcome: 'ok', settingsChanged: true });
  });

  it('shows the daily caps of the answer when X sends them', async () => {
    const deps = await signedIn();
    const reset = Math.floor(Date.UTC(2030, 0, 16) / 1000);
    const day = { limit: 1000, remaining: 0, reset };
    const client: AppCheckDeps['client'] = {
      request: async (req) => {
        const res = await deps.client!.request(req);
        return { ...res, rateLimit: { ...res.rateLimit!, userDay: day, appDay: { ...day, remaining: 5 } } };
      },
    };
    const view = await checkXApp({ ...deps, client });
    expect(view.dailyCaps).toEqual([
      { scope: 'user', limit: 1000, remaining: 0, reset: new Date(reset * 1000).toISOString() },
      { scope: 'app', limit: 1000, remaining: 5, reset: new Date(reset * 1000).toISOString() },
    ]);
  });
});
