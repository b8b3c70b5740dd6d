import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withFocus } from '../support/focus-standin';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * Walked as a person, by role and name: after a reply was posted, Delete asks "Delete this post from X? This cannot be
 * undone." in a group a screen reader named "Confirm delete", words the screen never shows, so the question could not
 * be found by what it says. The group is now named by the question it shows.
 */

vi.mock('@/components/use-action-states', () => ({ useActionStates: () => new Map() }));
const { PublishedPosts } = await import('@/components/PublishedPosts');

/** A group's accessible name, as the browser computes it from aria-labelledby or aria-label. */
function nameOf(page: ReactPage, el: Element): string {
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(' ')
      .map((id) => page.document.getElementById(id)?.textContent ?? '')
      .join(' ');
  return el.getAttribute('aria-label') ?? '';
}

describe('the question before deleting a published post', () => {
  withFocus();
  beforeAll(() => vi.stubGlobal('CSS', { escape: (s: string) => s }));
  afterAll(() => vi.unstubAllGlobals());

  it('is a group named by the words it shows', async () => {
    const page = await renderInPage(
      createElement(PublishedPosts, {
        accountId: '1585841080431321088',
        ids: ['1900000000000000001'],
        username: 'adaperch',
        separately: false,
        onError: () => {},
        onWriteAnother: () => {},
      }),
    );
    try {
      const del = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!;
      await act(async () => {
        del.dispatchEvent(new page.window.Event('click', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 10));
      });
      const groups = [...page.container.querySelectorAll('[role="group"]')];
      expect(groups).toHaveLength(1);
      expect(groups[0]!.textContent).toContain('Delete this post from X? This cannot be undone.');
      expect(nameOf(page, groups[0]!)).toBe('Delete this post from X? This cannot be undone.');
    } finally {
      await page.leave();
    }
  });
});
