import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostView } from '@/lib/messaging';
import { accessibleName } from '../support/label-in-name';
import { showListPosts } from '../support/list-posts';

/**
 * A List's latest posts showed each post's author with no way to their profile on x.com, while each of the List's
 * members has a Profile link: a person reading a post had to open the post to reach who wrote it. Each post by a
 * known author now has Profile beside Open on X, to https://x.com/<username> in a new tab, named from its visible label
 * ("Profile of @gracehop on X"); a post whose author X left out has none (there is no one to link).
 */

const POSTS: PostView[] = [
  { id: '1001', text: 'Compilers are fun', author: { id: '7', name: 'Grace Hopper', username: 'gracehop' }, mediaCount: 0, quoted: false },
  { id: '1002', text: 'Machines think', author: { id: '8', name: 'Alan Turing', username: 'aturing' }, mediaCount: 0, quoted: false },
  { id: '1003', text: 'Nobody named me', mediaCount: 0, quoted: false },
];

describe('the author of each of a List’s latest posts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('links to their profile on x.com in a new tab, named from its label, and not for an unknown author', async () => {
    const page = await showListPosts(POSTS);
    try {
      const articles = [...page.document.querySelectorAll('article')];
      expect(articles).toHaveLength(3);
      const profiles = articles.map((a) => [...a.querySelectorAll('a')].filter((l) => l.textContent === 'Profile'));
      expect(profiles.map((links) => links.length)).toEqual([1, 1, 0]);
      const [grace, alan] = [profiles[0]![0]!, profiles[1]![0]!];
      expect(grace.getAttribute('href')).toBe('https://x.com/gracehop');
      expect(alan.getAttribute('href')).toBe('https://x.com/aturing');
      expect(grace.getAttribute('target')).toBe('_blank');
      expect(grace.getAttribute('rel')).toContain('noreferrer');
      // The name starts with what it shows, and tells the posts' links apart.
      expect([accessibleName(grace), accessibleName(alan)]).toEqual(['Profile of @gracehop on X', 'Profile of @aturing on X']);
    } finally {
      await page.leave();
    }
  });
});
