/** A List's latest posts (ListPosts) as X answers them, for the tests of what the preview shows of each post. */
import { act } from 'react';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPosts } from '@/components/manager/lists/ListPosts';
import type { PostView } from '@/lib/messaging';
import { accessibleName } from './label-in-name';
import { renderInPage, type ReactPage } from './react-page';
import { until } from './until';

/**
 * The List "Compiler folks" with its Show latest posts pressed and X answering `posts`: once each of them is drawn as a
 * post. The caller leaves the page (left here when it never gets there).
 */
export async function showListPosts(posts: PostView[]): Promise<ReactPage> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: posts } as never);
  const page = await renderInPage(<ListPosts accountId="1" listId="99" name="Compiler folks" />);
  try {
    const show = [...page.document.querySelectorAll('button')].find(
      (b) => accessibleName(b as unknown as Element) === 'Show latest posts of Compiler folks',
    );
    expect(show, 'the Show latest posts button').toBeTruthy();
    await act(async () => {
      show!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
    });
    await until(() => expect(page.document.querySelectorAll('article'), 'the posts drawn').toHaveLength(posts.length));
    return page;
  } catch (e) {
    await page.leave();
    throw e;
  }
}
