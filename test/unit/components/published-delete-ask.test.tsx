import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * Walked as a person, by role and name: after a reply was posted, Delete asks "Delete this post from X? This cannot be
 * undone." in a group a screen reader named "Confirm delete", words the screen never shows, so the question could not
 * be found by what it says. The group is now named by the question it shows.
 */

vi.mock('@/components/use-action-states', () => ({ useActionStates: () => new Map() }));
const { PublishedPosts } = await import('@/components/PublishedPosts');

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
      });
      const groups = () => [...page.container.querySelectorAll('[role="group"]')];
      await until(() => expect(groups()).toHaveLength(1));
      const [group] = groups();
      expect(group!.textContent).toContain('Delete this post from X? This cannot be undone.');
      expect(accessibleName(group!)).toBe('Delete this post from X? This cannot be undone.');
    } finally {
      await page.leave();
    }
  });
});
