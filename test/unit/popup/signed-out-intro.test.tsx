import { act, createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { SignedOutIntro } from '@/entrypoints/popup/SignedOutIntro';
import { sessionView, type SessionView } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

/**
 * A signed-out popup offers only "Sign in with X". A person who has never signed in reads, beside it, what Perch does
 * and that it needs their X sign-in; a person X signed out reads why instead (the header's notice), not both.
 */

/** The signed-out popup's words for the stored session, with the names of its buttons. */
async function popup(session: unknown): Promise<{ text: string; buttons: string[] }> {
  await sessionView.setValue(session as SessionView);
  // The popup's header and the first words of its main part (entrypoints/popup/App.tsx).
  const page = await renderInPage(
    createElement(Fragment, null, createElement(AccountHeader), createElement(SignedOutIntro, { session: session as SessionView })),
  );
  try {
    await act(async () => {
      await sessionView.getValue();
    });
    return {
      text: page.container.textContent ?? '',
      buttons: [...page.document.querySelectorAll('button')].map((b) => b.textContent ?? ''),
    };
  } finally {
    await page.leave();
  }
}

const firstTime = { accounts: [], activeAccountId: null, notice: null };
const INTRO = /Perch acts on your X account from here: .* It needs you to sign in with X first\./;

describe('the popup before anyone signs in', () => {
  it('says what Perch does and that it needs an X sign-in, beside Sign in with X', async () => {
    const { text, buttons } = await popup(firstTime);
    expect(buttons).toContain('Sign in with X');
    expect(text).toMatch(INTRO);
  });

  it('says so in Japanese to a Japanese reader', async () => {
    readInJapanese();
    const { text, buttons } = await popup(firstTime);
    expect(buttons).toContain('Xでログイン');
    expect(text).toContain('Perchは、ここからあなたのXアカウントで操作します。');
    expect(text).toContain('まずXでログインしてください。');
  });

  it('says why X signed the person out instead, once', async () => {
    const { text } = await popup({
      accounts: [],
      activeAccountId: null,
      notice: { username: 'adaperch', at: '2026-12-03T01:00:00.000Z', why: { kind: 'grant-gone' } },
    });
    expect(text).toContain('You were signed out of @adaperch.');
    expect(text).not.toMatch(INTRO);
  });
});
