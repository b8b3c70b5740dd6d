import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { appCheckLines } from '@/entrypoints/options/AppCheck';
import type { AuthService } from '@/lib/auth/service';
import { saveClientId } from '@/lib/settings';
import type { AppCheckView } from '@/lib/views';
import { ADA_ID, CLIENT_ID, REDIRECT_URI, makeService, signInAs } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/sign-in-suite';

/**
 * "Check my X app" after the person changed the Client ID while an account stayed signed in: X answers that account
 * as the app that issued its grant, so the report says whose answers, limits, credits and scopes it shows.
 */

withTestEmulator();

const NEW_CLIENT_ID = 'perch-second-app';

/** Ada signed in with the first app, the settings then set to `clientId`: the report the background makes for her. */
async function reportAfterSaving(clientId: string): Promise<AppCheckView> {
  Object.assign(fakeBrowser, { identity: { getRedirectURL: () => REDIRECT_URI } });
  emu.state.registerClient(NEW_CLIENT_ID, [REDIRECT_URI], 'Perch (second app)');
  await browser.storage.local.set({ 'settings.clientId': CLIENT_ID });
  const h = makeService(emu);
  await signInAs(emu, h, ADA_ID);
  await saveClientId(clientId);
  // The background's service, with X's address the emulator's (the build's is another in tests).
  const auth = Object.assign(Object.create(h.auth) as AuthService, {
    clientFor: (id: string, s: Parameters<AuthService['clientFor']>[1]) => h.auth.clientFor(id, { ...s, apiBaseUrl: emu.url }),
  });
  return createHandlers({ auth } as unknown as Services)['app.check']({ type: 'app.check', accountId: ADA_ID });
}

/** The report's lines, as the person reads them. */
const linesOf = (view: AppCheckView) => appCheckLines(view).map((line) => line.text);

describe('Check my X app, for an account signed in with an earlier Client ID', () => {
  it('says the account’s answers are its own app’s, naming both Client IDs', async () => {
    const lines = linesOf(await reportAfterSaving(NEW_CLIENT_ID));
    expect(lines).toContain(
      `X app: @adaperch is signed in with the app whose Client ID is ${CLIENT_ID}, not the one in the settings (${NEW_CLIENT_ID}), so the scopes, X’s answer, limits and credits below are that app’s. Sign out and sign in again to check the app in the settings.`,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^GET \/2\/users\/me: X answered 200, as @adaperch\.$/));
  });

  it('says it in Japanese to a Japanese reader', async () => {
    const view = await reportAfterSaving(NEW_CLIENT_ID);
    readInJapanese();
    expect(linesOf(view)).toContain(
      `Xアプリ: @adaperchはクライアントIDが${CLIENT_ID}のアプリでログインしています。設定のクライアントID（${NEW_CLIENT_ID}）のアプリではないため、以下のスコープ、Xの応答、上限、クレジットはそのアプリのものです。設定のアプリを確認するには、ログアウトしてもう一度ログインしてください。`,
    );
  });

  it('says nothing of another app while the account’s app is the settings’ one', async () => {
    const lines = linesOf(await reportAfterSaving(CLIENT_ID));
    expect(lines.filter((line) => line.startsWith('X app:'))).toEqual([]);
  });
});
