import { act, createElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncBar, type SyncTexts } from '@/components/manager/SyncBar';
import { renderInPage } from '../support/react-page';

/**
 * The Bookmarks tab's sync line (bookmarks, then folders) of `accountId`, as the person reads it, once the store's
 * state is shown: every paragraph's text, one a line.
 */
export async function bookmarksSyncLine(accountId: string): Promise<string> {
  // The tab's own sync request stays unanswered: the line shows the state stored.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
  const texts: SyncTexts = {
    button: 'Sync',
    buttonLabel: 'Sync bookmarks',
    running: () => 'Syncing…',
    last: () => 'Synced.',
    never: 'Never synced.',
    failed: (m) => m,
  };
  const bar = createElement(SyncBar, { accountId, collection: 'bookmarks', then: 'bookmarkFolders', texts, prefix: 'bookmarks' });
  const page = await renderInPage(bar, { settleMs: 20 });
  try {
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    return [...page.document.querySelectorAll('p')].map((p) => p.textContent).join('\n');
  } finally {
    await page.leave();
  }
}
