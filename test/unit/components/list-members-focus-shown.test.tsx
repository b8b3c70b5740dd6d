import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { listMembers } from '@/lib/services/lookups';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { OFFLINE_X, outboxOver } from '../support/outbox-background';
import { capturing } from '../x/capture';
import { ACCOUNT, ADA, ALAN, EDSGER, GRACE, LIST, LOAD, MORE, RELOAD, membersOf, named, type Member } from './list-members-focus';

/**
 * Load more reading a List's last page, with the focus on it, when the first member that page names has no row with
 * anything to press: their removal still waits in the outbox (the row is hidden), or, on a List the person follows, X
 * gave no @username to open their profile by. The focus goes on to the first member of the page whose row does offer
 * something, in X's order, or to Reload members when none does — never to the page, where the next Tab starts again
 * from the top.
 */

withFocus();

// X's User object requires a `username` string (openapi.json, User); an empty one reads as none.
const NAMELESS_ALAN = { ...ALAN, username: '' };

/**
 * The background with X behind it: GET /2/lists/:id/members answers the first page (with a next_token) and then the
 * last, and the members service (lib/services/lookups.ts) stores each before the view hears the answer.
 */
function background(first: Member[], last: Member[]) {
  const x = capturing((req) => {
    const users = req.url.searchParams.get('pagination_token') ? last : first;
    const more = users === first ? { next_token: 'next' } : {};
    return { body: { data: users, meta: { result_count: users.length, ...more } } };
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { paginationToken?: string }) => ({
    ok: true,
    data: await listMembers(x.client, ACCOUNT, LIST, message.paginationToken),
  })) as never);
}

/** The person removed `member` from the List while offline: the removal waits in the outbox to be sent. */
async function removalWaiting(member: Member) {
  const outbox = outboxOver(OFFLINE_X);
  await outbox.enqueue(ACCOUNT, 'list.removeMember', {
    listId: LIST,
    listName: 'Reading list',
    userId: member.id,
    username: member.username,
  });
  await outbox.idle(ACCOUNT);
  const waiting = await db().actions.where('[accountId+state]').equals([ACCOUNT, 'queued']).count();
  expect(waiting, 'the removal waiting in the outbox').toBe(1);
}

describe('Load more reading a List’s last page whose first member has nothing to press', () => {
  beforeEach(freshDb);

  it('passes over a member whose removal waits, to the next one’s row (its Profile)', async () => {
    await removalWaiting(ALAN);
    background([GRACE, ADA], [ALAN, EDSGER]);
    const page = await membersOf(true);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE), 'Load more, with no page after this one').toBeUndefined();
      expect(named(page, 'Remove @alan from Reading list'), 'Alan’s row, his removal waiting').toBeUndefined();
      expect(page.focus()).toBe('Profile of @edsger on X');
    } finally {
      await page.leave();
    }
  });

  it('goes to Reload members when the only member of that page has their removal waiting', async () => {
    await removalWaiting(ALAN);
    background([GRACE, ADA], [ALAN]);
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

  it('passes over a member without an @username, to Profile on the next one, on a List the person follows', async () => {
    background([GRACE, ADA], [NAMELESS_ALAN, EDSGER]);
    const page = await membersOf(false);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE)).toBeUndefined();
      expect(page.document.body.textContent, 'Alan’s row, shown without a profile to open').toContain('Alan Turing');
      expect(page.focus()).toBe('Profile of @edsger on X');
    } finally {
      await page.leave();
    }
  });

  it('goes to Reload members when no member of that page has an @username, on a List the person follows', async () => {
    background([GRACE, ADA], [NAMELESS_ALAN]);
    const page = await membersOf(false);
    try {
      await page.press(LOAD);
      await page.press(MORE);
      expect(named(page, MORE)).toBeUndefined();
      expect(page.document.body.textContent).toContain('Alan Turing');
      expect(page.focus()).toBe(RELOAD);
    } finally {
      await page.leave();
    }
  });
});
