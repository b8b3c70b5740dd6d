import { act, createElement, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useOpenEdit } from '@/components/EditComposer';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { readEditView } from '@/lib/services/post-edit';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

/**
 * Issue 13, "Two languages": when X says nothing of editing a post (not the person's, or no `edit_controls`), the
 * background answers that as a kind, and the screen words it in its reader's language, not the background's.
 */

const ACCOUNT = '1585841080431321088';
const POST = '1880028106020515840';

/** The background's answer to `post.editView` for a post someone else wrote, as the message listener gives it. */
function answerForSomeoneElsesPost(): Promise<Reply<unknown>> {
  const post = { data: { id: POST, text: 'Not yours', author_id: '12', edit_history_tweet_ids: [POST] } };
  const fetch = () => Promise.resolve(new Response(JSON.stringify(post), { headers: { 'content-type': 'application/json' } }));
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t'), fetch });
  const handlers = { 'post.editView': () => readEditView(client, ACCOUNT, POST) } as unknown as Handlers;
  return handle(handlers, { type: 'post.editView', accountId: ACCOUNT, postId: POST });
}

/** A screen's Edit button and the refusal it shows, as the published posts' line has them. */
function EditButton(): ReactElement {
  const edits = useOpenEdit(ACCOUNT);
  return createElement(
    'div',
    null,
    createElement('button', { type: 'button', onClick: () => void edits.open(POST) }, 'Edit'),
    edits.refusal ? createElement('p', { role: 'alert' }, edits.refusal) : null,
  );
}

/** Presses Edit with the background answering `reply`, and returns the refusal the person reads. */
async function refusalShown(reply: Reply<unknown>): Promise<string | null | undefined> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as never);
  const page = await renderInPage(createElement(EditButton));
  try {
    await act(async () => {
      page.document.querySelector('button')!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
    });
    await act(() => new Promise((r) => setTimeout(r, 20)));
    return page.document.querySelector('[role="alert"]')?.textContent;
  } finally {
    await page.leave();
  }
}

describe('a post X says nothing of editing', () => {
  it('is answered as a kind, with no sentence in the background’s language', async () => {
    expect(await answerForSomeoneElsesPost()).toEqual({
      ok: false,
      error: { kind: 'invalid-post', message: '', own: { kind: 'edit-unknown' } },
    });
  });

  it('is worded in English as before', async () => {
    expect(await refusalShown(await answerForSomeoneElsesPost())).toBe(
      'X did not say whether this post can be edited: only your own posts can be.',
    );
  });

  it('is worded in Japanese on a Japanese screen, though the background spoke English', async () => {
    const reply = await answerForSomeoneElsesPost();
    readInJapanese();
    expect(await refusalShown(reply)).toBe(
      'このポストを編集できるかどうか、Xから返答がありませんでした。編集できるのは自分のポストだけです。',
    );
  });
});
