import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostView } from '@/lib/messaging';
import { accessibleName } from '../support/label-in-name';
import { showListPosts } from '../support/list-posts';
import type { ReactPage } from '../support/react-page';

/**
 * X's answer to a List's posts may leave a post's author out of `includes.users` (getListsPosts' Expansions require
 * none of them). The preview says the author is unknown, as a bookmark card does, and names that post and its Open on
 * X link apart from the others, rather than showing a post under no one with a link named like every other post's.
 */

const POSTS: PostView[] = [
  { id: '1001', text: 'Known author here', author: { id: '7', name: 'Grace Hopper', username: 'gracehop' }, mediaCount: 0, quoted: false },
  { id: '1002', text: 'Nobody named me', mediaCount: 0, quoted: false },
];

const named = (page: ReactPage, selector: string) => [...page.document.querySelectorAll(selector)].map((el) => accessibleName(el));

describe('a List’s latest posts when X did not include a post’s author', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says the author is unknown and names that post and its link apart', async () => {
    const page = await showListPosts(POSTS);
    try {
      expect(named(page, 'article')).toEqual(['Post by @gracehop', 'Post by an unknown author']);
      const unknown = page.document.querySelectorAll('article')[1]!;
      expect(unknown.textContent).toContain('Unknown author');
      expect(named(page, 'a[href]:not(.mgr-profile-link)')).toEqual([
        'Open on X: the post by @gracehop',
        'Open on X: the post by an unknown author',
      ]);
    } finally {
      await page.leave();
    }
  });
});
