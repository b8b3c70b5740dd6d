import { act, createElement, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { useSession } from '@/components/use-session';
import { sessionView } from '@/lib/storage';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';

/**
 * X ends a sign-in as the person presses Mute on a profile (oauth-2-0--authorization-code: the token refused, the
 * person must sign in again): the popup's screen goes with the account, Mute with it, and the browser dropped the
 * keyboard's focus to the page — the next Tab started again from the top, and a screen reader said nothing of where the
 * person was. The header, which now says why they were signed out and offers Sign in with X, takes the focus.
 */

withFocus();

// The page's own MutationObserver (linkedom's), which the header watches the page with; the process has none.
const g = globalThis as { MutationObserver?: unknown };
const savedObserver = g.MutationObserver;
afterEach(() => {
  g.MutationObserver = savedObserver;
});

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };
const NOTICE = { at: '2026-12-07T22:00:00.000Z', username: ADA.username, reason: 'X no longer accepts this sign-in.' };

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/**
 * The popup in small: the header, and a screen that shows the active account's Mute while someone is signed in —
 * drawn `late` one render after the header's, as a screen with its own read of the session may be.
 */
function Popup({ late = false }: { late?: boolean }) {
  const session = useSession();
  const active = session?.accounts.find((a) => a.id === session.activeAccountId);
  const [shown, setShown] = useState(active);
  useEffect(() => {
    if (!late) return;
    const timer = setTimeout(() => setShown(active), 5);
    return () => clearTimeout(timer);
  }, [late, active]);
  const screen = late ? shown : active;
  return createElement(
    'div',
    null,
    createElement(AccountHeader),
    createElement('main', null, screen ? createElement('button', { type: 'button', key: screen.id }, `Mute (${screen.username})`) : null),
    createElement('input', { 'aria-label': 'Client ID' }),
  );
}

const focusedText = (doc: Document) => {
  const at = doc.activeElement;
  return at === doc.body ? 'the page' : (at?.getAttribute('aria-label') ?? at?.textContent ?? '');
};

async function popupWith(accounts: (typeof ADA)[], late = false) {
  await sessionView.setValue({ accounts, activeAccountId: accounts[0]!.id, notice: null });
  const page = await renderInPage(createElement(Popup, { late }), { settleMs: 20 });
  g.MutationObserver = page.window.MutationObserver;
  await settle();
  return page;
}

describe('the header when a sign-in ends without the person asking', () => {
  it.each([
    ['with the screen', false],
    ['a moment after the screen', true],
  ])('takes the focus from a control that went %s, on Sign in with X', async (_, late) => {
    const page = await popupWith([ADA], late);
    try {
      const mute = [...page.document.querySelectorAll('main button')][0] as HTMLElement | undefined;
      expect(mute?.textContent).toBe('Mute (adaperch)');
      await act(async () => mute!.focus());
      await act(async () => {
        await sessionView.setValue({ accounts: [], activeAccountId: null, notice: NOTICE });
      });
      await settle();
      expect(page.document.querySelector('main button')).toBeNull();
      expect(page.document.querySelector('[role="alert"]')?.textContent).toContain('You were signed out of @adaperch');
      expect(focusedText(page.document)).toBe('Sign in with X');
    } finally {
      await page.leave();
    }
  });

  it('takes it to the menu of the account that stays, when the one in use was signed out', async () => {
    const page = await popupWith([ADA, GRACE]);
    try {
      await act(async () => (page.document.querySelector('main button') as HTMLElement).focus());
      await act(async () => {
        await sessionView.setValue({ accounts: [GRACE], activeAccountId: GRACE.id, notice: NOTICE });
      });
      await settle();
      expect(page.document.querySelector('main button')?.textContent).toBe('Mute (gracehop)');
      expect(page.document.activeElement?.classList.contains('account-menu-button')).toBe(true);
      expect(focusedText(page.document)).toContain('Grace Hopper @gracehop');
    } finally {
      await page.leave();
    }
  });

  it('leaves the focus on a control that stays, and on one the person moved it to', async () => {
    const page = await popupWith([ADA], true);
    try {
      const field = page.document.querySelector('input') as HTMLElement;
      await act(async () => field.focus());
      await act(async () => {
        await sessionView.setValue({ accounts: [], activeAccountId: null, notice: NOTICE });
      });
      await settle();
      expect(focusedText(page.document)).toBe('Client ID');

      // Signed in again elsewhere, the person on the field: the header's Sign in with X goes, the focus stays put.
      await act(async () => {
        await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
      });
      await settle();
      expect(focusedText(page.document)).toBe('Client ID');
    } finally {
      await page.leave();
    }
  });
});
