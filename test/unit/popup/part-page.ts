import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { sessionView } from '@/lib/storage';
import { withFocus } from '../support/focus-standin';
import { renderInPage, type ReactPage } from '../support/react-page';
import { stubPageMutationObserver, withPopupPage } from './popup-page';

/**
 * The popup whose parts loaded on use (entrypoints/popup/lazy.tsx) fail to load while `load` says so: the composer
 * (`failing`) and a List's panel (`listFailing`), each standing in for the real one once it loads. Both fail at the
 * start of each test. The page may reload (`page.reload`, a spy); its sessionStorage (`page.kept`) outlives a reload,
 * as a browser keeps it, and is emptied before each test.
 */
export const load = { failing: true, listFailing: true };

vi.mock('@/components/Composer', () => {
  if (load.failing) throw new Error('Failed to fetch dynamically imported module: Composer.js');
  return { Composer: () => createElement('section', null, createElement('textarea', { 'aria-label': 'Post text' })) };
});
vi.mock('@/entrypoints/popup/ListPanel', () => {
  if (load.listFailing) throw new Error('Failed to fetch dynamically imported module: ListPanel.js');
  return { ListPanel: () => createElement('section', null, createElement('button', { type: 'button' }, 'Pin')) };
});

/** The page's reloads (`location.reload`), and its sessionStorage, which a reload keeps. */
export const page: { reload: () => void; kept: Map<string, string> } = { reload: () => undefined, kept: new Map() };

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };

/** The popup's page for each test of the file (withPopupPage's, at the popup's own address), with focus. */
export function withPartPage(): void {
  withFocus();
  withPopupPage();
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
}

/** The popup open on a tab at `url`, signed in as Ada. */
export async function popupOn(url: string): Promise<ReactPage> {
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url, title: '' }] as never);
  return renderInPage(createElement(App), { settleMs: 20 });
}
