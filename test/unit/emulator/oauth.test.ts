import { describe, expect, it } from 'vitest';
import { emu, withTestEmulator } from '../support/emulator';
import { GRACE_ID, REDIRECT_URI, api, authorizeUrl, control, decide, exchangeCode, pkce, requestIdOf, signIn } from './helpers';

withTestEmulator();

describe('the consent page (GET /i/oauth2/authorize)', () => {
  it('shows the app, the X account that will authorize, the scopes and two real buttons', async () => {
    const res = await fetch(authorizeUrl(emu));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Authorize Perch to access your account?');
    expect(html).toContain('Ada Perch');
    expect(html).toContain('@adaperch');
    for (const scope of ['tweet.read', 'users.read', 'offline.access']) expect(html).toContain(scope);
    expect(html).toMatch(/<form method="post" action="\/i\/oauth2\/authorize\/decision">/);
    expect(html).toMatch(/<button type="submit"[^>]*>Authorize app<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Cancel<\/button>/);
    expect(html).not.toContain('<script');
  });

  it('authorizes as whichever account the control API made the current X session', async () => {
    await control(emu, 'POST', 'session', { user_id: GRACE_ID });
    const html = await (await fetch(authorizeUrl(emu))).text();
    expect(html).toContain('@gracehop');
    const tokens = await signIn(emu);
    const me = (await (await api(emu, '/2/users/me', tokens.access_token)).json()) as { data: { id: string } };
    expect(me.data.id).toBe(GRACE_ID);
  });

  it('accepts code_challenge_method=plain, which the docs list next to S256', async () => {
    const verifier = pkce().verifier;
    const res = await fetch(authorizeUrl(emu, { code_challenge_method: 'plain' }, verifier));
    const location = await decide(emu, requestIdOf(await res.text()), 'authorize');
    const token = await exchangeCode(emu, location.searchParams.get('code')!, verifier);
    expect(token.status).toBe(200);
  });

  it("accepts the docs' own example: code_challenge=challenge with plain, then code_verifier=challenge", async () => {
    // fundamentals--authentication--oauth-2-0--authorization-code ("Authorize URL") and --user-access-token (steps 2, 3).
    const res = await fetch(authorizeUrl(emu, { code_challenge_method: 'plain' }, 'challenge'));
    expect(res.status).toBe(200);
    const location = await decide(emu, requestIdOf(await res.text()), 'authorize');
    const token = await exchangeCode(emu, location.searchParams.get('code')!, 'challenge');
    expect(token.status).toBe(200);
  });

  const longState = 'x'.repeat(501);
  const invalid: [string, Record<string, string | undefined>, RegExp][] = [
    ['client_id is missing', { client_id: undefined }, /client_id is missing/],
    ['client_id is not registered', { client_id: 'someone-else' }, /not a registered app/],
    ['redirect_uri is not an exact match', { redirect_uri: REDIRECT_URI + 'extra' }, /does not exactly match/],
    ['redirect_uri is missing', { redirect_uri: undefined }, /redirect_uri is missing/],
    ['response_type is not code', { response_type: 'token' }, /response_type must be &quot;code&quot;/],
    ['scope is missing', { scope: undefined }, /scope is missing/],
    ['a scope is unknown', { scope: 'tweet.read users.read account.follows.read' }, /Unknown scope\(s\): account\.follows\.read/],
    ['state is missing', { state: undefined }, /state is missing/],
    ['state is longer than 500 characters', { state: longState }, /at most 500/],
    ['code_challenge is missing', { code_challenge: undefined }, /code_challenge is missing/],
    ['code_challenge is longer than 128 characters', { code_challenge: 'a'.repeat(129) }, /at most 128 characters/],
    ['code_challenge has characters outside the unreserved set', { code_challenge: 'a'.repeat(42) + '+' }, /at most 128 characters/],
    ['code_challenge_method is missing', { code_challenge_method: undefined }, /code_challenge_method is missing/],
    ['code_challenge_method is unsupported', { code_challenge_method: 'S512' }, /not supported/],
  ];
  for (const [what, overrides, message] of invalid) {
    it(`answers a 400 error page, without redirecting, when ${what}`, async () => {
      const res = await fetch(authorizeUrl(emu, overrides), { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const html = await res.text();
      expect(html).toMatch(message);
      expect(html).not.toContain('Authorize app');
    });
  }

  it('answers a 400 error page when the scopes are joined with "+" instead of %20, as X has', async () => {
    const url = authorizeUrl(emu).replace(/scope=[^&]+/, (m) => m.replace(/%20/g, '+'));
    expect(url).toContain('scope=tweet.read+');
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/percent-encoded space \(%20\), not &quot;\+&quot;/);
  });

  it('accepts a state of exactly 500 characters', async () => {
    expect((await fetch(authorizeUrl(emu, { state: 'y'.repeat(500) }))).status).toBe(200);
  });
});

describe('the consent decision', () => {
  it('redirects to the redirect_uri with state and code when the user authorizes', async () => {
    const res = await fetch(authorizeUrl(emu, { state: 'abc 123/ü' }));
    const location = await decide(emu, requestIdOf(await res.text()), 'authorize');
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('abc 123/ü');
    expect(location.searchParams.get('code')!.length).toBeGreaterThanOrEqual(40);
  });

  it('redirects with error=access_denied and the state when the user cancels', async () => {
    const res = await fetch(authorizeUrl(emu));
    const location = await decide(emu, requestIdOf(await res.text()), 'cancel');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('answers a consent form only once', async () => {
    const id = requestIdOf(await (await fetch(authorizeUrl(emu))).text());
    await decide(emu, id, 'authorize');
    await expect(decide(emu, id, 'authorize')).rejects.toThrow(/400/);
  });
});
