import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ViewErrorBoundary } from '@/components/manager/ViewErrorBoundary';
import { renderInPage } from '../support/react-page';

describe('a manager tab that fails to draw', () => {
  it('says why with Retry, and draws the tab again when Retry is pressed', async () => {
    // React reports the caught error on the console; the test is about what the person sees.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Tab() {
      if (broken) throw new Error('The store could not be read');
      return createElement('p', null, 'Your bookmarks');
    }
    try {
      const boundary = createElement(ViewErrorBoundary, {
        describe: (message: string) => `This tab could not be shown: ${message}`,
        retryLabel: 'Try again',
        children: createElement(Tab),
      });
      const page = await renderInPage(boundary);
      const { window, container } = page;
      expect(container.querySelector('[role="alert"] p')?.textContent).toBe(
        'This tab could not be shown: Perch could not read what it keeps on this device.',
      );
      broken = false;
      await act(async () => {
        container.querySelector('button')!.dispatchEvent(new window.Event('click', { bubbles: true }));
      });
      expect(container.querySelector('[role="alert"]')).toBeNull();
      expect(container.textContent).toBe('Your bookmarks');
      await page.leave();
    } finally {
      quiet.mockRestore();
    }
  });
});
