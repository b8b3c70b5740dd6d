import { describe, expect, it } from 'vitest';
import { emu, withTestEmulator } from '../support/emulator';
import {
  ADA_ID,
  CLIENT_ID,
  REDIRECT_URI,
  api,
  control,
  exchangeCode,
  getCode,
  pkce,
  postForm,
  refresh,
  signIn,
  type TokenBody,
} from './helpers';

/**
 * The emulator's token endpoint: the code grant, the refresh grant, and a token's lifetime and revocation. The
 * consent page and decision: oauth.test.ts.
 */

withTestEmulator();

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

  const invalidCode = { error: 'invalid_request', error_description: 'Value passed for the authorization code was invalid.' };

  it('answers invalid_request, as X does, when a code is used twice, and revokes the tokens issued from it', async () => {
    const { code, verifier } = await getCode(emu);
    const first = (await (await exchangeCode(emu, code, verifier)).json()) as TokenBody;
    const second = await exchangeCode(emu, code, verifier);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual(invalidCode);
    expect((await api(emu, '/2/users/me', first.access_token)).status).toBe(401);
    expect((await refresh(emu, first.refresh_token!)).status).toBe(400);
  });

  it('answers the same invalid_request when the code is exchanged more than 30 seconds after approval', async () => {
    const { code, verifier } = await getCode(emu);
    emu.state.advance(31);
    const res = await exchangeCode(emu, code, verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(invalidCode);
  });

  it('answers the same invalid_request for a code it never issued', async () => {
    const res = await exchangeCode(
      emu,
      'VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmFjOjE',
      pkce().verifier,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(invalidCode);
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
