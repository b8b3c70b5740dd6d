/** Shared helpers for the emulator's own tests: PKCE, the consent page round trip, token requests. */
import { createHash, randomBytes } from 'node:crypto';
import { startEmulator, type Emulator } from '../../emulator/server';

export const CLIENT_ID = 'perch-unit-client';
export const REDIRECT_URI = 'https://perchtestextensionid.chromiumapp.org/';
export const ADA_ID = '1585841080431321088';
export const GRACE_ID = '1452871219391512578';
export const ALL_SCOPES = ['tweet.read', 'users.read', 'offline.access'];

export function startTestEmulator(): Promise<Emulator> {
  return startEmulator({ port: 0, clients: [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI] }] });
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export interface AuthorizeParams {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

export function authorizeUrl(
  emu: Emulator,
  overrides: AuthorizeParams & Record<string, string | undefined> = {},
  challenge = pkce().challenge,
): string {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: ALL_SCOPES.join(' '),
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const url = new URL('/i/oauth2/authorize', emu.url);
  // Percent-encoded as X asks (a space is %20): URLSearchParams would write `+`, which X refuses in `scope`.
  url.search = Object.entries(params)
    .flatMap(([k, v]) => (v === undefined ? [] : [`${encodeURIComponent(k)}=${encodeURIComponent(v)}`]))
    .join('&');
  return url.toString();
}

export function requestIdOf(html: string): string {
  const m = /name="request_id" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no request_id on the consent page');
  return m[1]!;
}

/** Posts the consent form as the browser would (no JavaScript) and returns the redirect Location. */
export async function decide(emu: Emulator, requestId: string, decision: 'authorize' | 'cancel'): Promise<URL> {
  const res = await fetch(`${emu.url}/i/oauth2/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision }),
    redirect: 'manual',
  });
  if (res.status !== 302) throw new Error(`decision answered ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get('location')!);
}

/** Runs the authorize + consent steps; returns the code and the PKCE verifier. */
export async function getCode(emu: Emulator, scopes = ALL_SCOPES): Promise<{ code: string; verifier: string; state: string }> {
  const { verifier, challenge } = pkce();
  const res = await fetch(authorizeUrl(emu, { scope: scopes.join(' ') }, challenge));
  if (res.status !== 200) throw new Error(`authorize answered ${res.status}`);
  const location = await decide(emu, requestIdOf(await res.text()), 'authorize');
  return { code: location.searchParams.get('code')!, verifier, state: location.searchParams.get('state')! };
}

export function postForm(
  emu: Emulator,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(emu.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

export function exchangeCode(emu: Emulator, code: string, verifier: string, extra: Record<string, string> = {}): Promise<Response> {
  return postForm(emu, '/2/oauth2/token', {
    code,
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
    ...extra,
  });
}

export function refresh(emu: Emulator, refreshToken: string): Promise<Response> {
  return postForm(emu, '/2/oauth2/token', { refresh_token: refreshToken, grant_type: 'refresh_token', client_id: CLIENT_ID });
}

export interface TokenBody {
  token_type: string;
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
}

/** A fresh signed-in token set for the demo user. */
export async function signIn(emu: Emulator, scopes = ALL_SCOPES): Promise<TokenBody> {
  const { code, verifier } = await getCode(emu, scopes);
  const res = await exchangeCode(emu, code, verifier);
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TokenBody;
}

export function api(emu: Emulator, path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  return fetch(emu.url + path, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) },
  });
}

/** Sends to X's API on the emulator with `token`; a `payload` goes as a JSON body. */
export function sendJson(emu: Emulator, method: string, path: string, token: string, payload?: unknown): Promise<Response> {
  return api(emu, path, token, {
    method,
    ...(payload === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
  });
}

/** X's answer, read: its status, JSON body and headers. */
export async function readAnswer<T = Record<string, unknown>>(res: Response): Promise<{ status: number; body: T; headers: Headers }> {
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export async function control<T = unknown>(emu: Emulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emu.url}/__emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
