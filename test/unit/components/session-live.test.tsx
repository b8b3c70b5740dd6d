import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { usePostLimit } from '@/components/use-post-limit';
import { sessionView, type SessionView } from '@/lib/storage';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * A session change the background publishes while a screen is open reads as leniently as the screen's opening read
 * (lib/storage.ts `sessionViewOf`): a malformed signed-out notice drops that notice, never the accounts beside it.
 */

const AT = '2026-12-03T01:00:00.000Z';
const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch', subscriptionType: 'Premium' };
const GRACE = { id: '1097398373457707009', name: 'Grace', username: 'gracehopper' };
/** Ada signed in, Grace signed out a moment ago; the notice says why. */
const withNotice = (notice: unknown) => ({ accounts: [ADA], activeAccountId: ADA.id, notice }) as unknown as SessionView;

/** Opens `element` on a page while Ada alone is signed in, then lets the background change the session to `next`. */
async function openThenChange(element: Parameters<typeof renderInPage>[0], next: SessionView): Promise<ReactPage> {
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  const page = await renderInPage(element);
  await act(async () => {
    await sessionView.getValue();
  });
  await act(async () => {
    await sessionView.setValue(next);
  });
  return page;
}

/** What the header shows: its alert's text, or null, and the account it shows as signed in. */
function shown(page: ReactPage): { alert: string | null; account: string | null } {
  return {
    alert: page.document.querySelector('[role="alert"]')?.textContent ?? null,
    account: page.document.querySelector('.account-username')?.textContent ?? null,
  };
}

function PostLimit() {
  return <output>{usePostLimit(ADA.id)}</output>;
}

describe('a session change arriving while the account header is open', () => {
  it.each([
    ['an unknown kind', { at: AT, username: GRACE.username, why: { kind: 'teapot' } }],
    ['a username that is no X username', { at: AT, username: 'grace hopper\u202E', why: { kind: 'sign-in-gone' } }],
    ['no time', { username: GRACE.username, why: { kind: 'sign-in-gone' } }],
  ])('with a notice of %s keeps the signed-in account shown and shows no notice', async (_case, notice) => {
    const page = await openThenChange(createElement(AccountHeader), withNotice(notice));
    try {
      expect(shown(page)).toEqual({ alert: null, account: '@adaperch' });
    } finally {
      await page.leave();
    }
  });

  it('with a sound notice and nobody signed in shows the notice', async () => {
    const notice = { at: AT, username: GRACE.username, why: { kind: 'sign-in-gone' } };
    const page = await openThenChange(createElement(AccountHeader), {
      accounts: [],
      activeAccountId: null,
      notice,
    } as unknown as SessionView);
    try {
      expect(shown(page)).toEqual({
        alert: 'You were signed out of @gracehopper. Perch no longer holds a sign-in for this account. Sign in with X again.',
        account: null,
      });
    } finally {
      await page.leave();
    }
  });
});

describe('a session change arriving while a composer is open', () => {
  it('with a malformed notice keeps the long-post limit of the X Premium account writing', async () => {
    const page = await openThenChange(<PostLimit />, withNotice({ at: AT, why: { kind: 'teapot' } }));
    try {
      expect(page.document.querySelector('output')?.textContent).toBe('25000');
    } finally {
      await page.leave();
    }
  });
});
