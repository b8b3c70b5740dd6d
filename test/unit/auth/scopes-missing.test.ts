import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { X_SCOPES } from '@/lib/config';
import { readSessionView, sessionView, sessionViewOf, shownMissingScopes, type SessionView } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/emulator';
import { renderInPage } from '../support/react-page';
import { ADA_ID, granting, makeService } from './support';

/**
 * X may grant fewer scopes than Perch asks for: its token answer's `scope` then lists fewer (an X app whose
 * permissions are "Read" gets no write scope: fundamentals--authentication--oauth-2-0--authorization-code, Scopes).
 * Perch says so under the account from the sign-in on, naming what X did not grant, not first when X refuses an action.
 */

withTestEmulator();

const WITHHELD = ['tweet.write', 'like.write'];
const ADA = { id: ADA_ID, name: 'Ada Perch', username: 'adaperch' };

describe('a sign-in X granted fewer scopes than asked', () => {
  it('keeps, with the account, the scopes X did not grant, in the order Perch asks for them', async () => {
    const h = makeService(emu);
    h.settings.fetch = granting(WITHHELD);
    const account = await h.auth.signIn();
    expect(account.missingScopes).toEqual(X_SCOPES.filter((s) => WITHHELD.includes(s)));
    expect((await readSessionView()).accounts.find((a) => a.id === ADA_ID)?.missingScopes).toEqual(account.missingScopes);
  });

  it('keeps nothing of the kind when X granted every scope', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    expect((await readSessionView()).accounts[0]).not.toHaveProperty('missingScopes');
  });

  it('keeps them when the account is read again from X', async () => {
    const h = makeService(emu);
    h.settings.fetch = granting(WITHHELD);
    await h.auth.signIn();
    await h.auth.refreshAccount(ADA_ID, h.auth.clientFor(ADA_ID, h.settings));
    expect((await readSessionView()).accounts[0]?.missingScopes).toEqual(['tweet.write', 'like.write']);
  });

  it.each([[['<b>x</b>']], ['tweet.write'], [Array(51).fill('tweet.write')]])(
    'shows nothing of a malformed list (%j), and keeps the account signed in',
    (missingScopes) => {
      const view = sessionViewOf({ accounts: [{ ...ADA, missingScopes }], activeAccountId: ADA_ID, notice: null });
      expect(view.accounts.map((a) => a.id)).toEqual([ADA_ID]);
      expect(shownMissingScopes(view.accounts[0]!)).toEqual([]);
    },
  );
});

describe('the account header of an account X granted fewer scopes', () => {
  const view: SessionView = {
    accounts: [{ ...ADA, missingScopes: ['tweet.write', 'like.write'] }],
    activeAccountId: ADA_ID,
    notice: null,
  };

  async function headerText(): Promise<string> {
    await sessionView.setValue(view);
    const page = await renderInPage(createElement(AccountHeader), { settleMs: 20 });
    try {
      await act(() => new Promise((r) => setTimeout(r, 20)));
      return page.document.querySelector('.account-scopes-missing')?.textContent ?? '';
    } finally {
      await page.leave();
    }
  }

  it('says X did not grant everything, where the names are, and both ways to get it', async () => {
    const text = await headerText();
    expect(text).toMatch(/^X did not grant Perch every permission it asks for, so X will refuse some actions/);
    // X's scope names are a developer detail: Settings' Check my X app names them, not the everyday header.
    expect(text).not.toContain('tweet.write');
    expect(text).toContain('Check my X app');
    expect(text).toContain('sign in with X again');
    expect(text).toContain('“Read and write”');
  });

  it('says it in Japanese', async () => {
    readInJapanese();
    const text = await headerText();
    expect(text).toContain('Xアプリを確認');
    expect(text).toContain('「Read and write」');
  });
});
