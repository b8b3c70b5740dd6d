import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import { db, type ListRow } from '@/lib/db';
import { hasBidiControls } from '@/lib/text/bidi';
import { freshDb } from '../services/support';
import { accessibleName, labelMismatches } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * A list's name in the labels of its page (its members, Load and More, Remove, Pin, Edit, Delete): a name ending in
 * U+202E (RIGHT-TO-LEFT OVERRIDE) or holding other bidi marks would reverse the rest of the label for a screen reader,
 * a braille display or voice control. The labels carry the name's letters without those marks.
 */

const ACCOUNT = '1';
const GRACE = '1452871219391512578';
const EVIL: ListRow = {
  accountId: ACCOUNT,
  id: '99',
  name: 'Evil\u202E list',
  private: false,
  memberCount: 1,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
};

/** The names a person's tools read on the page: each `aria-label` (a field's too) and each button's words. */
function labels(page: ReactPage): string[] {
  const named = [...page.document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
  // A field's visible <label> keeps the name's marks inside a <bdi> (the field is named by its aria-label).
  const worded = [...page.document.querySelectorAll('button')].map((e) => e.textContent ?? '');
  return [...named, ...worded].filter((l) => l.includes('Evil'));
}

async function click(page: ReactPage, name: string): Promise<void> {
  const button = [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
  expect(button, `a button named “${name}”`).toBeTruthy();
  await act(async () => {
    button!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  await act(() => new Promise((r) => setTimeout(r, 20)));
}

describe('a list’s name in its page’s labels', () => {
  beforeEach(async () => {
    await freshDb();
    await db().users.put({ accountId: ACCOUNT, id: GRACE, name: 'Grace Hopper', username: 'gracehop', seenAt: '2026-12-01T00:00:00.000Z' });
    await db().listMembers.put({ accountId: ACCOUNT, listId: EVIL.id, userId: GRACE, position: 0 });
    // The first page of members, with more to read: the "Load more" button shows.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { nextToken: 'next' } } as never);
  });

  it('holds the name’s letters without its bidi marks, and starts with the words each control shows', async () => {
    const page = await renderInPage(
      <ListDetail accountId={ACCOUNT} list={EVIL} act={() => Promise.resolve(true)} onBack={() => undefined} onActed={() => undefined} />,
      { settleMs: 20 },
    );
    try {
      await act(() => new Promise((r) => setTimeout(r, 50)));
      await click(page, 'Load members of Evil list from X');
      await click(page, 'Delete list Evil list');
      const shown = labels(page);
      expect(shown).toEqual(
        expect.arrayContaining([
          'Remove @gracehop from Evil list',
          'Members of Evil list',
          'Load more members of Evil list',
          'Add an account to Evil list by @username',
          'Pin Evil list',
          'Edit Evil list',
          'Yes, delete Evil list',
        ]),
      );
      expect(shown.filter(hasBidiControls)).toEqual([]);
      expect(labelMismatches(page.container.innerHTML)).toEqual([]);
    } finally {
      await page.leave();
    }
  });

  it('shows the Delete question with the name, marks and all, inside a bdi, and names its group without the marks', async () => {
    const page = await renderInPage(
      <ListDetail accountId={ACCOUNT} list={EVIL} act={() => Promise.resolve(true)} onBack={() => undefined} onActed={() => undefined} />,
      { settleMs: 20 },
    );
    try {
      await click(page, 'Delete list Evil list');
      const question = page.document.querySelector('.mgr-confirm-prompt');
      expect(question?.textContent).toBe('Delete “Evil\u202E list” on X? Its members and followers lose it too. This cannot be undone.');
      expect([...(question?.querySelectorAll('bdi') ?? [])].map((b) => b.textContent)).toEqual(['Evil\u202E list']);
      expect(page.document.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe(
        'Delete “Evil list” on X? Its members and followers lose it too. This cannot be undone.',
      );
    } finally {
      await page.leave();
    }
  });
});
