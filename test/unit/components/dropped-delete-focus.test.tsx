import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DroppedSection } from '@/components/manager/bookmarks/DroppedSection';
import type { BookmarkNoteRow } from '@/lib/db';
import { press } from '../support/dialog-page';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * The reviewer's find: Delete under "No longer on X" deleted the person's own tags and note at once, with no question
 * and no Undo, and the focus fell to the page when the entry went. It asks first, as deleting a tag does, and the
 * focus goes on to the next entry's Delete, else the one before's.
 */

withFocus();
afterEach(() => vi.restoreAllMocks());

const ACCOUNT = '1585841080431321088';
const row = (postId: string, username: string, note: string): BookmarkNoteRow => ({
  accountId: ACCOUNT,
  postId,
  username,
  tags: ['later'],
  note,
  read: false,
  updatedAt: '2026-12-01T00:00:00.000Z',
});
const ROWS = [row('1900000000000000001', 'ada', 'first'), row('1900000000000000002', 'grace', 'second')];

/** The section as the tab shows it; `show` is the store's next read. */
let show: (rows: BookmarkNoteRow[]) => void = () => undefined;
function Tab() {
  const [rows, set] = useState(ROWS);
  show = set;
  return <DroppedSection accountId={ACCOUNT} dropped={rows} />;
}

const named = (page: ReactPage, name: string) =>
  [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
const deleteOf = (page: ReactPage, username: string) => named(page, `Delete the tags and note of the post by @${username}`);

/** Deletes `username`'s entry as a person does (Delete, then the question's Delete), and says what was sent. */
async function deleted(page: ReactPage, username: string): Promise<unknown[]> {
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
  await press(page, deleteOf(page, username));
  const asked = send.mock.calls.length;
  const question = page.document.querySelector('[role="group"]');
  expect(question?.getAttribute('aria-label')).toBe(`Delete the tags and note of the post by @${username}? This cannot be undone.`);
  expect(page.document.activeElement).toBe(named(page, 'Cancel'));
  await press(
    page,
    [...question!.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === 'Yes, delete them'),
  );
  return [asked, ...send.mock.calls.map(([m]) => m)];
}

describe('Delete on an entry no longer on X', () => {
  it('asks first, then deletes the entry’s tags and note', async () => {
    const page = await renderInPage(<Tab />);
    try {
      expect(await deleted(page, 'ada')).toEqual([0, { type: 'bookmark.forget', accountId: ACCOUNT, postId: ROWS[0]!.postId }]);
    } finally {
      await page.leave();
    }
  });

  it('puts the focus on the next entry’s Delete once the entry is gone', async () => {
    const page = await renderInPage(<Tab />);
    try {
      await deleted(page, 'ada');
      await act(async () => show([ROWS[1]!]));
      expect(page.document.activeElement).toBe(deleteOf(page, 'grace'));
    } finally {
      await page.leave();
    }
  });

  it('puts the focus on the entry before’s Delete when the last entry is gone', async () => {
    const page = await renderInPage(<Tab />);
    try {
      await deleted(page, 'grace');
      await act(async () => show([ROWS[0]!]));
      expect(page.document.activeElement).toBe(deleteOf(page, 'ada'));
    } finally {
      await page.leave();
    }
  });
});
