import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountHeader } from '@/components/AccountHeader';
import { sessionView } from '@/lib/storage';
import { withFocus } from '../support/focus-standin';
import { button, press, settle, withDialogStandIn } from '../support/dialog-page';
import { renderInPage } from '../support/react-page';

// Signing out the account in use, while another stays signed in, leaves the account menu where it was (now the other
// account's): the focus stays on it, and nothing is left to hand over. A later, unrelated change (X signing the other
// account out from another Perch page) must not then pull the focus into this header, away from where the person is.

withFocus();

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const GRACE = { id: '1585841080431321099', name: 'Grace Hopper', username: 'gracehop' };

withDialogStandIn();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the header after signing out the account in use while another stays', () => {
  it('keeps the focus on the account menu, then leaves it alone when the other account is signed out elsewhere', async () => {
    await sessionView.setValue({ accounts: [ADA, GRACE], activeAccountId: ADA.id, notice: null });
    // The background: nothing to lose; signing Ada out leaves Grace signed in, and in use.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      if (message.type === 'account.signOutLoss') return { ok: true, data: { queued: 0, drafts: 0 } };
      if (message.type === 'auth.signOut') {
        await sessionView.setValue({ accounts: [GRACE], activeAccountId: GRACE.id, notice: null });
        return { ok: true, data: null };
      }
      return { ok: false, error: { kind: 'unknown', message: 'Not in this test.' } };
    }) as never);
    const page = await renderInPage(createElement(AccountHeader), { settleMs: 20 });
    try {
      await settle();
      await press(page, button(page, 'Ada Perch @adaperch'));
      await press(page, button(page, 'Sign out'));
      // The dialog's code loads when Sign out is chosen (components/AccountHeader.tsx).
      await vi.waitFor(async () => {
        await settle();
        expect(page.document.querySelector('dialog')?.textContent).toContain('Sign out of @adaperch?');
      });
      await press(page, page.document.querySelector('dialog button.danger') ?? undefined);

      // Signed out of Ada: the menu button now says Grace, and has the focus.
      expect(page.document.querySelector('dialog')).toBeNull();
      const menu = page.document.querySelector('.account-menu-button');
      expect(menu?.textContent).toContain('@gracehop');
      expect(page.document.activeElement).toBe(menu);

      // The person clicks elsewhere on the page; later X signs Grace out, from another Perch page.
      (menu as HTMLElement).blur();
      // As a browser does when the focus leaves a control (the focus stand-in moves it without events).
      menu!.dispatchEvent(new page.window.Event('focusout', { bubbles: true }));
      expect(page.document.activeElement).toBe(page.document.body);
      await act(async () => {
        await sessionView.setValue({ accounts: [], activeAccountId: null, notice: null });
      });
      await settle();
      expect(button(page, 'Sign in with X')).toBeDefined();
      expect(page.document.activeElement).toBe(page.document.body);
    } finally {
      await page.leave();
    }
  });
});
