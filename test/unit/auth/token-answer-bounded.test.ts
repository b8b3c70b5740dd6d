import { describe, expect, it, vi } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { checkRedirect, exchangeCode, refreshTokens, revokeToken, type OAuthSettings } from '@/lib/auth/oauth';
import { MAX_BODY_BYTES } from '@/lib/x/body';
import { settings } from './oauth-settings';

/**
 * X's token and revoke endpoints (POST /2/oauth2/token, POST /2/oauth2/revoke:
 * fundamentals--authentication--oauth-2-0--authorization-code) are read within the bound every API answer is read in
 * (lib/x/body.ts): an answer longer than that is not read on, and is X answering something Perch cannot read.
 */

const MB = 1 << 20;

/** A token answer of 64 MB, made as it is read: `read()` says how many megabytes of it were read. */
function hugeAnswer() {
  const head = new TextEncoder().encode('{"token_type":"bearer","access_token":"a","refresh_token":"r","expires_in":7200,"pad":"');
  const chunk = new TextEncoder().encode(' '.repeat(MB));
  let sent = 0;
  let bytes = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      const part = sent === 0 ? head : sent <= 64 ? chunk : new TextEncoder().encode('"}');
      c.enqueue(part);
      bytes += part.byteLength;
      if (sent > 64) c.close();
      sent++;
    },
  });
  const fetch = vi.fn(async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
  return { fetch, read: () => bytes / MB };
}

const pending = { state: 'st-1', codeVerifier: 'v'.repeat(43), redirectUri: settings.redirectUri, clientId: 'client-123', startedAt: 0 };

const requests = {
  'a refresh': (s: OAuthSettings) => refreshTokens(s, 'old-refresh-token'),
  'a sign-in’s code exchange': (s: OAuthSettings) =>
    exchangeCode(s, checkRedirect(s, `${s.redirectUri}?code=c-1&state=st-1`, pending), pending),
  'a revocation': (s: OAuthSettings) => revokeToken(s, 'a-token'),
};

describe('an answer from X’s token endpoint longer than Perch reads', () => {
  it.each(Object.keys(requests) as (keyof typeof requests)[])('to %s is read no further than the bound, and is X failing', async (name) => {
    const { fetch, read } = hugeAnswer();
    const error = await requests[name]({ ...settings, fetch }).then(
      () => 'accepted',
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).words).toEqual({ kind: 'server' });
    // One chunk past the bound, and the one the stream readies ahead of the reader.
    expect(read()).toBeLessThanOrEqual(MAX_BODY_BYTES / MB + 2);
  });

  it('that says its length is refused before any of it is read', async () => {
    const { fetch: stream, read } = hugeAnswer();
    const fetch = vi.fn(async () => {
      const res = await stream();
      return new Response(res.body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(64 * MB) } });
    });
    const error = await refreshTokens({ ...settings, fetch }, 'old-refresh-token').catch((e: unknown) => e);
    expect((error as AuthError).words).toEqual({ kind: 'server' });
    expect(read()).toBeLessThanOrEqual(1);
  });
});

describe('an answer from X’s token endpoint within the bound', () => {
  it('is read in full, as X sent it', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ token_type: 'bearer', access_token: 'a', refresh_token: 'r', expires_in: 7200, scope: 'tweet.read' }),
          {
            status: 200,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const pair = await refreshTokens({ ...settings, fetch, now: () => 0 }, 'old-refresh-token');
    expect(pair).toMatchObject({ refreshToken: 'r', access: { token: 'a', expiresAt: 7_200_000, scope: 'tweet.read' } });
  });
});
