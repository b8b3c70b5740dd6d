import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthError, isCancelledFlowError } from '@/lib/auth/errors';
import { beginAuthorization, checkRedirect } from '@/lib/auth/oauth';
import { settings } from './oauth-settings';

const s256 = (v: string) => createHash('sha256').update(v).digest('base64url');

describe('starting a sign-in', () => {
  it('makes a fresh crypto-random PKCE verifier of 43–128 unreserved characters and a fresh state each time', async () => {
    const a = await beginAuthorization(settings);
    const b = await beginAuthorization(settings);
    for (const { pending } of [a, b]) {
      expect(pending.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
      expect(pending.state.length).toBeGreaterThanOrEqual(16);
    }
    expect(a.pending.codeVerifier).not.toBe(b.pending.codeVerifier);
    expect(a.pending.state).not.toBe(b.pending.state);
  });

  it('asks X for the S256 challenge of the verifier, the exact redirect URI and every scope', async () => {
    const { url, pending } = await beginAuthorization(settings);
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(settings.authorizeUrl);
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: settings.redirectUri,
      scope: 'tweet.read users.read offline.access',
      state: pending.state,
      code_challenge: s256(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
  });

  it('joins the scopes with a percent-encoded space (%20), never "+", as X requires', async () => {
    const { url } = await beginAuthorization(settings);
    const raw = new URL(url).search;
    expect(raw).toContain('scope=tweet.read%20users.read%20offline.access');
    expect(raw).not.toContain('+');
    expect(raw).toContain(`redirect_uri=${encodeURIComponent(settings.redirectUri)}`);
  });
});

describe('checking where X sent the person back', () => {
  const pending = { state: 'st-1', codeVerifier: 'v'.repeat(43), redirectUri: settings.redirectUri, clientId: 'client-123', startedAt: 0 };
  const kindOf = (url: string) => {
    try {
      checkRedirect(settings, url, pending);
      return 'ok';
    } catch (e) {
      return e instanceof AuthError ? e.kind : `unexpected ${String(e)}`;
    }
  };

  it.each([
    ['our exact redirect with our state and a code', `${settings.redirectUri}?state=st-1&code=abc`, 'ok'],
    ['another host', 'https://evil.example/?state=st-1&code=abc', 'redirect-mismatch'],
    ['a look-alike host', 'https://abcdefghijklmnop.chromiumapp.org.evil.example/?state=st-1&code=abc', 'redirect-mismatch'],
    ['another path', `${settings.redirectUri}other?state=st-1&code=abc`, 'redirect-mismatch'],
    ['http instead of https', 'http://abcdefghijklmnop.chromiumapp.org/?state=st-1&code=abc', 'redirect-mismatch'],
    ['someone else’s state', `${settings.redirectUri}?state=st-2&code=abc`, 'state-mismatch'],
    ['no state', `${settings.redirectUri}?code=abc`, 'state-mismatch'],
    ['access_denied (Cancel pressed)', `${settings.redirectUri}?state=st-1&error=access_denied`, 'cancelled'],
    ['another OAuth error', `${settings.redirectUri}?state=st-1&error=invalid_scope`, 'denied'],
    ['not a URL', 'not a url', 'redirect-mismatch'],
  ])('classifies %s', (_name, url, kind) => {
    expect(kindOf(url)).toBe(kind);
  });

  it('returns the code for a good redirect', () => {
    expect(checkRedirect(settings, `${settings.redirectUri}?state=st-1&code=abc`, pending).get('code')).toBe('abc');
  });
});

describe('a closed sign-in window', () => {
  it.each([
    ['Chrome', 'The user did not approve access.', true],
    ['Firefox', 'User cancelled or denied access.', true],
    ['a page that failed to load', 'Authorization page could not be loaded.', false],
  ])('is read as cancelled in %s: %s', (_browser, message, cancelled) => {
    expect(isCancelledFlowError(new Error(message))).toBe(cancelled);
  });
});
