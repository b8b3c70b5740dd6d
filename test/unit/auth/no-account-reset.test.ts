import { describe, expect, it } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { authWordsText } from '@/lib/auth-words-text';
import { MAX_RESET_AHEAD_S } from '@/lib/x/limiter';
import { emu, withTestEmulator } from '../support/emulator';
import { makeService } from './support';

withTestEmulator();

/** A sign-in whose GET /2/users/me X answers 429 with `headers`; every other request goes to the emulator. */
async function signInRefusedWith(headers: Record<string, string>) {
  const meFetch: typeof fetch = (input, init) =>
    new URL(input instanceof Request ? input.url : String(input)).pathname === '/2/users/me'
      ? Promise.resolve(
          new Response(JSON.stringify({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }), {
            status: 429,
            headers: { 'content-type': 'application/json', ...headers },
          }),
        )
      : fetch(input, init);
  const h = makeService(emu, { deps: { fetch: meFetch } });
  const error = await h.auth.signIn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return { words: (error as AuthError).words, nowS: Math.ceil(h.clock.now() / 1000) };
}

// getUsersMe (x-api--users--lookup--get-me) answers 429 with x-rate-limit-reset (x-docs: rate-limits.md); the sign-in
// sends it outside the limiter, so its reset is bounded here as the limiter bounds one (at most a day ahead).
describe('a sign-in X rate-limits at GET /2/users/me', () => {
  it('names a time at most a day ahead when X gives a reset in the year 5138', async () => {
    const { words, nowS } = await signInRefusedWith({ 'x-rate-limit-reset': '99999999999' });
    expect(words).toMatchObject({ kind: 'no-account', apiKind: 'rate-limited', reset: nowS + MAX_RESET_AHEAD_S });
    const said: number[] = [];
    authWordsText(words, (ms) => (said.push(ms), new Date(ms).toISOString()));
    expect(said).toEqual([(nowS + MAX_RESET_AHEAD_S) * 1000]);
  });

  it('keeps a reset X gives within the day as it is', async () => {
    const nowS = Math.ceil(Date.UTC(2030, 0, 15, 9, 0, 0) / 1000);
    const { words } = await signInRefusedWith({ 'x-rate-limit-reset': String(nowS + 600) });
    expect(words.reset).toBe(nowS + 600);
  });
});
