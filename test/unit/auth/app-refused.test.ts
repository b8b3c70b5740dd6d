import { afterEach, describe, expect, it } from 'vitest';
import { thrownText } from '@/components/error-text';
import { actionErrorText } from '@/lib/action-words';
import { appCheckLines } from '@/entrypoints/options/AppCheck';
import { readRefreshToken } from '@/lib/auth/token-store';
import { X_SCOPES } from '@/lib/config';
import { checkXApp } from '@/lib/services/app-check';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { readReply } from '@/lib/messaging';
import { storedError } from '@/lib/services/outbox-failure';
import { readSessionView } from '@/lib/storage';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, CLIENT_ID, TWO_HOURS, control, makeService, tokenRequests, type Harness } from './support';

/**
 * X refuses Perch's app itself when Perch renews a sign-in (RFC 6749 5.2 `unauthorized_client` / `invalid_client`: the
 * Client ID gone, or turned into a confidential client, whose token requests need a Basic header Perch does not have).
 * The account stays signed in, and every action says X refused the app, in X's words, and where to look: never
 * "signed out" while the screens show the account signed in.
 */

const FSI = '\u2068';
const PDI = '\u2069';
const SAID = `X said: “${FSI}Missing valid authorization header${PDI}”`;
const REFUSED = `X refused Perch’s X app when Perch asked to renew your sign-in, so nothing was sent to X. In Settings, press “Check my X app”, or sign out and sign in with X again. ${SAID}`;
const REFUSED_JA =
  'ログインを更新しようとしたところ、XがPerchのXアプリを拒否したため、Xには何も送信していません。設定で「Xアプリを確認」を押すか、ログアウトしてXで再度ログインしてください。' +
  `Xのメッセージ:「${FSI}Missing valid authorization header${PDI}」`;

withTestEmulator();
// Registered clients outlive a reset: the app is a public client again for the next test.
afterEach(() => void emu.state.registerClient(CLIENT_ID, [], undefined, false));

/** What a screen shows for a request the background answered with `error`, as the message listener answers it. */
async function shownFor(error: unknown): Promise<string> {
  const handlers = { 'settings.get': () => Promise.reject(error) } as unknown as Handlers;
  const reply: Reply<unknown> = await handle(handlers, { type: 'settings.get' });
  return thrownText(await readReply(Promise.resolve(reply)).catch((e: unknown) => e));
}

/** Signs Ada in, then has X take the app for a confidential client and lets her token expire. */
async function refusedApp(): Promise<Harness> {
  const h = makeService(emu);
  await h.auth.signIn();
  await control(emu, 'POST', 'clients', { client_id: CLIENT_ID, redirect_uris: [h.settings.redirectUri], confidential: true });
  h.clock.advance(TWO_HOURS);
  return h;
}

describe('a sign-in renewal X refuses because of the app', () => {
  it('has Check my X app say GET /2/users/me was not sent and why, in X’s words, spending nothing', async () => {
    const h = await refusedApp();
    emu.state.log = [];
    const view = await checkXApp({
      account: { id: ADA_ID, username: 'adaperch' },
      clientId: CLIENT_ID,
      redirectUrl: h.settings.redirectUri,
      neededScopes: X_SCOPES,
      lastSignIn: undefined,
      grantedScope: undefined,
      client: h.auth.clientFor(ADA_ID, h.settings),
      now: h.clock.now,
    });
    expect(view.me).toEqual({ mark: 'problem', sent: false, reason: 'app-refused', message: REFUSED });
    expect(view.billedReads).toBe(0);
    expect(emu.state.log.filter((e) => e.path === '/2/users/me')).toEqual([]);
    expect(appCheckLines(view).find((l) => l.key === 'me')?.text).toBe(`GET /2/users/me: not sent, nothing was spent. ${REFUSED}`);
  });

  it('says X refused Perch’s app, in X’s words, keeps the account signed in, and asks X once per action', async () => {
    // The app becomes a confidential client: X now refuses its token requests without a Basic header.
    const h = await refusedApp();
    const stored = await readRefreshToken(ADA_ID);

    const error = await getMe(h.auth.clientFor(ADA_ID, h.settings)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    // Not a passing failure the outbox sends again by itself, and not "signed out".
    expect((error as XApiError).kind).toBe('app-no-access');
    expect((error as XApiError).message).toBe(REFUSED);
    expect(await shownFor(error)).toBe(REFUSED);
    expect(actionErrorText(storedError(error as XApiError))).toBe(REFUSED);

    // Still signed in, nothing cleared: signing in again or fixing the app is the person's choice.
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(await readRefreshToken(ADA_ID)).toBe(stored);

    // A second action asks X once more, no loop.
    await getMe(h.auth.clientFor(ADA_ID, h.settings)).catch(() => undefined);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(2);

    readInJapanese();
    expect(await shownFor(error)).toBe(REFUSED_JA);
    expect(actionErrorText(storedError(error as XApiError))).toBe(REFUSED_JA);
  });
});
