import * as oauth from 'oauth4webapi';
import { oauthFacts } from '../auth-words';
import { boundedText } from '../x/body';
import { AuthError } from './errors';
import type { TokenPair } from './token-store';

/**
 * The OAuth 2.0 Authorization Code + PKCE exchange with X, on top of oauth4webapi (PKCE generation, response
 * validation and token-response parsing are the library's; this file only describes X to it).
 */

export interface OAuthSettings {
  clientId: string;
  /** e.g. https://api.x.com — hosts /2/oauth2/token and /2/oauth2/revoke. */
  apiBaseUrl: string;
  /** e.g. https://x.com/i/oauth2/authorize */
  authorizeUrl: string;
  /** identity.getRedirectURL(): the exact callback registered with the X app. */
  redirectUri: string;
  scopes: readonly string[];
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Clock for token expiry, epoch ms. */
  now?: () => number;
  /** How long one request to X's token or revoke endpoint may take (ms); {@link TOKEN_TIMEOUT_MS} by default. */
  timeoutMs?: number;
}

/** A token, refresh or revoke request X has not answered in this long is abandoned ('network'). */
export const TOKEN_TIMEOUT_MS = 30_000;
/** X's documented access-token lifetime, used when its answer gives none (or a lifetime that is not positive). */
const DEFAULT_EXPIRES_IN_S = 7200;

/** One sign-in attempt, kept in storage.session until it completes so a worker restart loses nothing. */
export interface PendingAuthorization {
  state: string;
  codeVerifier: string;
  redirectUri: string;
  clientId: string;
  startedAt: number;
}

function authorizationServer(s: OAuthSettings): oauth.AuthorizationServer {
  const api = s.apiBaseUrl.replace(/\/+$/, '');
  return {
    issuer: new URL(s.authorizeUrl).origin,
    authorization_endpoint: s.authorizeUrl,
    token_endpoint: `${api}/2/oauth2/token`,
    revocation_endpoint: `${api}/2/oauth2/revoke`,
  };
}

type TokenFetch = NonNullable<oauth.TokenEndpointRequestOptions[typeof oauth.customFetch]>;

/**
 * Fetches from X's token or revoke endpoint and reads the answer's body within the bound every API answer is read in
 * (lib/x/body.ts): the answer handed on holds it in full, so neither oauth4webapi nor a clone of it (`revokeIssued`)
 * reads more. A longer answer is not read on, and is X answering something Perch cannot read ('server'), as an
 * answer that is not JSON is.
 */
