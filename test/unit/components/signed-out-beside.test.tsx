import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { AccountHeader } from '@/components/AccountHeader';
import { sessionView, type SessionView } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * X refusing one account's refresh token signs that account out (lib/auth/service.ts) while another stays signed in,
 * and the other becomes the one in use. The header says why beside the account now in use — not only once nobody is
 * signed in — until the person dismisses it; a later notice is said again.
 */

const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };
const AT = '2026-12-03T01:00:00.000Z';
const refused = (at: string): SessionView => ({
  accounts: [GRACE],
  activeAccountId: GRACE.id,
  notice: {
    username: 'adaperch',
    at,
    why: { kind: 'grant-gone', code: 'invalid_request', said: 'Value passed for the token was invalid.' },
  },
});
const SAID = 'You were signed out of @adaperch.';

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

async function open(view: SessionView): Promise<ReactPage> {
  await sessionView.setValue(view);
  const page = await renderInPage(createElement(AccountHeader), { settleMs: 20 });
  await settle();
  return page;
}

const alertOf = (page: ReactPage) => page.document.querySelector('[role="alert"]')?.textContent ?? null;

async function press(page: ReactPage, name: string): Promise<void> {
  const button = [...page.document.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button “${name}”`);
  await act(async () => {
    button.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  await settle();
}

describe('an account X signed out while another stays signed in', () => {
  it('is said beside the account now in use, until dismissed, and a later one is said again', async () => {
    const page = await open(refused(AT));
    try {
      expect(page.document.querySelector('.account-username')?.textContent).toBe('@gracehop');
      expect(alertOf(page)).toContain(SAID);
      expect(alertOf(page)).toContain('Value passed for the token was invalid.');
      await press(page, 'Dismiss');
      expect(alertOf(page)).toBeNull();
      expect(await storage.getItem('local:notes.signedOutSeen')).toBe(AT);
    } finally {
      await page.leave();
    }

    const again = await open(refused(AT));
    try {
      expect(alertOf(again)).toBeNull();
      await act(async () => {
        await sessionView.setValue(refused('2026-12-04T01:00:00.000Z'));
      });
      await settle();
      expect(alertOf(again)).toContain(SAID);
    } finally {
      await again.leave();
    }
  });

  it('is not said once that account is signed in again', async () => {
    const view = refused(AT);
    const page = await open({ ...view, accounts: [GRACE, { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' }] });
    try {
      expect(alertOf(page)).toBeNull();
    } finally {
      await page.leave();
    }
  });

  it('is said in Japanese on a Japanese screen', async () => {
    readInJapanese();
    const page = await open(refused(AT));
    try {
      expect(alertOf(page)).toContain('@adaperchからログアウトしました。');
      expect([...page.document.querySelectorAll('button')].map((b) => b.textContent)).toContain('閉じる');
    } finally {
      await page.leave();
    }
  });
});
