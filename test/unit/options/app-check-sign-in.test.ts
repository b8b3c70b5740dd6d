import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { appCheckLines } from '@/entrypoints/options/AppCheck';
import { SIGN_IN_OUTCOME_KEY, readSignInOutcome } from '@/lib/auth/sign-in-outcome';
import { checkXApp } from '@/lib/services/app-check';
import type { AppCheckView } from '@/lib/views';
import { CLIENT_ID, REDIRECT_URI, control, makeService } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { FSI, PDI, emu, noAccountDeps, withTestEmulator } from '../support/sign-in-suite';

/**
 * Issue 13, "Two languages": the last sign-in's outcome keeps X's refusal by kind and X's own words, and "Check my X
 * app" words it in its reader's language — an outcome recorded while Perch spoke English reads in Japanese once the
 * browser speaks Japanese, X's words quoted as X wrote them, bidi-isolated.
 */

withTestEmulator();

/** The report for what is stored now, with no account signed in (nothing is sent to X). */
async function report(): Promise<AppCheckView> {
  return checkXApp(noAccountDeps(await readSignInOutcome(), () => Date.parse('2030-01-15T10:00:00Z')));
}

/** Stores an earlier sign-in's outcome as the background wrote it, with this app's Client ID and callback URL. */
function storeOutcome(fields: Record<string, unknown>): Promise<void> {
  const outcome = { at: '2030-01-15T09:00:00.000Z', clientId: CLIENT_ID, redirectUri: REDIRECT_URI, ...fields };
  return browser.storage.local.set({ [SIGN_IN_OUTCOME_KEY]: outcome });
}

/** The report's sign-in line for what is stored now. */
async function signInLine(): Promise<string> {
  return appCheckLines(await report())[0]!.text;
}

describe('the last sign-in, when X would not say which account', () => {
  it('is recorded by kind and X’s words, and read in Japanese by a Japanese reader', async () => {
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'status', status: 403 });
    await expect(makeService(emu).auth.signIn()).rejects.toMatchObject({ kind: 'server' });
    const stored = await readSignInOutcome();
    expect(stored).toMatchObject({ kind: 'no-account', status: 403, apiErrorKind: 'forbidden', description: 'Forbidden' });
    expect(stored).not.toHaveProperty('message');
    // The report hands X's words on as X's (`said`), not as an OAuth error's description.
    expect((await report()).signIn.last).toMatchObject({ apiErrorKind: 'forbidden', said: 'Forbidden' });
    expect((await report()).signIn.last).not.toHaveProperty('description');

    expect(await signInLine()).toMatch(
      new RegExp(`but then would not say which account: X does not allow this\\. X said: “${FSI}Forbidden${PDI}”$`),
    );
    readInJapanese();
    expect(await signInLine()).toMatch(
      new RegExp(`どのアカウントかを返しませんでした: Xではこの操作は許可されていません。Xのメッセージ:「${FSI}Forbidden${PDI}」$`),
    );
  });

  it('words an app out of credits in the reader’s language', async () => {
    await control(emu, 'POST', 'faults', { path: '/2/users/me', count: 1, kind: 'usage_capped' });
    await expect(makeService(emu).auth.signIn()).rejects.toMatchObject({ kind: 'server' });
    readInJapanese();
    expect(await signInLine()).toMatch(/どのアカウントかを返しませんでした: Xアプリのクレジットがないか利用上限を超えている/);
  });

  it('recorded before issue 13, with its sentence, still shows that sentence', async () => {
    await storeOutcome({ kind: 'no-account', status: 429, apiErrorKind: 'usage-capped', message: 'Your X app is out of credits.' });
    expect(await signInLine()).toMatch(/but then would not say which account: Your X app is out of credits\.$/);
  });

  it('in a report made before X’s words had their own field, still quotes X’s words as X’s', async () => {
    const view = await report();
    const last = { outcome: 'no-account', at: '2030-01-15T09:00:00.000Z', status: 403, settingsChanged: false } as const;
    const old = { ...view, signIn: { mark: 'problem', last: { ...last, apiErrorKind: 'forbidden', description: 'Evil\u202E app' } } };
    expect(appCheckLines(old as AppCheckView)[0]!.text).toMatch(
      new RegExp(`would not say which account: X does not allow this\\. X said: “${FSI}Evil\u202E app${PDI}”$`),
    );
  });
});

describe('the last sign-in, when X refused it with its own words', () => {
  it('quotes X’s code and words isolated, so a right-to-left override in them reorders nothing', async () => {
    await storeOutcome({ kind: 'authorize-error', error: 'invalid_request', description: 'Evil\u202E app' });
    expect(await signInLine()).toContain(`“${FSI}invalid_request: Evil\u202E app${PDI}”`);
  });
});

describe('the last sign-in, when the settings changed since', () => {
  it('adds that it changed as a sentence of its own, with no space after 。 in Japanese', async () => {
    const view = await report();
    const last = { outcome: 'ok', at: '2030-01-15T09:00:00.000Z', settingsChanged: true } as const;
    const changed = { ...view, signIn: { mark: 'ok', last } } as AppCheckView;
    expect(appCheckLines(changed)[0]!.text).toMatch(/\)\. The Client ID or callback URL changed since then: sign in again/);
    readInJapanese();
    expect(appCheckLines(changed)[0]!.text).toMatch(/受け付けました。その後クライアントIDまたはコールバックURLが変更されました。/);
  });
});
