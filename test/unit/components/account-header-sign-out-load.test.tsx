import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountHeader } from '@/components/AccountHeader';
import { sessionView } from '@/lib/storage';
import { withFocus } from '../support/focus-standin';
import { button, press, settle, withDialogStandIn } from '../support/dialog-page';
import { renderInPage } from '../support/react-page';

// The sign-out dialog's code loads when Sign out is chosen. A load that fails (the extension updated under an open
// page) must not blank the header or the screen: the person is told, stays signed in, and can choose Sign out again.

const load = vi.hoisted(() => ({ failing: true }));
vi.mock('@/components/SignOutDialog', async (importOriginal) => {
  if (load.failing) throw new Error('Failed to fetch dynamically imported module: SignOutDialog.js');
  return importOriginal();
});

withFocus();

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };

withDialogStandIn();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the sign-out dialog’s code failing to load', () => {
  it('says so beside the account menu, keeps the header, and loads it when Sign out is chosen again', async () => {
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
    const sent: string[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      sent.push(message.type);
      if (message.type === 'account.signOutLoss') return { ok: true, data: { queued: 0, drafts: 0 } };
      return { ok: false, error: { kind: 'unknown', message: 'Not in this test.' } };
    }) as never);
    const page = await renderInPage(createElement(AccountHeader), { settleMs: 20 });
    const alert = () => page.document.querySelector('[role="alert"]')?.textContent;
    try {
      await settle();
      await press(page, button(page, 'Ada Perch @adaperch'));
      await press(page, button(page, 'Sign out'));
      await vi.waitFor(async () => {
        await settle();
        expect(alert()).toContain('Perch could not open the sign-out step, so you are still signed in.');
      });
      // The header stays, signed in; no dialog, and nothing was sent to sign out. The focus is back on the menu.
      const menu = page.document.querySelector('.account-menu-button');
      expect(menu?.textContent).toContain('@adaperch');
      expect(page.document.querySelector('dialog')).toBeNull();
      expect(sent).not.toContain('auth.signOut');
      expect(page.document.activeElement).toBe(menu);

      // The code loads the next time: Sign out asks as always.
      load.failing = false;
      await press(page, button(page, 'Ada Perch @adaperch'));
      await press(page, button(page, 'Sign out'));
      await vi.waitFor(async () => {
        await settle();
        expect(page.document.querySelector('dialog')?.textContent).toContain('Sign out of @adaperch?');
      });
    } finally {
      await page.leave();
    }
  });
});
