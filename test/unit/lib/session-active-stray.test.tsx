import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { useSession } from '@/components/use-session';
import { isSessionView, sessionView, sessionViewOf, type SessionView } from '@/lib/storage';
import { renderInPage } from '../support/react-page';

/**
 * A stored session whose active account is none of its accounts (another version, a tampered profile) still holds
 * those accounts and their tokens: it reads as signed in to the first of them, never as signed out without a reason.
 */

const ADA = { id: '1585841080431321088', name: 'Ada', username: 'ada' };
const BOB = { id: '2244994945', name: 'Bob', username: 'bob' };
const stored = (activeAccountId: unknown, accounts: unknown[] = [ADA, BOB]) =>
  ({ accounts, activeAccountId, notice: null }) as unknown as SessionView;

function Active() {
  const session = useSession();
  const active = session?.accounts.find((a) => a.id === session.activeAccountId);
  return <p>{active ? `@${active.username}` : 'signed out'}</p>;
}

describe('a stored session whose active account is not among its accounts', () => {
  it.each([
    ['an account not stored', '999'],
    ['an empty id', ''],
    ['no id', null],
    ['a number', 7],
  ])('with %s reads as signed in to the first stored account', (_case, active) => {
    expect(isSessionView(stored(active))).toBe(false);
    expect(sessionViewOf(stored(active))).toEqual({ accounts: [ADA, BOB], activeAccountId: ADA.id, notice: null });
  });

  it('keeps an account listed twice once, as its first entry, and stays signed in to it', () => {
    const twice = stored(ADA.id, [ADA, { ...ADA, name: 'Eve' }, BOB]);
    expect(isSessionView(twice)).toBe(false);
    expect(sessionViewOf(twice)).toEqual({ accounts: [ADA, BOB], activeAccountId: ADA.id, notice: null });
  });

  it('reads a session with no readable account as signed out', () => {
    expect(sessionViewOf(stored('999', [{ id: 'x' }]))).toEqual({ accounts: [], activeAccountId: null, notice: null });
  });

  it('keeps a sound session as it is', () => {
    const sound = stored(BOB.id);
    expect(isSessionView(sound)).toBe(true);
    expect(sessionViewOf(sound)).toBe(sound);
  });

  it('shows a screen signed in to the first stored account', async () => {
    await sessionView.setValue(stored('999'));
    const page = await renderInPage(<Active />);
    try {
      await act(async () => {
        await sessionView.getValue();
      });
      expect(page.container.textContent).toBe('@ada');
    } finally {
      await page.leave();
    }
  });
});
