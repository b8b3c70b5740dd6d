import { describe, expect, it, vi } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { checkRedirect, exchangeCode, refreshTokens } from '@/lib/auth/oauth';
import { settings } from './oauth-settings';

/**
 * X's token endpoint refusing with a `WWW-Authenticate` challenge beside its reason in the body (RFC 6750 §3): read as
 * the same refusal without the header is (fundamentals--authentication--oauth-2-0--authorization-code: POST
 * /2/oauth2/token), X's reason and words kept, never as X failing.
 */

const CHALLENGE = { 'www-authenticate': 'Bearer error="invalid_token"' };

/** X's token endpoint answering `status` with `body`, and a challenge. */
const answering = (status: number, body: string, contentType = 'application/json') =>
  vi.fn(async () => new Response(body, { status, headers: { 'content-type': contentType, ...CHALLENGE } }));

const refusal = (error: string, description: string) => JSON.stringify({ error, error_description: description });

async function refreshRefused(fetch: typeof globalThis.fetch): Promise<AuthError> {
  const error = await refreshTokens({ ...settings, fetch }, 'old-refresh-token').catch((e: unknown) => e);
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

describe('a refresh X refuses with a WWW-Authenticate challenge', () => {
  it.each([
    [401, 'invalid_request', 'Value passed for the token was invalid.'],
    [400, 'invalid_grant', 'The refresh token is no longer valid.'],
  ])('answered %i %s signs the person out with X’s reason and words', async (status, code, said) => {
    const error = await refreshRefused(answering(status, refusal(code, said)));
    expect(error.kind).toBe('signed-out');
    expect(error.words).toEqual({ kind: 'grant-gone', code, said });
  });

  it('with another reason is X refusing, with its reason and words', async () => {
    const error = await refreshRefused(answering(401, refusal('unauthorized_client', 'Missing valid authorization header')));
    expect(error.kind).toBe('denied');
    expect(error.words).toEqual({ kind: 'refused-code', code: 'unauthorized_client', said: 'Missing valid authorization header' });
  });

  it('with no reason Perch can read is X failing, with its status', async () => {
    const error = await refreshRefused(answering(401, '<html>Unauthorized</html>', 'text/html'));
    expect(error.kind).toBe('server');
    expect(error.words).toEqual({ kind: 'server-status', status: 401 });
  });
});

describe('a sign-in’s code X refuses with a WWW-Authenticate challenge', () => {
  it('is X refusing the sign-in with its reason, not X failing', async () => {
    const fetch = answering(400, refusal('invalid_grant', 'Value passed for the authorization code was invalid.'));
    const pending = {
      state: 'st-1',
      codeVerifier: 'v'.repeat(43),
      redirectUri: settings.redirectUri,
      clientId: 'client-123',
      startedAt: 0,
    };
    const params = checkRedirect(settings, `${settings.redirectUri}?code=c-1&state=st-1`, pending);
    const error = await exchangeCode({ ...settings, fetch }, params, pending).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).words).toMatchObject({
      code: 'invalid_grant',
      said: 'Value passed for the authorization code was invalid.',
    });
  });
});
