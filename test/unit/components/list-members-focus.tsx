import { act } from 'react';
import { expect } from 'vitest';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import type { ListRow } from '@/lib/db';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';

/** The List "Reading list" with its members, as the list-members-*-focus tests open it and press through it by keyboard. */

export const ACCOUNT = '1';
export const LIST = '99';
export const list = (owned: boolean): ListRow => ({
  accountId: ACCOUNT,
  id: LIST,
  name: 'Reading list',
  private: false,
  memberCount: 4,
  owned,
  followed: !owned,
  pinned: false,
  member: false,
});

export type Member = { id: string; name: string; username: string };
export const GRACE = { id: '6', name: 'Grace Hopper', username: 'gracehop' };
export const ADA = { id: '7', name: 'Ada Lovelace', username: 'ada' };
export const ALAN = { id: '8', name: 'Alan Turing', username: 'alan' };
export const EDSGER = { id: '9', name: 'Edsger Dijkstra', username: 'edsger' };

export const LOAD = 'Load members of Reading list from X';
export const MORE = 'Load more members of Reading list';
export const RELOAD = 'Reload members of Reading list from X';

export const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
/** The button or link of that accessible name, if the page shows one. */
export const named = (page: ReactPage, name: string) =>
  [...page.document.querySelectorAll<HTMLElement>('button, a')].find((b) => accessibleName(b) === name);

/** The List's members (owned: a List the person owns; else one they follow), with a keyboard user's view of the focus. */
export async function membersOf(owned: boolean) {
  const page = await renderInPage(
    <ListMembers accountId={ACCOUNT} list={list(owned)} act={() => Promise.resolve(true)} onActed={() => undefined} />,
    { settleMs: 20 },
  );
  await settle();
  const doc = page.document;
  return {
    ...page,
    /** What has the focus: a control's name, or "the page". */
    focus: () => (doc.activeElement === doc.body ? 'the page' : accessibleName(doc.activeElement as unknown as Element)),
    /** A keyboard user presses the button: the focus on it, then Enter; then X answers and the store's rows show. */
    async press(name: string) {
      const button = named(page, name);
      expect(button, name).toBeTruthy();
      await act(async () => {
        button!.focus();
        button!.click();
      });
      for (let i = 0; i < 10; i++) await settle();
    },
  };
}
