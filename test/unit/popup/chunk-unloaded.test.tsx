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

// The popup loads its composer and a List's panel as files of their own, when used. Such a load that fails (Perch
// updated while the popup was open, a disk error) must not leave an empty popup: the screen says it could not load,
// the way-in links are there, and Try again loads it anew; a Try again that fails too reloads the popup (Firefox
// keeps a failed file's failure for the page's life), which reopens that screen. Each part here stands in for the
// real one once it loads.

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

const wayIn = (popup: ReactPage) =>
  [...popup.document.querySelectorAll('nav[aria-label="Perch"] button, nav[aria-label="Perch"] a')].map((el) => el.textContent);

describe('a part of the popup whose file fails to load', () => {
  // First: once a part has loaded, its module is the test process's until the file ends.
  it('reloads the popup when Try again fails too, and says so there with the focus on its Try again', async () => {
    let popup = await popupOn('about:blank');
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(button(popup, 'Try again')).toBeDefined();
      });
      await press(popup, button(popup, 'Try again'));
      await vi.waitFor(() => expect(page.reload).toHaveBeenCalledTimes(1));
    } finally {
      await popup.leave();
    }
    // The page again, as the reload draws it: the file still fails; the line takes the focus Try again had.
    popup = await popupOn('about:blank');
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.activeElement).toBe(button(popup, 'Try again'));
      });
      expect(popup.document.querySelectorAll('[role="alert"]')).toHaveLength(1);
      expect(wayIn(popup)).toEqual(['New post', 'Bookmarks', 'Lists', 'Drafts']);
    } finally {
      await popup.leave();
    }
  });

  it.each([
    { part: 'the new post’s composer', url: 'about:blank', control: 'textarea' },
    { part: 'a List’s panel', url: 'https://x.com/i/lists/84839422', control: 'button' },
  ])('says $part could not load, shows the way-in links, and loads it again on Try again', async ({ url, control }) => {
    const popup = await popupOn(url);
    try {
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.querySelector('[role="alert"]')?.textContent).toContain('Perch could not load this screen.');
      });
      expect(wayIn(popup)).toEqual(['New post', 'Bookmarks', 'Lists', 'Drafts']);

      // The file loads this time: the part takes the line's place, and the focus goes into it, not to the page.
      load.failing = false;
      load.listFailing = false;
      await press(popup, button(popup, 'Try again'));
      await vi.waitFor(async () => {
        await settle();
        expect(popup.document.querySelector('.popup-screen')?.querySelector(control)).not.toBeNull();
      });
      expect(popup.document.querySelector('[role="alert"]')).toBeNull();
      expect(popup.document.activeElement?.tagName.toLowerCase()).toBe(control);
      expect(wayIn(popup)).toEqual(['New post', 'Bookmarks', 'Lists', 'Drafts']);
      expect(page.reload).not.toHaveBeenCalled();
    } finally {
      await popup.leave();
    }
  });
});
