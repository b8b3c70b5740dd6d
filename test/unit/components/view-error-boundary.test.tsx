import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ViewErrorBoundary } from '@/components/manager/ViewErrorBoundary';

describe('a manager tab that fails to draw', () => {
  it('says why with Retry, and draws the tab again when Retry is pressed', async () => {
    const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const g = globalThis as Record<string, unknown>;
    const saved = { window: g.window, document: g.document, navigator: g.navigator, IS_REACT_ACT_ENVIRONMENT: g.IS_REACT_ACT_ENVIRONMENT };
    Object.defineProperty(g, 'navigator', { value: { userAgent: 'node' }, configurable: true, writable: true });
    Object.assign(g, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
    // React reports the caught error on the console; the test is about what the person sees.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Tab() {
      if (broken) throw new Error('The store could not be read');
      return createElement('p', null, 'Your bookmarks');
    }
    try {
      const { createRoot } = await import('react-dom/client');
      const container = document.getElementById('root') as unknown as Element;
      const root = createRoot(container);
      const boundary = createElement(ViewErrorBoundary, {
        describe: (message: string) => `This tab could not be shown: ${message}`,
        retryLabel: 'Try again',
        children: createElement(Tab),
      });
      await act(async () => root.render(boundary));
      expect(container.querySelector('[role="alert"] p')?.textContent).toBe('This tab could not be shown: The store could not be read');
      broken = false;
      await act(async () => {
        container.querySelector('button')!.dispatchEvent(new window.Event('click', { bubbles: true }));
      });
      expect(container.querySelector('[role="alert"]')).toBeNull();
      expect(container.textContent).toBe('Your bookmarks');
      await act(async () => root.unmount());
    } finally {
      quiet.mockRestore();
      const { navigator, ...rest } = saved;
      Object.defineProperty(g, 'navigator', { value: navigator, configurable: true, writable: true });
      Object.assign(g, rest);
    }
  });
});
