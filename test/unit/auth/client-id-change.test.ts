import { beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveClientId } from '@/lib/settings';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import {
  ADA_ID,
  CLIENT_ID,
  REDIRECT_URI,
  TWO_HOURS,
  activeTokens,
  browserFlow,
  makeService,
  revokeRequests,
  signInAs,
  tokenRequests,
} from './support';

/**
 * The person changes the X app's Client ID while accounts are signed in. X refreshes and revokes a grant only for the
 * app that issued it (fundamentals--authentication--oauth-2-0--user-access-token, steps 5 and 6): an account signed in
 * before the change keeps working with its own app, and its grant is handed back to that app, never left live at X.
 */

const NEW_CLIENT_ID = 'perch-second-app';

withTestEmulator();
beforeAll(() => {
  emu.state.registerClient(NEW_CLIENT_ID, [REDIRECT_URI], 'Perch (second app)');
});

/** Ada signed in with the first app; then the person sets the second app's Client ID. */
async function adaThenNewClientId() {
  const h = makeService(emu);
  await signInAs(emu, h, ADA_ID);
  const grant = activeTokens(emu, ADA_ID, 'refresh')[0]!.token;
  h.settings.clientId = NEW_CLIENT_ID;
  return { h, grant };
}

describe('changing the Client ID while an account is signed in', () => {
  it('keeps the account signed in: its expired token is refreshed with the app that signed it in', async () => {
    const { h } = await adaThenNewClientId();
    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).resolves.toEqual(expect.any(String));
    expect(tokenRequests(emu, 'refresh_token')).toEqual([expect.objectContaining({ client_id: CLIENT_ID, status: 200 })]);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect((await readSessionView()).notice).toBeNull();
    // And again after that refresh: the new pair still belongs to the first app.
    h.clock.advance(TWO_HOURS);
    await h.auth.getAccessToken(ADA_ID);
    expect(tokenRequests(emu, 'refresh_token').map((e) => e.client_id)).toEqual([CLIENT_ID, CLIENT_ID]);
  });

  it('signing out hands the grant back to the app that issued it, and X ends it', async () => {
    const { h, grant } = await adaThenNewClientId();
    await h.auth.signOut(ADA_ID);
    await h.auth.revoked();
    expect(revokeRequests(emu).map((e) => [e.client_id, e.status])).toEqual([
      [CLIENT_ID, 200],
      [CLIENT_ID, 200],
    ]);
    expect(emu.state.tokenStatus(emu.state.tokens.get(grant)!)).toBe('revoked');
    expect(activeTokens(emu, ADA_ID, 'refresh')).toEqual([]);
    expect(activeTokens(emu, ADA_ID, 'access')).toEqual([]);
  });

  it('signing in again moves the account to the new app and ends its grant with the old one', async () => {
    const { h, grant } = await adaThenNewClientId();
    await signInAs(emu, h, ADA_ID);
    await h.auth.revoked();
    expect(revokeRequests(emu).map((e) => [e.client_id, e.status])).toEqual([
      [CLIENT_ID, 200],
      [CLIENT_ID, 200],
    ]);
    expect(emu.state.tokenStatus(emu.state.tokens.get(grant)!)).toBe('revoked');
    h.clock.advance(TWO_HOURS);
    await h.auth.getAccessToken(ADA_ID);
    expect(tokenRequests(emu, 'refresh_token')).toEqual([expect.objectContaining({ client_id: NEW_CLIENT_ID, status: 200 })]);
  });

  it('keeps a grant saved before Perch kept its Client ID working, once the Client ID is saved anew', async () => {
    // identity is not in the fake browser: the options page's settings read the callback URL from it.
    Object.assign(fakeBrowser, { identity: { getRedirectURL: () => REDIRECT_URI } });
    await browser.storage.local.set({ 'settings.clientId': CLIENT_ID });
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    // As an earlier Perch stored it: the sealed token alone.
    const key = `auth.refresh.${ADA_ID}`;
    const { clientId: _dropped, ...sealed } = (await browser.storage.local.get(key))[key] as Record<string, unknown>;
    await browser.storage.local.set({ [key]: sealed });

    await saveClientId(NEW_CLIENT_ID);
    h.settings.clientId = NEW_CLIENT_ID;
    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).resolves.toEqual(expect.any(String));
    expect(tokenRequests(emu, 'refresh_token')).toEqual([expect.objectContaining({ client_id: CLIENT_ID, status: 200 })]);
    expect((await readSessionView()).notice).toBeNull();
  });

  it('keeps an old grant signed in when it is refreshed while the new Client ID is being saved', async () => {
    Object.assign(fakeBrowser, { identity: { getRedirectURL: () => REDIRECT_URI } });
    await browser.storage.local.set({ 'settings.clientId': CLIENT_ID });
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    const key = `auth.refresh.${ADA_ID}`;
    const { clientId: _dropped, ...sealed } = (await browser.storage.local.get(key))[key] as Record<string, unknown>;
    await browser.storage.local.set({ [key]: sealed });
    // Saving the Client ID reads all of storage; that read answers only after a refresh has saved its rotated pair.
    const realGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowGet = async (keys?: unknown) => {
      const value = await realGet(keys as never);
      if (keys === null) await gate;
      return value;
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- get's typings include a callback form; this one is the promise form
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(slowGet);
    const saving = saveClientId(NEW_CLIENT_ID);
    h.clock.advance(TWO_HOURS);
    await h.auth.getAccessToken(ADA_ID);
    release();
    await saving;
    vi.restoreAllMocks();
    h.settings.clientId = NEW_CLIENT_ID;

    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).resolves.toEqual(expect.any(String));
    expect(tokenRequests(emu, 'refresh_token').map((e) => [e.client_id, e.status])).toEqual([
      [CLIENT_ID, 200],
      [CLIENT_ID, 200],
    ]);
    expect((await readSessionView()).notice).toBeNull();
  });

  it('forgets the old Client ID once the last grant saved before Perch kept Client IDs is signed out', async () => {
    Object.assign(fakeBrowser, { identity: { getRedirectURL: () => REDIRECT_URI } });
    await browser.storage.local.set({ 'settings.clientId': CLIENT_ID });
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    const key = `auth.refresh.${ADA_ID}`;
    const { clientId: _dropped, ...sealed } = (await browser.storage.local.get(key))[key] as Record<string, unknown>;
    await browser.storage.local.set({ [key]: sealed });
    await saveClientId(NEW_CLIENT_ID);
    expect(await browser.storage.local.get('auth.legacyClientId')).toEqual({ 'auth.legacyClientId': CLIENT_ID });

    h.settings.clientId = NEW_CLIENT_ID;
    await h.auth.signOut(ADA_ID);
    await h.auth.revoked();
    expect(revokeRequests(emu).map((e) => [e.client_id, e.status])).toEqual([
      [CLIENT_ID, 200],
      [CLIENT_ID, 200],
    ]);
    expect(await browser.storage.local.get('auth.legacyClientId')).toEqual({});
  });

  it('keeps a sign-in started before the Client ID changed with the app it started with', async () => {
    const authorize = browserFlow();
    // The person saves the new Client ID while X's consent page is open.
    const h = makeService(emu, {
      flow: (url) => {
        h.settings.clientId = NEW_CLIENT_ID;
        return authorize(url);
      },
    });
    await signInAs(emu, h, ADA_ID);
    expect(tokenRequests(emu, 'authorization_code')).toEqual([expect.objectContaining({ client_id: CLIENT_ID, status: 200 })]);

    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).resolves.toEqual(expect.any(String));
    expect(tokenRequests(emu, 'refresh_token')).toEqual([expect.objectContaining({ client_id: CLIENT_ID, status: 200 })]);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect((await readSessionView()).notice).toBeNull();
  });
});
