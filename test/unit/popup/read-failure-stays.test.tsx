import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { createFeedPublisher, type ActionChange } from '@/lib/services/outbox-feed';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { CUT, answerTab, withPopupPage } from './popup-page';
import { GRACE, POST_ID, postContext, profileContext } from './post-context';

/**
 * When a read of the tab's post or profile failed, the panel's line says so until a read works. A click in the
 * meantime (Like, Mute…) moves its button along as ever, but it is no read: the line still says the read failed, and
 * Read again is still there. A click X's background refuses is said beside it, not in its place.
 */

const ACCOUNT = '1585841080431321088';

withPopupPage();

const publish = createFeedPublisher(fakeBrowser.storage.session);
/** Lets what is already answered land (no fixed wait); each check of what a person sees then waits for its words. */
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

async function render(element: ReturnType<typeof createElement>) {
  const page = await renderInPage(element, { settleMs: 50 });
  const doc = page.document;
  const buttons = () => [...doc.querySelectorAll<HTMLButtonElement>('button')];
  const button = (label: string) => buttons().find((b) => b.textContent?.trim() === label);
  await vi.waitFor(() => expect(doc.querySelector('.quick-actions button')).not.toBeNull());
  return {
    ...page,
    button,
    alerts: () => [...doc.querySelectorAll('[role="alert"]')].map((p) => p.textContent?.trim()).filter(Boolean),
    async click(label: string) {
      const b = button(label);
      if (!b) throw new Error(`no button ${label}`);
      await act(async () => b.click());
      await flush();
    },
  };
}

/** The outbox's publication of action `seq` moving on. */
async function outbox(seq: number, type: string, state: ActionChange['state']) {
  await publish({ accountId: ACCOUNT, seq, type, state, notBefore: 0 });
  await flush();
}

describe('the popup’s line after a failed read', () => {
  it('on a post: still says the read failed after a click, until a read works', async () => {
    const bg = answerTab('tab.post', postContext());
    const page = await render(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }));
    try {
      await page.click('Like');
      await outbox(9, 'like', 'sending');
      bg.mode = 'fail';
      await outbox(9, 'like', 'done');
      await vi.waitFor(() => expect(page.alerts()).toEqual([CUT]));

      // A click while no read has worked: its button moves along; the line still says the read failed.
      await page.click('Bookmark');
      await vi.waitFor(() => expect(page.button('Remove bookmark')).toBeDefined());
      expect(page.alerts()).toEqual([CUT]);
      expect(page.button('Read again')).toBeDefined();
      await outbox(10, 'bookmark', 'sending');
      expect(page.alerts()).toEqual([CUT]);

      // The read after the bookmark works: the line empties, Read again goes.
      bg.mode = 'answer';
      await outbox(10, 'bookmark', 'done');
      await vi.waitFor(() => expect(page.alerts()).toEqual([]));
      expect(page.button('Read again')).toBeUndefined();
    } finally {
      await page.leave();
    }
  });

  it('on a profile: a click the background refuses is said beside the failed read, not in its place', async () => {
    const bg = answerTab('tab.profile', profileContext());
    const page = await render(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }));
    try {
      await page.click('Follow');
      await outbox(9, 'follow', 'sending');
      bg.mode = 'fail';
      await outbox(9, 'follow', 'done');
      await vi.waitFor(() => expect(page.alerts()).toEqual([CUT]));

      const refused = 'Perch could not send this. Try again.';
      // The background, as before, but refusing the next click's `action.do`.
      const answer = vi.mocked(fakeBrowser.runtime.sendMessage).getMockImplementation() as unknown as (m: unknown) => Promise<unknown>;
      vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(((message: { type: string }) =>
        message.type === 'action.do'
          ? Promise.resolve({ ok: false, error: { kind: 'unknown', message: refused } })
          : answer(message)) as never);
      await page.click('Mute');
      await vi.waitFor(() => expect(page.alerts()).toEqual([`${refused} ${CUT}`]));
    } finally {
      await page.leave();
    }
  });

  it('in Japanese: the refusal and the failed read are joined as Japanese sentences, with no space between', async () => {
    readInJapanese();
    const cut = 'Perchのバックグラウンドに接続できませんでした。もう一度お試しください。';
    const bg = answerTab('tab.profile', profileContext());
    const page = await render(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }));
    try {
      await page.click('フォロー');
      await outbox(9, 'follow', 'sending');
      bg.mode = 'fail';
      await outbox(9, 'follow', 'done');
      await vi.waitFor(() => expect(page.alerts()).toEqual([cut]));

      const refused = 'Perchはこれを送信できませんでした。もう一度お試しください。';
      const answer = vi.mocked(fakeBrowser.runtime.sendMessage).getMockImplementation() as unknown as (m: unknown) => Promise<unknown>;
      vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(((message: { type: string }) =>
        message.type === 'action.do'
          ? Promise.resolve({ ok: false, error: { kind: 'unknown', message: refused } })
          : answer(message)) as never);
      await page.click('ミュート');
      await vi.waitFor(() => expect(page.alerts()).toEqual([`${refused}${cut}`]));
    } finally {
      await page.leave();
    }
  });
});
