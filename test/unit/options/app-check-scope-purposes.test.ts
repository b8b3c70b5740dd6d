import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { appCheckLines } from '@/entrypoints/options/AppCheck';
import type { AuthService } from '@/lib/auth/service';
import { SIGN_IN_OUTCOME_KEY } from '@/lib/auth/sign-in-outcome';
import type { AppCheckView } from '@/lib/views';
import { ADA_ID, CLIENT_ID, REDIRECT_URI, granting, makeService, type Harness } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/sign-in-suite';

/**
 * X may grant fewer scopes than Perch asks for (an X app whose permissions are "Read"). The account header says so and
 * sends the person to Settings › Check my X app, which must then name each scope X withheld and what Perch needs it
 * for, in plain words — also after the browser was closed (the token and its `scope` lived in storage.session) and
 * another account signed in since.
 */

withTestEmulator();

/** Ada signed in, X withholding tweet.write and like.write: the background's handlers for her. */
async function adaWithheld(): Promise<{ h: Harness; handlers: ReturnType<typeof createHandlers> }> {
  Object.assign(fakeBrowser, { identity: { getRedirectURL: () => REDIRECT_URI } });
  await browser.storage.local.set({ 'settings.clientId': CLIENT_ID });
  const h = makeService(emu);
  h.settings.fetch = granting(['tweet.write', 'like.write']);
  await h.auth.signIn();
  // The background's service, with X's address the emulator's (the build's is another in tests).
  const auth = Object.assign(Object.create(h.auth) as AuthService, {
    clientFor: (id: string, s: Parameters<AuthService['clientFor']>[1]) => h.auth.clientFor(id, { ...s, apiBaseUrl: emu.url }),
  });
  return { h, handlers: createHandlers({ auth } as unknown as Services) };
}

/** The browser closed and opened again (storage.session is gone), and the last sign-in was not Ada's. */
async function browserRestarted(): Promise<void> {
  await fakeBrowser.storage.session.clear();
  await browser.storage.local.remove(SIGN_IN_OUTCOME_KEY);
}

/** The scopes line of the report, as the person reads it: its sentence and the list under it. */
function scopesOf(view: AppCheckView): { text: string; items: string[] | undefined } {
  const line = appCheckLines(view).find((l) => l.key === 'scopes');
  return { text: line?.text ?? '', items: line?.items };
}

const NAMED = [
  'tweet.write: Perch needs it to post, reply, quote, repost, edit and delete your posts.',
  'like.write: Perch needs it to like and unlike posts.',
];

describe('Check my X app, when X withheld scopes at the sign-in', () => {
  it('names each scope X withheld with what Perch needs it for', async () => {
    const { handlers } = await adaWithheld();
    const scopes = scopesOf(await handlers['app.check']({ type: 'app.check', accountId: ADA_ID }));
    expect(scopes.text).toMatch(/^Scopes: X did not grant tweet\.write and like\.write\./);
    expect(scopes.items).toEqual(NAMED);
  });

  it('still names them after the browser was closed and another account signed in since', async () => {
    const { handlers } = await adaWithheld();
    await browserRestarted();
    const scopes = scopesOf(await handlers['app.check']({ type: 'app.check', accountId: ADA_ID }));
    expect(scopes.text).toMatch(/^Scopes: X did not grant tweet\.write and like\.write\./);
    expect(scopes.items).toEqual(NAMED);
  });

  it('says what each is for in Japanese to a Japanese reader', async () => {
    const { handlers } = await adaWithheld();
    const view = await handlers['app.check']({ type: 'app.check', accountId: ADA_ID });
    readInJapanese();
    expect(scopesOf(view).items).toEqual([
      'tweet.write: Perchがポストの投稿・返信・引用・リポスト・編集・削除をするために必要です。',
      'like.write: Perchがポストにいいねしたり、いいねを取り消したりするために必要です。',
    ]);
  });

  it('lists nothing under the line when X granted every scope', async () => {
    const { h, handlers } = await adaWithheld();
    h.settings.fetch = fetch;
    await h.auth.signIn();
    const scopes = scopesOf(await handlers['app.check']({ type: 'app.check', accountId: ADA_ID }));
    expect(scopes.text).toMatch(/^Scopes: X granted all \d+ that Perch asks for\.$/);
    expect(scopes.items).toBeUndefined();
  });
});

describe('the account check’s answer (Settings › Check connection)', () => {
  it('carries the scopes X withheld at the sign-in, as the account header shows them', async () => {
    const { handlers } = await adaWithheld();
    const account = await handlers['account.check']({ type: 'account.check', accountId: ADA_ID });
    expect(account).toMatchObject({ username: 'adaperch', missingScopes: ['tweet.write', 'like.write'] });
  });
});
