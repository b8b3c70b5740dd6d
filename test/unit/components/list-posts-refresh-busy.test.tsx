import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PostView } from '@/lib/messaging';
import { accessibleName } from '../support/label-in-name';
import { showListPosts } from '../support/list-posts';
import { until } from '../support/until';

/**
 * Refresh posts on a List's page, pressed while X takes its time: the button turned back into "Show latest posts" and
 * the posts read so far vanished until X answered, then both came back. A person saw the button they pressed change
 * its words under them, and a test (or a speech-input user) finding "Refresh posts" by its name lost it while busy. The
 * button now keeps its visible name while busy (said busy with aria-disabled), and the posts stay until the new ones
 * replace them.
 */

const post = (id: string, text: string): PostView => ({
  id,
  text,
  author: { id: '7', name: 'Grace Hopper', username: 'gracehop' },
  mediaCount: 0,
  quoted: false,
});

describe('Refresh posts on a List’s page while X answers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps its visible name and the posts shown until X’s new answer replaces them', async () => {
    const page = await showListPosts([post('1001', 'Compilers are fun')]);
    try {
      const button = () => page.document.querySelector('section button')!;
      expect([accessibleName(button()), button().textContent]).toEqual(['Refresh posts of Compiler folks', 'Refresh posts']);
      let answer: (v: unknown) => void = () => undefined;
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
      await act(async () => {
        button().dispatchEvent(new page.window.Event('click', { bubbles: true }));
      });
      await until(() => expect(page.document.body.textContent).toContain('Loading posts…'));
      // Busy: the same words, said busy, and what was read still there.
      expect([accessibleName(button()), button().textContent]).toEqual(['Refresh posts of Compiler folks', 'Refresh posts']);
      expect(button().getAttribute('aria-disabled')).toBe('true');
      expect([...page.document.querySelectorAll('article')].map((a) => a.textContent)).toEqual([
        expect.stringContaining('Compilers are fun'),
      ]);
      await act(async () => answer({ ok: true, data: [post('1002', 'Machines think'), post('1001', 'Compilers are fun')] }));
      await until(() => expect(page.document.querySelectorAll('article')).toHaveLength(2));
      expect(page.document.querySelector('article')!.textContent).toContain('Machines think');
      expect(page.document.body.textContent).not.toContain('Loading posts…');
      expect([accessibleName(button()), button().getAttribute('aria-disabled')]).toEqual(['Refresh posts of Compiler folks', null]);
    } finally {
      await page.leave();
    }
  });
});
