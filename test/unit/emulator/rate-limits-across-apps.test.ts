import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import {
  ADA_ID,
  CLIENT_ID,
  REDIRECT_URI,
  api,
  authorizeUrl,
  decide,
  exchangeCode,
  pkce,
  requestIdOf,
  startTestEmulator,
  type TokenBody,
} from './helpers';

const SCOPES = 'tweet.read users.read mute.read';
const OTHER_CLIENT = 'another-app-of-ada';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.state.registerClient(OTHER_CLIENT, [REDIRECT_URI]);
});
afterAll(() => emu.close());

/** Ada's access token from the app `clientId`, through the consent page. */
async function tokenFrom(clientId: string): Promise<string> {
  const { verifier, challenge } = pkce();
  const page = await fetch(authorizeUrl(emu, { client_id: clientId, scope: SCOPES }, challenge));
  const location = await decide(emu, requestIdOf(await page.text()), 'authorize');
  const res = await exchangeCode(emu, location.searchParams.get('code')!, verifier, { client_id: clientId });
  return ((await res.json()) as TokenBody).access_token;
}

describe('per-user rate limits', () => {
  // "the authenticated user that you are making the request on behalf of can only call the endpoint a certain number
  // of times across any developer App" (x-api--lists--pinned-lists--integrate, x-api--posts--bookmarks--integrate,
  // x-api--lists--list-members--integrate, x-api--lists--list-tweets--integrate).
  it('count the user’s requests across every app: a window one app spent is spent for another', async () => {
    const first = await tokenFrom(CLIENT_ID);
    const second = await tokenFrom(OTHER_CLIENT);
    const path = `/2/users/${ADA_ID}/muting`;
    for (let i = 0; i < 14; i++) expect((await api(emu, path, first)).status).toBe(200);
    const last = await api(emu, path, second);
    expect(last.status).toBe(200);
    expect(last.headers.get('x-rate-limit-remaining')).toBe('0');
    const refused = await api(emu, path, second);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-rate-limit-limit')).toBe('15');
    expect((await api(emu, path, first)).status).toBe(429);
  });
});
