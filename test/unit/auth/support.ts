/**
 * Drives AuthService against the in-process X API emulator the way a browser would: the consent page is
 * fetched, its form submitted, and the redirect's Location handed back as launchWebAuthFlow's answer.
 */
import { expect, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { OAuthSettings } from '@/lib/auth/oauth';
import { AuthService, type AuthDeps } from '@/lib/auth/service';
import { X_SCOPES } from '@/lib/config';
import type { Emulator } from '../../emulator/server';
import type { TokenRecord } from '../../emulator/state';
import { CLIENT_ID, REDIRECT_URI, control } from '../emulator/helpers';

export { ADA_ID, CLIENT_ID, GRACE_ID, REDIRECT_URI, control, refresh, startTestEmulator } from '../emulator/helpers';

export const CHROME_CLOSED = 'The user did not approve access.';
export const FIREFOX_CLOSED = 'User cancelled or denied access.';

/** A clock the test moves by hand (epoch ms). */
export class Clock {
  t = Date.UTC(2030, 0, 15, 9, 0, 0);
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * What the browser does with X's consent page: loads it, submits the form with the button pressed
 * (hidden inputs included), and returns where the 302 points.
 */
export async function consent(url: string, decision: 'authorize' | 'cancel'): Promise<string> {
  const page = await fetch(url);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 400)}`);
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('no form on the consent page');
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(m[1]!, unescapeHtml(m[2]!));
  const button = new RegExp(`<button type="submit"[^>]*name="([^"]+)" value="${decision}"`).exec(form[2]!);
  if (!button) throw new Error(`no ${decision} button on the consent page`);
  fields.set(button[1]!, decision);
  const res = await fetch(new URL(unescapeHtml(form[1]!), url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields,
    redirect: 'manual',
  });
  if (res.status !== 302) throw new Error(`consent form answered ${res.status}`);
  return res.headers.get('location')!;
}

/** launchWebAuthFlow that presses a button; `rewrite` lets a test alter the URL the window ends on. */
export function browserFlow(decision: 'authorize' | 'cancel' = 'authorize', rewrite: (location: string) => string = (l) => l) {
  return vi.fn(async (url: string) => rewrite(await consent(url, decision)));
}

/** launchWebAuthFlow that the person closes before answering. */
export function closedWindow(message: string) {
  return vi.fn((_url: string): Promise<string> => Promise.reject(new Error(message)));
}

export interface Harness {
  auth: AuthService;
  clock: Clock;
  /** Mutable: changes apply to the next settings() read. */
  settings: OAuthSettings;
  flow: ReturnType<typeof browserFlow>;
}

export function makeService(
  emu: Emulator,
  opts: { flow?: (url: string) => Promise<string>; deps?: Partial<AuthDeps>; clock?: Clock } = {},
): Harness {
  const clock = opts.clock ?? new Clock();
  const settings: OAuthSettings = {
    clientId: CLIENT_ID,
    apiBaseUrl: emu.url,
    authorizeUrl: `${emu.url}/i/oauth2/authorize`,
    redirectUri: REDIRECT_URI,
    scopes: X_SCOPES,
    now: clock.now,
  };
  const flow = vi.fn(opts.flow ?? browserFlow());
  const auth = new AuthService({
    settings: () => Promise.resolve({ ...settings }),
    launchWebAuthFlow: flow,
    now: clock.now,
    ...opts.deps,
  });
  return { auth, clock, settings, flow };
}

/** Makes `userId` the X account the consent page authorizes as, then signs it in. */
export async function signInAs(emu: Emulator, h: Harness, userId: string) {
  await control(emu, 'POST', 'session', { user_id: userId });
  return h.auth.signIn();
}

/** Requests the service made to the token endpoint, optionally of one grant type. */
export function tokenRequests(emu: Emulator, grantType?: 'authorization_code' | 'refresh_token') {
  return emu.state.log.filter((e) => e.path === '/2/oauth2/token' && (!grantType || e.grant_type === grantType));
}

export function revokeRequests(emu: Emulator) {
  return emu.state.log.filter((e) => e.path === '/2/oauth2/revoke');
}

/** The emulator's live tokens of one kind for a user, newest last. */
export function activeTokens(emu: Emulator, userId: string, kind: 'access' | 'refresh'): TokenRecord[] {
  return [...emu.state.tokens.values()].filter((t) => t.userId === userId && t.kind === kind && emu.state.tokenStatus(t) === 'active');
}

/** The one live refresh token X holds for the user. */
export function liveRefreshToken(emu: Emulator, userId: string): string {
  const live = activeTokens(emu, userId, 'refresh');
  if (live.length !== 1) throw new Error(`expected one live refresh token for ${userId}, found ${live.length}`);
  return live[0]!.token;
}

export async function rawStorage(): Promise<{ local: Record<string, unknown>; session: Record<string, unknown> }> {
  return { local: await browser.storage.local.get(null), session: await browser.storage.session.get(null) };
}

/** Resolves when the emulator has logged a request matching `match` (it is then being handled). */
export async function requestSeen(emu: Emulator, match: (e: Emulator['state']['log'][number]) => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (emu.state.log.some(match)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the expected request never reached the emulator');
}

export const TWO_HOURS = 2 * 60 * 60 * 1000;
export const MINUTE = 60 * 1000;

/** What a worker that stops mid-way leaves: the write it was making fails with this. */
export const STOPPED = new Error('The worker stopped here.');

/**
 * Signs `userId` out on `h` with the worker stopping where `stopAt` makes a write fail once with {@link STOPPED}, then
 * starts the next worker on the same clock and lets it finish cut-off sign-outs; returns that next worker.
 */
export async function afterStoppedSignOut(emu: Emulator, h: Harness, userId: string, stopAt: () => void): Promise<Harness> {
  stopAt();
  await expect(h.auth.signOut(userId)).rejects.toBe(STOPPED);
  vi.restoreAllMocks();
  const next = makeService(emu, { clock: h.clock });
  await next.auth.finishSignOuts();
  return next;
}

/**
 * The real fetch, with the `scope` of X's token answers cut to the scopes not in `withheld`: an X app whose permissions
 * grant fewer scopes than Perch asks for (an app set to "Read" gets no write scope).
 */
export function granting(withheld: readonly string[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith('/2/oauth2/token') || !res.ok) return res;
    const body = (await res.json()) as Record<string, unknown>;
    body.scope = String(body.scope)
      .split(' ')
      .filter((s) => !withheld.includes(s))
      .join(' ');
    return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
  };
}
