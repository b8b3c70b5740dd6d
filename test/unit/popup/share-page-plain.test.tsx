import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { PageGate } from '@/entrypoints/popup/PageGate';
import { sessionView } from '@/lib/storage';
import { settle } from '../support/dialog-page';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';
import { stubPageMutationObserver, withPopupPage } from './popup-page';

/**
 * The popup on an ordinary page offers a post sharing it: the page's title and address as a post may carry them
 * (lib/share-page.ts), never a password in the address, nor invisible controls, line breaks or a megabyte of title.
 */

const composers: { context: string; initialText: string }[] = [];
vi.mock('@/components/Composer', () => ({
  Composer: (p: { context: string; initialText?: string }) => (
    composers.push({ context: p.context, initialText: p.initialText ?? '' }),
    createElement('textarea', { 'aria-label': 'Post text' })
  ),
}));
withFocus();
withPopupPage();

const ADA = { id: '1585841080431321088', name: 'Ada', username: 'ada' };
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\n]/;

describe('the popup on an ordinary page', () => {
  it.each([
    [
      'a title with bidi controls, a line break and a megabyte',
      `Sale\u202E\n\u200Bmoc.evil${'x'.repeat(1_000_000)}`,
      'https://example.com/a',
    ],
    ['an address with a user name and password', 'Report', 'https://ada:s3cret@intranet.example/report'],
  ])('starts the post sharing %s as one bounded line without the sign-in', async (_case, title, url) => {
    vi.stubGlobal('location', { search: '', href: 'chrome-extension://perch/popup.html', pathname: '/popup.html', reload: () => {} });
    vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
    vi.stubGlobal('Element', parseHTML('').window.Element);
    stubPageMutationObserver();
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url, title }] as never);
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
    composers.length = 0;
    const popup = await renderInPage(createElement(App), { settleMs: 20 });
    try {
      await vi.waitFor(async () => (await settle(), expect(composers.length).toBeGreaterThan(0)));
      const { context, initialText } = composers.at(-1)!;
      expect({
        long: initialText.length > 400,
        hidden: HIDDEN.test(initialText),
        secret: `${context} ${initialText}`.includes('s3cret'),
      }).toEqual({
        long: false,
        hidden: false,
        secret: false,
      });
      expect(initialText.endsWith(url.replace('ada:s3cret@', ''))).toBe(true);
    } finally {
      await popup.leave();
    }
  });
});

describe('the popup another page opened on an ordinary page', () => {
  it('shows the title the post would start with, as one plain line', async () => {
    const url = 'https://example.com/a';
    const title = `Sale\u202E\n\u200Bmoc.evil${'x'.repeat(1_000_000)}`;
    vi.stubGlobal('location', { search: '', href: `chrome-extension://perch/popup.html?url=${encodeURIComponent(url)}` });
    const page = await renderInPage(
      createElement(PageGate, { page: { url, title, x: { kind: 'other' } }, children: createElement('p', null, 'open') }),
      { settleMs: 20 },
    );
    try {
      await settle();
      const gate = page.document.querySelector('section[aria-label="Opened by another page"]');
      const shown = gate?.querySelectorAll('p')[2]?.textContent ?? '';
      expect({ starts: shown.startsWith('Title: Sale moc.evilx'), long: shown.length > 400, hidden: HIDDEN.test(shown) }).toEqual({
        starts: true,
        long: false,
        hidden: false,
      });
    } finally {
      await page.leave();
    }
  });
});
