import { act, createElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { listMembers } from '@/lib/services/lookups';
import { db, type ListRow } from '@/lib/db';
import type { XClient } from '@/lib/x/client';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';

/** A List the account follows ("Reading list", id 99, 3 members) for the members view's tests; `over` changes a field. */
export const readingList = (over: Partial<ListRow> = {}): ListRow => ({
  accountId: '1',
  id: '99',
  name: 'Reading list',
  private: false,
  memberCount: 3,
  owned: false,
  followed: true,
  pinned: false,
  member: false,
  ...over,
});

/**
 * The background with X behind it, for the members view (components/manager/lists/ListMembers.tsx): a `list.members`
 * message reads the page from X (GET /2/lists/:id/members) through the members service, which stores it before it
 * answers, as entrypoints/background/handlers.ts does.
 * @returns the members pages asked for, by List id
 */
export function membersFromX(client: () => XClient): string[] {
  const asked: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    type: string;
    accountId: string;
    listId: string;
    paginationToken?: string;
  }) => {
    if (message.type !== 'list.members') return { ok: false, error: { kind: 'unknown', message: 'Not in this test.' } };
    asked.push(message.listId);
    return { ok: true, data: await listMembers(client(), message.accountId, message.listId, message.paginationToken) };
  }) as never);
  return asked;
}

/** Waits until the view no longer says it is reading (the store's live query, or X). */
export async function settled(page: ReactPage): Promise<void> {
  const busy = () =>
    !!page.document.querySelector('[aria-busy="true"]') || /Checking with X|Loading members/.test(page.document.body.textContent ?? '');
  for (let i = 0; i < 100 && busy(); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
}

/**
 * What the members view of `accountId`'s stored List `listId` shows once it has read: its words, and its controls'
 * names. A List Perch made that X has is checked with X on opening: the background answers from `client`
 * ({@link membersFromX}).
 */
export async function membersViewOf(client: () => XClient, accountId: string, listId: string) {
  const list = (await db().lists.get([accountId, listId]))!;
  membersFromX(client);
  const view = createElement(ListMembers, { accountId, list, act: () => Promise.resolve(true), onActed: () => undefined });
  const page = await renderInPage(view, { settleMs: 40 });
  try {
    // The stored members come through a live query, and X's answer after: wait until both are in.
    await settled(page);
    const text = page.document.querySelector('.mgr-members')?.textContent ?? '';
    const names = [...page.document.querySelectorAll('button, input')].map((el) => accessibleName(el));
    return { text, names };
  } finally {
    await page.leave();
  }
}
