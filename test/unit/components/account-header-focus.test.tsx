import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountHeader } from '@/components/AccountHeader';
import { sessionView } from '@/lib/storage';
import { renderInPage } from '../support/react-page';

// Sign in with X, pressed in the header, hands the focus to the account menu once the person is signed in. When the
// sign-in fails or is cancelled nothing changed: a sign-in made later in another Perch page must not pull the focus
// into this header, away from wherever the person is.
const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };

afterEach(() => {
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('the header after a sign-in that did not happen', () => {
  it('leaves the focus alone when the person signs in later elsewhere', async () => {
    await sessionView.setValue({ accounts: [], activeAccountId: null, notice: null });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: { kind: 'cancelled', message: 'Sign-in was cancelled. Nothing was changed.' },
    } as never);
    const page = await renderInPage(createElement(AccountHeader), { settleMs: 20 });
    try {
      await settle();
      const signIn = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Sign in with X');
      expect(signIn).toBeDefined();
      await act(async () => {
        signIn!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
      });
      await settle();
      expect(page.document.body.textContent).toContain('Sign-in was cancelled. Nothing was changed.');

      const focused: string[] = [];
      const proto = page.window.HTMLElement.prototype as { focus: () => void };
      vi.spyOn(proto, 'focus').mockImplementation(function (this: HTMLElement) {
        focused.push(this.textContent ?? '');
      });
      // Signed in from another Perch page: the header shows the account menu, the focus where it was.
      await act(async () => {
        await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
      });
      await settle();
      expect(page.document.querySelector('.account-menu-button')).not.toBeNull();
      expect(focused).toEqual([]);
    } finally {
      await page.leave();
    }
  });
});
