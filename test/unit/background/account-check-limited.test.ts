import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { handle } from '@/lib/message-contract';
import type { AuthService } from '@/lib/auth/service';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { endpointOf, MAX_RESET_AHEAD_S } from '@/lib/x/limiter';
import { ADA_ID, CLIENT_ID, REDIRECT_URI, makeService } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { withEmptyStore } from '../support/store';

/**
 * Settings › Check connection (`account.check`) reads GET /2/users/me (x-api--users--lookup--get-me) through the
 * rate limiter, as every other request: X's 429 with a reset thousands of years ahead (`x-rate-limit-reset`,
 * x-api--fundamentals--rate-limits) is believed at most a day ahead, and nothing more is sent until it passes.
 */

withTestEmulator();
withEmptyStore();

/** X's 429 to GET /2/users/me, its reset in the year 318857. */
const FAR_RESET = { 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '9999999999999' };

/** Ada signed in; from `limited()` on, X answers her GET /2/users/me with a 429 naming a reset far ahead. */
async function adaSignedIn() {
  Object.assign(fakeBrowser, { identity: { getRedirectURL: () => REDIRECT_URI } });
  await browser.storage.local.set({ 'settings.clientId': CLIENT_ID });
  let refusing = false;
  const asked = vi.fn((url: string) => url);
  const fetchX = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!refusing || new URL(url).pathname !== '/2/users/me') return fetch(input, init);
    asked(url);
    const body = JSON.stringify({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });
    return new Response(body, { status: 429, headers: { 'content-type': 'application/problem+json', ...FAR_RESET } });
  };
  const h = makeService(emu, { deps: { fetch: fetchX } });
  await h.auth.signIn();
  // The background's service, with X's address the emulator's (the build's is another in tests).
  const auth = Object.assign(Object.create(h.auth) as AuthService, {
    clientFor: (id: string, s: Parameters<AuthService['clientFor']>[1]) => h.auth.clientFor(id, { ...s, apiBaseUrl: emu.url }),
  });
  const handlers = createHandlers({ auth } as unknown as Services);
  return { handlers, asked, limited: () => void (refusing = true) };
}

describe('Check connection when X answers 429 with a reset thousands of years ahead', () => {
  it('answers the screen that X limits the check', async () => {
    const { handlers, limited } = await adaSignedIn();
    limited();
    const reply = await handle(handlers, { type: 'account.check', accountId: ADA_ID });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
  });

  it('believes the reset at most a day ahead, and asks X nothing more until then', async () => {
    const { handlers, asked, limited } = await adaSignedIn();
    limited();
    await handle(handlers, { type: 'account.check', accountId: ADA_ID });
    const kept = await rateLimitStore(ADA_ID).get(endpointOf('GET', '/2/users/me'));
    expect(kept?.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + MAX_RESET_AHEAD_S);
    const again = await handle(handlers, { type: 'account.check', accountId: ADA_ID });
    expect(again).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    expect(asked).toHaveBeenCalledTimes(1);
  });
});