function boundedFetch(fetchFn: typeof fetch): TokenFetch {
  return async (url, options) => {
    const res = await fetchFn(url, options);
    // No body to bound: an opaque redirect (status 0, `redirect: 'manual'`), and the statuses that carry none.
    if (!res.body || res.status < 200 || [204, 205, 304].includes(res.status)) return res;
    const text = await boundedText(res).catch((error: unknown) => {
      throw error instanceof RangeError ? new AuthError('server', { kind: 'server' }, { cause: error }) : error;
    });
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

function requestOptions(s: OAuthSettings): oauth.TokenEndpointRequestOptions {
  const insecure = new URL(s.apiBaseUrl).protocol === 'http:';
  const timeout = s.timeoutMs ?? TOKEN_TIMEOUT_MS;
  return {
    ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
    [oauth.customFetch]: boundedFetch(s.fetch ?? ((input, init) => fetch(input, init))),
    // Each request its own deadline: a hung answer never holds the account's refresh lock, a sign-in or a sign-out.
    signal: () => AbortSignal.timeout(timeout),
  };
}

const client = (s: OAuthSettings): oauth.Client => ({ client_id: s.clientId, token_endpoint_auth_method: 'none' });

/**
 * The authorize URL's query, each value percent-encoded (RFC 3986): scopes are joined by a space sent as `%20`.
 * `URLSearchParams` would send `+`, and X has answered such authorize URLs with HTTP 400
 * (fundamentals--authentication--oauth-2-0--authorization-code: "proper encoding", the examples use `%20`).
 */
function authorizeQuery(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * Creates a fresh PKCE verifier (43 chars, crypto random) and state, and the authorize URL to open.
 * @throws never, short of WebCrypto being absent.
 */
export async function beginAuthorization(s: OAuthSettings): Promise<{ url: string; pending: PendingAuthorization }> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const url = new URL(s.authorizeUrl);
  url.search = authorizeQuery({
    response_type: 'code',
    client_id: s.clientId,
    redirect_uri: s.redirectUri,
    scope: s.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return {
    url: url.href,
    pending: { state, codeVerifier, redirectUri: s.redirectUri, clientId: s.clientId, startedAt: (s.now ?? Date.now)() },
  };
}

/** Reads the `state` of a redirect URL without trusting anything else in it. */
export function stateOf(responseUrl: string): string | undefined {
  try {
    return new URL(responseUrl).searchParams.get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the URL X redirected to: it must be exactly our redirect URI (scheme, host, port and path) and carry
 * our state. `error=access_denied` means the person pressed Cancel.
 * @throws AuthError 'redirect-mismatch' | 'state-mismatch' | 'cancelled' | 'denied'
 */
export function checkRedirect(s: OAuthSettings, responseUrl: string, pending: PendingAuthorization): URLSearchParams {
  let got: URL;
  try {
    got = new URL(responseUrl);
  } catch {
    throw new AuthError('redirect-mismatch');
  }
  const expected = new URL(pending.redirectUri);
  if (got.origin !== expected.origin || got.pathname !== expected.pathname || got.username || got.password) {
    throw new AuthError('redirect-mismatch');
  }
  try {
    return oauth.validateAuthResponse(authorizationServer(s), client(s), got, pending.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      if (error.error === 'access_denied') throw new AuthError('cancelled');
      throw new AuthError('denied', { kind: 'denied-code', ...oauthFacts(error.error, error.error_description) }, { cause: error });
    }
    throw new AuthError('state-mismatch', { kind: 'state-mismatch' }, { cause: error });
  }
}

function toPair(s: OAuthSettings, res: oauth.TokenEndpointResponse, fallbackRefresh?: string): TokenPair {
  const refreshToken = res.refresh_token ?? fallbackRefresh;
  if (!refreshToken) {
    throw new AuthError('denied', { kind: 'no-offline-access' });
  }
  const now = (s.now ?? Date.now)();
  const expiresIn = typeof res.expires_in === 'number' && res.expires_in > 0 ? res.expires_in : DEFAULT_EXPIRES_IN_S;
  return {
    refreshToken,
    clientId: s.clientId,
    access: { token: res.access_token, expiresAt: now + expiresIn * 1000, obtainedAt: now, scope: res.scope ?? s.scopes.join(' ') },
  };
}

/** X's refusal in a token answer's body (`error`, `error_description`: RFC 6749 §5.2), by the answer's status. */
function refusalError(status: number, code: string, description: unknown, cause: unknown): AuthError {
  if (status >= 500) return new AuthError('server', { kind: 'server' }, { cause });
  const facts = oauthFacts(code, description);
  if (code === 'invalid_grant' || code === 'invalid_request' || code === 'invalid_token') {
    return new AuthError('signed-out', { kind: 'grant-gone', ...facts }, { cause });
  }
  return new AuthError('denied', { kind: 'refused-code', ...facts }, { cause });
}

/** An answer X's token endpoint gave that Perch cannot read as a token answer or a refusal: X failing, by its status. */
function statusError(status: unknown, cause: unknown): AuthError {
  const words =
    typeof status === 'number' && status >= 100 && status <= 599 ? { kind: 'server-status' as const, status } : { kind: 'server' as const };
  return new AuthError('server', words, { cause });
}

/**
 * A refusal that came with a `WWW-Authenticate` challenge, which oauth4webapi throws before it reads the body: X's
 * reason is read from the body as it is for the same refusal without the header, so a refused refresh token signs the
 * person out with X's words rather than reading as X failing.
 */
async function challengeError(error: oauth.WWWAuthenticateChallengeError): Promise<AuthError> {
  const body: unknown = await error.response.json().catch(() => undefined);
  const o = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (typeof o.error === 'string' && o.error) return refusalError(error.status, o.error, o.error_description, error);
  return statusError(error.status, error);
}

/** What a failed request to X's token or revoke endpoint means to Perch. */
async function tokenError(error: unknown): Promise<AuthError> {
  if (error instanceof oauth.WWWAuthenticateChallengeError) return challengeError(error);
  return mapTokenError(error);
}

function mapTokenError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof oauth.ResponseBodyError) return refusalError(error.status, error.error, error.error_description, error);
  if (error instanceof oauth.OperationProcessingError) return statusError((error.cause as Response | undefined)?.status, error);
  if (error instanceof TypeError) return new AuthError('network', { kind: 'network' }, { cause: error });
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new AuthError('network', { kind: 'timeout' }, { cause: error });
  }
  return new AuthError('server', { kind: 'server' }, { cause: error });
}

/**
 * Exchanges the authorization code for tokens (the code lives 30 s).
 * @throws AuthError
 */
export async function exchangeCode(s: OAuthSettings, params: URLSearchParams, pending: PendingAuthorization): Promise<TokenPair> {
  let answer: Response | undefined;
  try {
    const as = authorizationServer(s);
    const res = await oauth.authorizationCodeGrantRequest(
      as,
      client(s),
      oauth.None(),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      requestOptions(s),
    );
    answer = res.clone();
    return toPair(s, await oauth.processAuthorizationCodeResponse(as, client(s), res));
  } catch (error) {
    if (answer) revokeIssued(s, answer);
    throw await tokenError(error);
  }
}

/**
 * X issued tokens in an answer Perch will not use (it failed validation, or lacks the refresh token): hands back
 * every token it carries, in the background and best effort, so no grant is left live that Perch does not hold.
 */
function revokeIssued(s: OAuthSettings, answer: Response): void {
  if (!answer.ok) return;
  void answer
    .json()
    .then(async (body: unknown) => {
      const o = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const issued = [o.refresh_token, o.access_token].filter((t): t is string => typeof t === 'string' && t !== '');
      for (const token of issued) await revokeToken(s, token).catch(() => undefined);
    })
    .catch(() => undefined);
}

/**
 * Trades a refresh token for a new pair. X's refresh tokens are single-use: the old one is dead afterwards.
 * @throws AuthError — 'signed-out' when X refuses the refresh token (invalid_grant / invalid_request),
 * 'network' when X was not reached, 'server' otherwise.
 */
export async function refreshTokens(s: OAuthSettings, refreshToken: string): Promise<TokenPair> {
  let answer: Response | undefined;
  try {
    const as = authorizationServer(s);
    const res = await oauth.refreshTokenGrantRequest(as, client(s), oauth.None(), refreshToken, requestOptions(s));
    answer = res.clone();
    return toPair(s, await oauth.processRefreshTokenResponse(as, client(s), res));
  } catch (error) {
    if (answer) revokeIssued(s, answer);
    throw await tokenError(error);
  }
}

/**
 * Revokes a token at X. Best effort: the caller clears local tokens whatever happens.
 * @throws AuthError when X could not be reached or refused.
 */
export async function revokeToken(s: OAuthSettings, token: string): Promise<void> {
  try {
    const as = authorizationServer(s);
    const res = await oauth.revocationRequest(as, client(s), oauth.None(), token, requestOptions(s));
    await oauth.processRevocationResponse(res);
  } catch (error) {
    throw await tokenError(error);
  }
}
