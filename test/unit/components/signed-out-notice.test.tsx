import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { sessionView, type SessionView } from '@/lib/storage';
import { ADA_ID, TWO_HOURS, control, liveRefreshToken, makeService, refresh, signInAs } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { FSI, PDI, emu, withTestEmulator } from '../support/sign-in-suite';

/**
 * Issue 13, "Two languages": the background keeps why an account was signed out as a kind and X's facts, and the
 * account header words it in its reader's language — a notice stored while Perch spoke English reads in Japanese
 * once the browser speaks Japanese. X's own words stay X's: quoted and bidi-isolated, never translated.
 */

const AT = '2026-12-03T01:00:00.000Z';
const GRACE = { id: '1097398373457707009', name: 'Grace', username: 'gracehopper' };

/**
 * What the header shows for the stored session: the alert's text, or null; whether it offers to sign in; the account
 * it shows as signed in, if any.
 */
async function header(): Promise<{ alert: string | null; signIn: boolean; account?: string }> {
  const page = await renderInPage(createElement(AccountHeader));
  try {
    // The header reads the stored session once it is mounted.
    await act(async () => {
      await sessionView.getValue();
    });
    const alert = page.document.querySelector('[role="alert"]');
    const buttons = [...page.document.querySelectorAll('button')].map((b) => b.textContent);
    const account = page.document.querySelector('.account-username')?.textContent;
    return {
      alert: alert?.textContent ?? null,
      signIn: buttons.some((b) => /Sign in with X|Xでログイン/.test(b ?? '')),
      ...(account ? { account } : {}),
    };
  } finally {
    await page.leave();
  }
}

const signedOutWith = (notice: unknown) => sessionView.setValue({ accounts: [], activeAccountId: null, notice } as unknown as SessionView);

describe('the signed-out notice X’s refusal left', () => {
  withTestEmulator();

  it('is stored while Perch speaks English and read in Japanese by a Japanese reader, X’s words quoted as X wrote them', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID });
    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    expect((await header()).alert).toBe(
      'You were signed out of @adaperch. X no longer accepts this sign-in. Sign in with X ' +
        `again. X said: “${FSI}Value passed for the token was invalid.${PDI}”`,
    );

    readInJapanese();
    expect((await header()).alert).toBe(
      '@adaperchからログアウトしました。Xはこのログインをもう受け付けていません。' +
        `もう一度Xでログインしてください。Xのメッセージ:「${FSI}Value passed for the token was invalid.${PDI}」`,
    );
  });

  // X's refresh tokens are single-use: a renewal Perch did not begin (none is marked as under way) leaves Perch holding
  // one X refuses. Perch cannot tell that from a grant the person removed on x.com, so it says only what X did, and
  // claims no cause. (A renewal Perch began and never saw answered is said as such: test/unit/auth/renewal-cut-off.test.ts.)
  it('says only that X no longer accepts the sign-in when X rotated it outside any renewal Perch began', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await refresh(emu, liveRefreshToken(emu, ADA_ID));
    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    const { alert } = await header();
    expect(alert).toMatch(/^You were signed out of @adaperch\. X no longer accepts this sign-in\. Sign in with X again\./);
    expect(alert).not.toMatch(/revoked|used elsewhere/);
  });
});

describe('a stored signed-out notice', () => {
  const stored = {
    username: 'adaperch',
    at: AT,
    why: { kind: 'refused-code', code: 'unauthorized_client', said: 'Evil\u202E client' },
  };

  it('stored while Perch spoke Japanese reads in English to an English reader, and in Japanese to a Japanese one', async () => {
    await signedOutWith(stored);
    expect((await header()).alert).toBe(
      `You were signed out of @adaperch. X refused the sign-in (unauthorized_client). X said: “${FSI}Evil\u202E client${PDI}”`,
    );
    readInJapanese();
    expect((await header()).alert).toBe(
      `@adaperchからログアウトしました。Xがログインを拒否しました（unauthorized_client）。Xのメッセージ:「${FSI}Evil\u202E client${PDI}」`,
    );
  });

  it('says why without an account name when it has none', async () => {
    await signedOutWith({ at: AT, why: { kind: 'sign-in-gone' } });
    expect((await header()).alert).toBe('You were signed out. Perch no longer holds a sign-in for this account. Sign in with X again.');
  });

  it('stored before issue 13, with its sentence, still shows that sentence', async () => {
    await signedOutWith({ username: 'adaperch', at: AT, reason: 'X no longer accepts this sign-in. Sign in with X again.' });
    expect(await header()).toEqual({
      alert: 'You were signed out of @adaperch. X no longer accepts this sign-in. Sign in with X again.',
      signIn: true,
    });
  });

  it.each([
    ['an unknown kind', { at: AT, why: { kind: 'teapot' } }],
    ['both a kind and a sentence', { at: AT, why: { kind: 'sign-in-gone' }, reason: 'Signed out.' }],
    ['neither', { at: AT, username: 'adaperch' }],
    ['X’s words past their bound', { at: AT, why: { kind: 'grant-gone', said: 'x'.repeat(2001) } }],
    ['a code with a line break', { at: AT, why: { kind: 'refused-code', code: 'bad\ncode' } }],
    ['a status that is no HTTP status', { at: AT, why: { kind: 'server-status', status: 42 } }],
    ['a fact it does not know', { at: AT, why: { kind: 'sign-in-gone', html: '<b>' } }],
    ['a sentence of a megabyte', { at: AT, reason: 'Signed out. '.repeat(100_000) }],
    ['a sentence that is a number', { at: AT, reason: 42 }],
    ['a username that is no X username', { at: AT, username: 'ada perch\u202E', why: { kind: 'sign-in-gone' } }],
    ['no time', { why: { kind: 'sign-in-gone' } }],
    ['a list', [{ at: AT, why: { kind: 'sign-in-gone' } }]],
  ])('with %s shows no notice, and keeps the accounts beside it signed in', async (_case, notice) => {
    await signedOutWith(notice);
    expect(await header()).toEqual({ alert: null, signIn: true });
    // Another account still signed in stays so: only the notice is dropped, never the session around it.
    await sessionView.setValue({ accounts: [GRACE], activeAccountId: GRACE.id, notice } as unknown as SessionView);
    expect(await header()).toEqual({ alert: null, signIn: false, account: '@gracehopper' });
  });
});
