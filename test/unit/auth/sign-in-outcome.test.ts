import { describe, expect, it } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { readSignInOutcome } from '@/lib/auth/sign-in-outcome';
import { authWordsText } from '@/lib/auth-words-text';
import { X_SCOPES } from '@/lib/config';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, CHROME_CLOSED, CLIENT_ID, REDIRECT_URI, browserFlow, closedWindow, control, makeService } from './support';

withTestEmulator();

/** Signs in and returns the outcome Perch recorded, whether the sign-in worked or not. */
async function outcomeOf(h: ReturnType<typeof makeService>) {
  await h.auth.signIn().catch(() => undefined);
  return readSignInOutcome();
}

/** A redirect back to Perch's callback URL, with `params` and the state X was sent. */
function backWith(params: Record<string, string>) {
  return browserFlow('authorize', (location) => {
    const url = new URL(REDIRECT_URI);
    url.searchParams.set('state', new URL(location).searchParams.get('state')!);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.href;
  });
}

describe('the last sign-in’s outcome, for “Check my X app”', () => {
  it('records a sign-in that worked: when, with which Client ID and callback URL, the account and the scopes X granted', async () => {
    const h = makeService(emu);
    const outcome = await outcomeOf(h);
    expect(outcome).toEqual({
      kind: 'ok',
      at: new Date(h.clock.now()).toISOString(),
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      accountId: ADA_ID,
      username: 'adaperch',
      scope: X_SCOPES.join(' '),
    });
  });

  it('records the scopes X actually granted, not the ones Perch asked for', async () => {
    const h = makeService(emu);
    h.settings.scopes = ['tweet.read', 'users.read', 'offline.access'];
    expect((await outcomeOf(h))?.scope).toBe('tweet.read users.read offline.access');
  });

  it('tells Cancel on X’s page (X accepted the app) from a window closed before X sent anyone back', async () => {
    expect(await outcomeOf(makeService(emu, { flow: browserFlow('cancel') }))).toMatchObject({ kind: 'cancelled', error: 'access_denied' });
    expect(await outcomeOf(makeService(emu, { flow: closedWindow(CHROME_CLOSED) }))).toMatchObject({ kind: 'closed' });
  });

  it('tells a page that did not load (Chrome ends the flow on X’s error page) from a network failure', async () => {
    const flow = closedWindow('Authorization page could not be loaded.');
    expect(await outcomeOf(makeService(emu, { flow }))).toMatchObject({ kind: 'page-error' });
    expect(await outcomeOf(makeService(emu, { flow: closedWindow('net::ERR_CONNECTION_REFUSED') }))).toMatchObject({ kind: 'network' });
  });

  it('names the error X sent back to the callback URL, with its description', async () => {
    const flow = backWith({ error: 'unauthorized_client', error_description: 'The client is not allowed this grant.' });
    expect(await outcomeOf(makeService(emu, { flow }))).toMatchObject({
      kind: 'authorize-error',
      error: 'unauthorized_client',
      description: 'The client is not allowed this grant.',
    });
  });

  it('records a window that ended on an address other than the callback URL', async () => {
    const flow = browserFlow('authorize', (location) => location.replace(REDIRECT_URI, 'https://elsewhere.example/'));
    expect(await outcomeOf(makeService(emu, { flow }))).toMatchObject({ kind: 'redirect-mismatch' });
  });

  it('names the client error X gave at the token endpoint, with its status', async () => {
    const h = makeService(emu);
    // X knows the app at the consent page but refuses it at /2/oauth2/token (e.g. a confidential "Web App").
    h.settings.fetch = (input, init) =>
      fetch(input, { ...init, body: String(init?.body).replace(`client_id=${CLIENT_ID}`, 'client_id=not-this-app') });
    expect(await outcomeOf(h)).toMatchObject({
      kind: 'token-error',
      error: 'unauthorized_client',
      description: 'Missing valid authorization header',
      status: 401,
    });
  });

  it('records why X would not say which account after issuing tokens (an app out of credits)', async () => {
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'usage_capped' });
    const h = makeService(emu);
    const error = await h.auth.signIn().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    // What the screen says, from the words the reply carries.
    expect(authWordsText((error as AuthError).words)).toMatch(/^Signed in, but X did not say which account\. Your X app is out of credits/);
    expect(await readSignInOutcome()).toMatchObject({ kind: 'no-account', status: 429, apiErrorKind: 'usage-capped' });
  });

  it('records a missing Client ID, and each attempt replaces the one before', async () => {
    await outcomeOf(makeService(emu));
    const h = makeService(emu);
    h.settings.clientId = '';
    expect(await outcomeOf(h)).toMatchObject({ kind: 'not-configured' });
  });
});
