import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { db, type ListRow } from '@/lib/db';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * Load more reading a List's last page goes from the page with a keyboard user's focus on it: the focus goes to the
 * first member that page brought (their Remove, on a List the person owns; their Profile, on one they follow), or to
 * Reload members when that page brought no one — never to the page, where the next Tab would start again from the top.
 */

withFocus();

const ACCOUNT = '1';
const WHEN = '2026-12-05T08:00:00.000Z';
const list = (owned: boolean): ListRow => ({
  accountId: ACCOUNT,
  id: '99',
  name: 'Reading list',
  private: false,
  memberCount: 4,
  owned,
  followed: !owned,
  pinned: false,
  member: false,
});

const GRACE = { id: '6', name: 'Grace Hopper', username: 'gracehop' };
const ADA = { id: '7', name: 'Ada Lovelace', username: 'ada' };
const ALAN = { id: '8', name: 'Alan Turing', username: 'alan' };
const EDSGER = { id: '9', name: 'Edsger Dijkstra', username: 'edsger' };

const LOAD = 'Load members of Reading list from X';
const MORE = 'Load more members of Reading list';
const RELOAD = 'Reload members of Reading list from X';

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const named = (page: ReactPage, name: string) =>
  [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);

/**
 * The background: X's pages of the List's members, by page token (none → the first page, `next` → the last), each
 * stored after those before it as the members service stores them, then answered.
 */
function background(first: (typeof GRACE)[], last: (typeof GRACE)[]) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { paginationToken?: string }) => {
    const users = message.paginationToken ? last : first;
    const from = message.paginationToken ? first.length : 0;
    await db().users.bulkPut(users.map((u) => ({ accountId: ACCOUNT, ...u, seenAt: WHEN })));
    await db().listMembers.bulkPut(users.map((u, i) => ({ accountId: ACCOUNT, listId: '99', userId: u.id, position: from + i })));
    return { ok: true, data: { users, ...(message.paginationToken ? {} : { nextToken: 'next' }) } };
  }) as never);
}

async function membersOf(owned: boolean) {
  const page = await renderInPage(
    <ListMembers accountId={ACCOUNT} list={list(owned)} act={() => Promise.resolve(true)} onActed={() => undefined} />,
    {
      settleMs: 20,
    },
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

describe('Load more reading a List’s last page', () => {
  beforeEach(freshDb);

  it('hands the focus to Remove on the first member that page brought', async () => {
    background([GRACE, ADA], [ALAN, EDSGER]);
    const page = await membersOf(true);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE), 'Load more, with no page after this one').toBeUndefined();
      expect(page.focus()).toBe('Remove @alan from Reading list');
    } finally {
      await page.leave();
    }
  });

  it('hands the focus to Reload members when that page brought no one', async () => {
    background([GRACE, ADA], []);
    const page = await membersOf(true);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE)).toBeUndefined();
      expect(page.focus()).toBe(RELOAD);
    } finally {
      await page.leave();
    }
  });

  it('hands the focus to Profile on the first member that page brought, on a List the person follows', async () => {
    background([GRACE, ADA], [ALAN, EDSGER]);
    const page = await membersOf(false);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE)).toBeUndefined();
      // Their profile on X, named by their @username: a screen reader says whom the page brought, not Reload again.
      expect(page.focus()).toBe('Profile of @alan on X');
    } finally {
      await page.leave();
    }
  });
});
