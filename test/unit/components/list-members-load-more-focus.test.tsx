import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { ACCOUNT, ADA, ALAN, EDSGER, GRACE, LIST, LOAD, MORE, RELOAD, membersOf, named, type Member } from './list-members-focus';

/**
 * Load more reading a List's last page goes from the page with a keyboard user's focus on it: the focus goes to the
 * first member that page brought (their Remove, on a List the person owns; their Profile, on one they follow), or to
 * Reload members when that page brought no one — never to the page, where the next Tab would start again from the top.
 */

withFocus();

const WHEN = '2026-12-05T08:00:00.000Z';

/**
 * The background: X's pages of the List's members, by page token (none → the first page, `next` → the last), each
 * stored after those before it as the members service stores them, then answered.
 */
function background(first: Member[], last: Member[]) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { paginationToken?: string }) => {
    const users = message.paginationToken ? last : first;
    const from = message.paginationToken ? first.length : 0;
    await db().users.bulkPut(users.map((u) => ({ accountId: ACCOUNT, ...u, seenAt: WHEN })));
    await db().listMembers.bulkPut(users.map((u, i) => ({ accountId: ACCOUNT, listId: LIST, userId: u.id, position: from + i })));
    return { ok: true, data: { users, ...(message.paginationToken ? {} : { nextToken: 'next' }) } };
  }) as never);
}

describe('Load more reading a List’s last page', () => {
  beforeEach(freshDb);

  it('hands the focus to the row of the first member that page brought (its Profile, before Remove)', async () => {
    background([GRACE, ADA], [ALAN, EDSGER]);
    const page = await membersOf(true);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE), 'Load more, with no page after this one').toBeUndefined();
      expect(page.focus()).toBe('Profile of @alan on X');
      expect(named(page, 'Remove @alan from Reading list'), 'Remove beside it').toBeDefined();
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
