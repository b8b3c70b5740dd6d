import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPosts } from '@/components/manager/lists/ListPosts';
import { createRetryPublisher } from '@/lib/services/read-retries';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * Show latest posts on a List while X answers GET /2/lists/:id/tweets (getListsPosts) with 503: Perch tried again
 * three times over about ten seconds and the List said only "Loading posts…" the whole time, with no way out but to
 * wait. While Perch tries again, the List now says X is not answering and when Perch tries again, beside Stop
 * waiting: what was shown before comes back, the focus on the button that reads again.
 */

const click = (page: ReactPage, el: Element) =>
  act(async () => {
    el.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });

describe('a List’s posts while X is not answering', () => {
  withFocus();
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('says X is not answering and Perch tries again, and Stop waiting lets go with the focus on Show latest posts', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
    const page = await renderInPage(<ListPosts accountId="1" listId="99" name="Compiler folks" />);
    try {
      const buttons = () => [...page.document.querySelectorAll('section button')];
      const named = (name: string) => buttons().find((b) => accessibleName(b) === name);
      await click(page, named('Show latest posts of Compiler folks')!);
      await until(() => expect(page.document.body.textContent).toContain('Loading posts…'));
      expect(page.document.body.textContent).not.toContain('X is not answering');

      // The background's word, as its rate-limited client backs off after X's 503.
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      await act(() => publish('1', 'GET /2/lists/99/tweets', { attempt: 1, of: 3, at: Date.now() + 2000 }));
      await until(() => expect(page.document.body.textContent).toMatch(/Latest posts: X is not answering; Perch tries again at .+\./));
      const stop = named('Stop waiting');
      expect(stop, 'a Stop waiting button beside the busy one').toBeTruthy();

      (stop as HTMLElement).focus();
      await click(page, stop!);
      await until(() => expect(page.document.body.textContent).not.toContain('Loading posts…'));
      expect(page.document.body.textContent).not.toContain('X is not answering');
      const show = named('Show latest posts of Compiler folks')!;
      expect(show.getAttribute('aria-disabled'), 'Show latest posts reads again').toBeNull();
      expect(page.document.activeElement, 'the focus on Show latest posts, not the page').toBe(show);
    } finally {
      await page.leave();
    }
  });

  it('gives the focus to Refresh posts, not the page, when X answers while Stop waiting has it', async () => {
    let answer: (reply: unknown) => void = () => undefined;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const page = await renderInPage(<ListPosts accountId="1" listId="99" name="Compiler folks" />);
    try {
      const named = (name: string) => [...page.document.querySelectorAll('section button')].find((b) => accessibleName(b) === name);
      await click(page, named('Show latest posts of Compiler folks')!);
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      await act(() => publish('1', 'GET /2/lists/99/tweets', { attempt: 1, of: 3, at: Date.now() + 2000 }));
      await until(() => expect(named('Stop waiting')).toBeTruthy());
      (named('Stop waiting') as HTMLElement).focus();

      await act(async () => answer({ ok: true, data: [] }));
      await act(() => publish('1', 'GET /2/lists/99/tweets', undefined));
      await until(() => expect(named('Stop waiting')).toBeUndefined());
      expect(page.document.activeElement, 'the focus on Refresh posts, not the page').toBe(named('Refresh posts of Compiler folks'));
    } finally {
      await page.leave();
    }
  });

  it('believes no try planned minutes ago: a stopped worker’s leftover', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
    const publish = createRetryPublisher(fakeBrowser.storage.session);
    await publish('1', 'GET /2/lists/99/tweets', { attempt: 2, of: 3, at: Date.now() - 5 * 60_000 });
    const page = await renderInPage(<ListPosts accountId="1" listId="99" name="Compiler folks" />);
    try {
      await click(page, [...page.document.querySelectorAll('section button')][0]!);
      await until(() => expect(page.document.body.textContent).toContain('Loading posts…'));
      // The watch's first read of the stored retries is answered before this later one.
      await act(async () => void (await fakeBrowser.storage.session.get('x.retrying.1')));
      expect(page.document.body.textContent).not.toContain('X is not answering');
    } finally {
      await page.leave();
    }
  });

  it('says nothing of another List’s read X is not answering', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
    const page = await renderInPage(<ListPosts accountId="1" listId="99" name="Compiler folks" />);
    try {
      const show = [...page.document.querySelectorAll('section button')][0]!;
      await click(page, show);
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      await act(() => publish('1', 'GET /2/lists/98/tweets', { attempt: 1, of: 3, at: Date.now() + 2000 }));
      await act(() => publish('1', 'GET /2/lists/99/members', { attempt: 1, of: 3, at: Date.now() + 2000 }));
      await until(() => expect(page.document.body.textContent).toContain('Loading posts…'));
      expect(page.document.body.textContent).not.toContain('X is not answering');
    } finally {
      await page.leave();
    }
  });
});
