import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { sessionView } from '@/lib/storage';
import { renderInPage } from '../support/react-page';

/**
 * Copy callback URL can be refused by the browser (the page not focused, no clipboard permission): the person is told
 * in Perch's words what to do instead, not shown the browser's DOMException text.
 */

const ADA = { id: '1585841080431321088', name: 'Ada', username: 'ada' };
const SETTINGS = { clientId: 'c', clientIdFromBuild: true, redirectUrl: 'https://x.extensions.allizom.org/', enterprisePlan: false };

afterEach(() => vi.restoreAllMocks());

describe('Copy callback URL refused by the browser', () => {
  it('says so in Perch words, not the browser’s DOMException text', async () => {
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: { type: string }) =>
      Promise.resolve(m.type === 'settings.get' ? { ok: true, data: SETTINGS } : { ok: true, data: null })) as never);
    const page = await renderInPage(createElement(App));
    Object.defineProperty(globalThis.navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')) },
      configurable: true,
    });
    try {
      for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 10)));
      const button = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Copy callback URL')!;
      await act(async () => {
        button.dispatchEvent(new page.window.Event('click', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 10));
      });
      const alert = page.document.querySelector('[role="alert"]')!;
      expect(alert.textContent).toBe('Could not copy the callback URL. Select it above and copy it yourself.');
    } finally {
      await page.leave();
    }
  });
});
