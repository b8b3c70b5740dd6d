import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { sessionView } from '@/lib/storage';
import { button, press, settle } from '../support/dialog-page';
import { withFocus } from '../support/focus-standin';
import { renderInPage, type ReactPage } from '../support/react-page';
import { stubPageMutationObserver, withPopupPage } from './popup-page';

// A part of the popup whose file failed to load, and failed again on Try again, loads only in a new page in Firefox
// (its failure is kept for the page's life): the popup reloads itself and reopens the screen the person had asked
// for, not the page's first screen (entrypoints/popup/part-reload.ts). Each part here stands in for the real one.

const load = vi.hoisted(() => ({ failing: true, listFailing: true }));
vi.mock('@/components/Composer', () => {
  if (load.failing) throw new Error('Failed to fetch dynamically imported module: Composer.js');
  return { Composer: () => createElement('section', null, createElement('textarea', { 'aria-label': 'Post text' })) };
});
vi.mock('@/entrypoints/popup/ListPanel', () => {
  if (load.listFailing) throw new Error('Failed to fetch dynamically imported module: ListPanel.js');
  return { ListPanel: () => createElement('section', null, createElement('button', { type: 'button' }, 'Pin')) };
});

withFocus();
withPopupPage();

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };

/** The page's reloads (`location.reload`), and its sessionStorage, which a reload keeps. */
const page: { reload: () => void; kept: Map<string, string> } = { reload: () => undefined, kept: new Map() };

beforeEach(() => {
  load.failing = true;
  load.listFailing = true;
  page.kept.clear();
  page.reload = vi.fn();
  // The popup's own address (withPopupPage's has no path).
  vi.stubGlobal('location', {
    search: '',
    href: 'chrome-extension://perch/popup.html',
    pathname: '/popup.html',
    reload: () => page.reload(),
  });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => page.kept.get(key) ?? null,
    setItem: (key: string, value: string) => void page.kept.set(key, value),
    removeItem: (key: string) => void page.kept.delete(key),
  });
  vi.stubGlobal('Element', parseHTML('').window.Element);
  stubPageMutationObserver();
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) =>
    message.type === 'drafts.count' ? { ok: true, data: 0 } : { ok: true, data: null }) as never);
});
/** The popup open on a tab at `url`, signed in as Ada. */
async function popupOn(url: string): Promise<ReactPage> {
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url, title: '' }] as never);
  return renderInPage(createElement(App), { settleMs: 20 });
}

describe('the popup reloaded for a part that failed to load twice', () => {
  it('reopens New post’s composer, not the page’s screen, when it loads only after the reload', async () => {
    load.listFailing = false;
    const list = 'https://x.com/i/lists/84839422';
    let popup = await popupOn(list);
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(button(popup, 'New post')).toBeDefined();
      });
      await press(popup, button(popup, 'New post'));
      await vi.waitFor(async () => {
        await settle();
        expect(button(popup, 'Try again')).toBeDefined();
      });
      await press(popup, button(popup, 'Try again'));
      await vi.waitFor(() => expect(page.reload).toHaveBeenCalledTimes(1));
    } finally {
      await popup.leave();
    }
    load.failing = false;
    popup = await popupOn(list);
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.querySelector('.popup-screen textarea')).not.toBeNull();
      });
      expect(popup.document.querySelector('.popup-screen')?.textContent).not.toContain('Pin');
      expect(popup.document.querySelector('[role="alert"]')).toBeNull();
    } finally {
      await popup.leave();
    }
  });
});
