import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import type { EditView, PostContext } from '@/lib/messaging';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { POST_ID, postContext } from './post-context';

/**
 * One's own post that may no longer be edited: the popup offers no Edit, and now says why when X's `edit_controls`
 * said it (x-api--fundamentals--edit-posts: `editable_until` past, or `edits_remaining` 0), where before it said
 * nothing; when X sent no `edit_controls`, it still says nothing. Nor does it say a window ended on a post X said
 * was never edit-eligible (`is_edit_eligible` false, e.g. a poll post): it was never open.
 */

const ACCOUNT = '1585841080431321088';
const ME = { id: ACCOUNT, name: 'Ada', username: 'ada' };

withPopupPage();

/** X's word on editing the post, as the background passes it on. */
function editView(overrides: Partial<EditView>): EditView {
  return {
    postId: POST_ID,
    editable: false,
    eligible: true,
    editableUntil: new Date(Date.now() + 600_000).toISOString(),
    editsRemaining: 3,
    media: false,
    text: 'Hello',
    ...overrides,
  };
}

/** The post panel's words and its buttons' names, for the account's own post with this `tab.post` answer. */
async function ownPost(state: Partial<PostContext>): Promise<{ text: string; buttons: string[] }> {
  answerTab(
    'tab.post',
    postContext({ author: { ...ME, following: false, followRequested: false, muted: false, blocked: false }, ...state }),
  );
  const page = await renderInPage(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }), { settleMs: 50 });
  try {
    const doc = page.document;
    for (let i = 0; i < 20 && !doc.querySelector('.quick-actions button'); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    return {
      text: doc.querySelector('.post-panel')?.textContent ?? '',
      buttons: [...doc.querySelectorAll('button')].map((b) => b.textContent ?? ''),
    };
  } finally {
    await page.leave();
  }
}

/** "14:05": the clock as a 24-hour time, worked out here apart from the product's formatting. */
const clock = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** A moment earlier today: two minutes ago, or midnight when that was yesterday. */
function earlierToday(): number {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  return Math.max(Date.now() - 120_000, midnight.getTime());
}

describe('the popup on one’s own post X no longer lets be edited', () => {
  // "Today" is the reader's day on the clock (use-edit-window.ts): the clock stays at noon, so a run across midnight
  // still shows only the time. Only Date is faked: the store and the waits keep real timers.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2030, 0, 15, 12, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says when X’s edit window closed, and offers no Edit; nothing when X sent no edit_controls', async () => {
    const until = earlierToday();
    const shown = await ownPost({ edit: editView({ editableUntil: new Date(until).toISOString() }) });
    expect(shown.text).toContain(`Editing ended at ${clock(until)}.`);
    expect(shown.buttons.some((b) => b.startsWith('Edit'))).toBe(false);
    expect(shown.buttons).toContain('Delete post');
    const silent = await ownPost({});
    expect(silent.text).not.toMatch(/Editing ended|No edits left/);
  });

  it('says no edit window ended on a post X never let be edited, once X’s editable_until has passed', async () => {
    const until = earlierToday();
    const shown = await ownPost({ edit: editView({ eligible: false, editableUntil: new Date(until).toISOString(), editsRemaining: 5 }) });
    expect(shown.text).not.toMatch(/Editing ended/);
    expect(shown.buttons.some((b) => b.startsWith('Edit'))).toBe(false);
    expect(shown.buttons).toContain('Delete post');
  });

  it('names the day too when the window closed on an earlier day', async () => {
    const shown = await ownPost({ edit: editView({ editableUntil: '2024-01-15T12:30:00.000Z', editsRemaining: 3 }) });
    expect(shown.text).toMatch(/Editing ended at [^.]*2024[^.]*\d{1,2}:\d{2}/);
  });

  it('says no edits are left when X says none remain; nothing while the post may be edited', async () => {
    const shown = await ownPost({ edit: editView({ editsRemaining: 0 }) });
    expect(shown.text).toContain('No edits left.');
    expect(shown.text).not.toContain('Editing ended');
    expect(shown.buttons.some((b) => b.startsWith('Edit'))).toBe(false);
    const open = await ownPost({ edit: editView({ editable: true }) });
    expect(open.text).not.toMatch(/Editing ended|No edits left/);
    expect(open.buttons).toContain('Edit post');
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    const shown = await ownPost({ edit: editView({ editsRemaining: 0 }) });
    expect(shown.text).toContain('編集できる回数が残っていません。');
  });
});
