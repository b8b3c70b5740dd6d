import { describe, expect, it } from 'vitest';
import { emu, withTestEmulator } from '../support/emulator';
import {
  ADA_ID,
  CLIENT_ID,
  GRACE_ID,
  REDIRECT_URI,
  api,
  authorizeUrl,
  control,
  decide,
  exchangeCode,
  getCode,
  pkce,
  postForm,
  refresh,
  requestIdOf,
  signIn,
  type TokenBody,
} from './helpers';

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
    ['code_challenge is too short', { code_challenge: 'challenge' }, /43 to 128 characters/],
    ['code_challenge has characters outside the unreserved set', { code_challenge: 'a'.repeat(42) + '+' }, /43 to 128 characters/],
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

describe('the code grant (POST /2/oauth2/token)', () => {
  it('exchanges a code and verifier for a bearer token, with a refresh token when offline.access was granted', async () => {
    const { code, verifier } = await getCode(emu);
    const res = await exchangeCode(emu, code, verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-rate-limit-limit')).toBeTruthy();
    const body = (await res.json()) as TokenBody;
    expect(body).toEqual({
      token_type: 'bearer',
      expires_in: 7200,
      access_token: expect.any(String),
      scope: 'tweet.read users.read offline.access',
      refresh_token: expect.any(String),
    });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await api(emu, '/2/users/me', body.access_token)).status).toBe(200);
  });

  it('issues no refresh token without offline.access', async () => {
    const body = await signIn(emu, ['tweet.read', 'users.read']);
    expect(body.refresh_token).toBeUndefined();
    expect(body.scope).toBe('tweet.read users.read');
  });

  it('answers invalid_grant when a code is used twice, and revokes the tokens issued from it', async () => {
    const { code, verifier } = await getCode(emu);
    const first = (await (await exchangeCode(emu, code, verifier)).json()) as TokenBody;
    const second = await exchangeCode(emu, code, verifier);
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await api(emu, '/2/users/me', first.access_token)).status).toBe(401);
    expect((await refresh(emu, first.refresh_token!)).status).toBe(400);
  });

  it('answers invalid_grant when the code is exchanged more than 30 seconds after approval', async () => {
    const { code, verifier } = await getCode(emu);
    emu.state.advance(31);
    const res = await exchangeCode(emu, code, verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Authorization code has expired.' });
  });

  it('still accepts the code 29 seconds after approval', async () => {
    const { code, verifier } = await getCode(emu);
    emu.state.advance(29);
    expect((await exchangeCode(emu, code, verifier)).status).toBe(200);
  });

  it('answers invalid_grant when the code_verifier does not hash to the code_challenge', async () => {
    const { code } = await getCode(emu);
    const res = await exchangeCode(emu, code, pkce().verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/code_verifier/) });
  });

  it('answers invalid_grant when the redirect_uri differs from the one used at authorize', async () => {
    const { code, verifier } = await getCode(emu);
    const res = await exchangeCode(emu, code, verifier, { redirect_uri: 'https://evil.example/' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/redirect_uri/) });
  });

  it('answers invalid_grant when another registered client presents the code', async () => {
    emu.state.registerClient('other-client', [REDIRECT_URI]);
    const { code, verifier } = await getCode(emu);
    const res = await exchangeCode(emu, code, verifier, { client_id: 'other-client' });
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers invalid_request naming a missing parameter', async () => {
    const { code } = await getCode(emu);
    const res = await postForm(emu, '/2/oauth2/token', {
      code,
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter [code_verifier].' });
    emu.contract.claim({ operationId: 'oauth2Token', rule: 'docs-request' });
  });

  it('answers unauthorized_client for a Basic header naming an unknown client', async () => {
    const { code, verifier } = await getCode(emu);
    const basic = Buffer.from('nobody:secret').toString('base64');
    const res2 = await postForm(
      emu,
      '/2/oauth2/token',
      { code, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, code_verifier: verifier },
      { authorization: `Basic ${basic}` },
    );
    expect(res2.status).toBe(401);
    expect(await res2.json()).toEqual({ error: 'unauthorized_client', error_description: 'Missing valid authorization header' });
  });

  it('only takes application/x-www-form-urlencoded bodies', async () => {
    const { code, verifier } = await getCode(emu);
    const res = await fetch(`${emu.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    emu.contract.claim({ operationId: 'oauth2Token', rule: 'docs-request' });
  });

  it('answers unsupported_grant_type for grants X does not offer', async () => {
    const res = await postForm(emu, '/2/oauth2/token', { grant_type: 'client_credentials', client_id: CLIENT_ID });
    expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
    emu.contract.claim({ operationId: 'oauth2Token', rule: 'docs-request' });
  });
});

describe('the refresh grant', () => {
  it('rotates: a refresh returns a new access and refresh token and the old refresh token dies', async () => {
    const first = await signIn(emu);
    const res = await refresh(emu, first.refresh_token!);
    expect(res.status).toBe(200);
    const second = (await res.json()) as TokenBody;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe(first.scope);
    expect((await api(emu, '/2/users/me', second.access_token)).status).toBe(200);
    const tokens = await control<{ token: string; state: string }[]>(emu, 'GET', 'tokens');
    expect(tokens.find((t) => t.token === first.refresh_token)?.state).toBe('used');
  });

  it('revokes the whole chain when a used refresh token comes back, answering as X does', async () => {
    const first = await signIn(emu);
    const second = (await (await refresh(emu, first.refresh_token!)).json()) as TokenBody;
    const third = (await (await refresh(emu, second.refresh_token!)).json()) as TokenBody;
    const replay = await refresh(emu, first.refresh_token!);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    expect((await api(emu, '/2/users/me', third.access_token)).status).toBe(401);
    expect((await refresh(emu, third.refresh_token!)).status).toBe(400);
    const tokens = await control<{ token: string; state: string }[]>(emu, 'GET', 'tokens');
    expect(tokens.every((t) => t.state === 'revoked')).toBe(true);
  });

  it('answers invalid_request for an unknown refresh token', async () => {
    const res = await refresh(emu, 'not-a-real-token');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
  });

  it('keeps refresh tokens working after the access token expired', async () => {
    const first = await signIn(emu);
    emu.state.advance(2 * 60 * 60 + 1);
    expect((await api(emu, '/2/users/me', first.access_token)).status).toBe(401);
    expect((await refresh(emu, first.refresh_token!)).status).toBe(200);
  });
});

describe('access token lifetime and revocation', () => {
  it('expires access tokens 2 hours after issue on the emulator clock', async () => {
    const { access_token } = await signIn(emu);
    emu.state.advance(2 * 60 * 60 - 5);
    expect((await api(emu, '/2/users/me', access_token)).status).toBe(200);
    await control(emu, 'POST', 'clock', { advance_seconds: 10 });
    const res = await api(emu, '/2/users/me', access_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
  });

  it('revokes an access token through POST /2/oauth2/revoke', async () => {
    const tokens = await signIn(emu);
    const res = await postForm(emu, '/2/oauth2/revoke', {
      token: tokens.access_token,
      client_id: CLIENT_ID,
      token_type_hint: 'access_token',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revoked: true });
    expect((await api(emu, '/2/users/me', tokens.access_token)).status).toBe(401);
    expect((await refresh(emu, tokens.refresh_token!)).status).toBe(200);
  });

  it('revoking a refresh token also kills the access tokens of that authorization', async () => {
    const tokens = await signIn(emu);
    await postForm(emu, '/2/oauth2/revoke', { token: tokens.refresh_token!, client_id: CLIENT_ID });
    expect((await api(emu, '/2/users/me', tokens.access_token)).status).toBe(401);
    expect((await refresh(emu, tokens.refresh_token!)).status).toBe(400);
  });

  it('answers revoked:true for a token it does not know', async () => {
    const res = await postForm(emu, '/2/oauth2/revoke', { token: 'nope', client_id: CLIENT_ID });
    expect(await res.json()).toEqual({ revoked: true });
  });

  it('ends every authorization of a user when the user revokes the app on x.com', async () => {
    const a = await signIn(emu);
    const b = await signIn(emu);
    expect(await control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID })).toMatchObject({ revoked_grants: 2 });
    for (const t of [a, b]) {
      expect((await api(emu, '/2/users/me', t.access_token)).status).toBe(401);
      expect((await refresh(emu, t.refresh_token!)).status).toBe(400);
    }
  });
});
