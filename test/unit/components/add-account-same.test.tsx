import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountHeader } from '@/components/AccountHeader';
import { sessionView } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * X's consent page (x-api OAuth 2.0, fundamentals--authentication--oauth-2-0--user-access-token) authorizes the account
 * open on x.com: "Add an account" while that account is already signed in here signs it in again. The header says so,
 * and how to add another, instead of leaving the person to wonder why nothing was added.
 */

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };

afterEach(() => {
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/** Opens the header with Ada signed in, presses Add an account (its label `add`), X answering `answer`; returns the notes. */
async function addAccount(answer: typeof ADA, add = 'Add an account'): Promise<string[]> {
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) =>
    Promise.resolve(message.type === 'auth.signIn' ? { ok: true, data: answer } : { ok: true, data: null })) as never);
  const page: ReactPage = await renderInPage(createElement(AccountHeader), { settleMs: 20 });
  try {
    await settle();
    const click = async (el: Element | undefined) => {
      if (!el) throw new Error('no such button');
      await act(async () => {
        el.dispatchEvent(new page.window.Event('click', { bubbles: true }));
      });
      await settle();
    };
    await click(page.document.querySelector('.account-menu-button') ?? undefined);
    await click([...page.document.querySelectorAll('[role="menuitem"]')].find((b) => b.textContent === add));
    return [...page.document.querySelectorAll('[role="status"]')].map((n) => n.textContent ?? '');
  } finally {
    await page.leave();
  }
}

describe('Add an account', () => {
  it('says it signed the same account in again, and how to add another, when X signs the same one in', async () => {
    expect(await addAccount(ADA)).toContain(
      'Signed in again as @adaperch, the account open on x.com. To add another account, switch to it on x.com first, then choose Add an account.',
    );
  });

  it('says nothing more when X signs in another account', async () => {
    expect((await addAccount(GRACE)).join(' ')).not.toContain('Signed in again');
  });

  it('says so in Japanese on a Japanese screen', async () => {
    readInJapanese();
    expect(await addAccount(ADA, 'アカウントを追加')).toContain(
      'x.comで開いている@adaperchとして再度ログインしました。別のアカウントを追加するには、先にx.comでそのアカウントに切り替えてから「アカウントを追加」を選んでください。',
    );
  });
});
