import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import type { PostContext } from '@/lib/messaging';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { POST_ID, postContext } from './post-context';

/**
 * A post whose author X did not give (left out of its answer, and not given by id: lib/services/post-author.ts): the
 * popup offers no Mute or Block for them, and says why in a line, where before it said nothing.
 */

const ACCOUNT = '1585841080431321088';
const POST = POST_ID;

withPopupPage();

/** The post panel's words and its buttons' names, for this `tab.post` answer. */
async function panelFor(state: Partial<PostContext>): Promise<{ text: string; buttons: string[] }> {
  answerTab('tab.post', postContext(state));
  const page = await renderInPage(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST }), { settleMs: 50 });
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

describe('the popup on a post whose author X did not give', () => {
  it('says X did not say who wrote it, and offers no Mute or Block', async () => {
    const shown = await panelFor({ authorMissing: true });
    expect(shown.text).toContain('X did not say who wrote this post, so Mute, Block and adding them to a list are not offered here.');
    expect(shown.buttons.some((b) => /^(Mute|Block)/.test(b))).toBe(false);
    expect(shown.buttons).toContain('Bookmark');
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    const shown = await panelFor({ authorMissing: true });
    expect(shown.text).toContain('Xがこのポストの投稿者を答えていないため、ここではミュート・ブロック・リストへの追加はできません。');
  });

  it('says nothing of it when X gave no such word', async () => {
    const shown = await panelFor({});
    expect(shown.text).not.toContain('X did not say who wrote this post');
  });
});
