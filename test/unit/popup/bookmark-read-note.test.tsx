import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { dateTimeOf } from '@/components/manager/format';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import type { ActionBrief, PostContext } from '@/lib/messaging';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { POST_ID, postContext } from './post-context';

/**
 * X tells an app no post's bookmark state: the popup's Bookmark shows the bookmark sync's copy. When that copy lacks
 * the post, the popup says how old the copy is, or that Perch has not read it yet, and ties that to Bookmark.
 */

const ACCOUNT = '1585841080431321088';
const POST = POST_ID;
const READ_AT = '2026-12-04T09:12:00.000Z';

withPopupPage();

/** The Bookmark button's label and description (its aria-describedby notes' words), for this `tab.post` answer. */
async function bookmarkFor(state: Partial<PostContext>): Promise<{ label: string; description: string; page: string }> {
  answerTab('tab.post', postContext(state));
  const page = await renderInPage(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST }), { settleMs: 50 });
  try {
    const doc = page.document;
    const button = () => doc.querySelector<HTMLButtonElement>('.quick-actions button');
    for (let i = 0; i < 20 && !button(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    const ids = (button()?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return {
      label: button()?.textContent ?? '',
      description: ids
        .map((id) => doc.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
      page: doc.querySelector('.post-panel')?.textContent ?? '',
    };
  } finally {
    await page.leave();
  }
}

const done = (type: string): ActionBrief => ({ seq: 1, type, state: 'done', notBefore: 0 });

describe('the popup’s Bookmark on a post Perch’s bookmarks lack', () => {
  it('says when Perch last read the bookmarks from X, in the reader’s locale, as Bookmark’s description', async () => {
    const shown = await bookmarkFor({ bookmarksReadAt: READ_AT });
    expect(shown.label).toBe('Bookmark');
    expect(shown.description).toBe(
      `Bookmark shows your bookmarks as Perch last read them from X, ${dateTimeOf(READ_AT)}. X gives apps only your newest 800.`,
    );
  });

  it('says Perch has not read them yet when it never has', async () => {
    const shown = await bookmarkFor({ bookmarksReadAt: null });
    expect(shown.description).toBe('Perch has not read your bookmarks from X yet, so this post may already be bookmarked.');
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    const shown = await bookmarkFor({ bookmarksReadAt: null });
    expect(shown.description).toBe(
      'PerchはまだXからブックマークを読み込んでいないため、このポストはすでにブックマーク済みかもしれません。',
    );
  });

  it.each([
    ['the post is among the bookmarks', { bookmarked: true }],
    ['Perch removed the bookmark and X answered', { bookmarksReadAt: READ_AT, actions: [done('unbookmark')] }],
  ])('says nothing of the bookmarks’ age when %s', async (_, state) => {
    const shown = await bookmarkFor(state);
    expect(shown.page).not.toContain('last read');
    expect(shown.page).not.toContain('not read your bookmarks');
    expect(shown.description).toBe('');
  });
});
