import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BookmarksView } from '@/components/manager/BookmarksView';
import { folderLabels } from '@/components/manager/folder-labels';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';
import { renderInPage } from '../support/react-page';

// X's folder names (openapi.json BookmarkFoldersResponse: `name` is any string) may be empty, show nothing (zero-width
// characters) or repeat; the folder picker still gives each folder an option a person can see and tell apart.
const ACCOUNT = '2244994945';
// The virtualised list cannot lay out in the test page (as stored-rows-wrong-shape.test.tsx): drawn as nothing here.
vi.mock('@/components/manager/bookmarks/BookmarkList', () => ({ BookmarkList: () => <div role="list" /> }));
beforeEach(freshDb);
afterEach(() => vi.unstubAllGlobals());

async function folderOptions(folders: { id: string; name: string }[]): Promise<string[]> {
  await db().bookmarkFolders.bulkPut(folders.map((f) => ({ accountId: ACCOUNT, ...f })));
  await db().bookmarks.put({ accountId: ACCOUNT, postId: '100', position: 1, folderIds: ['1'] });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  const page = await renderInPage(<BookmarksView accountId={ACCOUNT} />, { settleMs: 20 });
  try {
    for (let i = 0; i < 200 && page.container.querySelectorAll('option').length <= folders.length; i++)
      await act(() => new Promise((r) => setTimeout(r, 25)));
    return [...page.container.querySelectorAll('option')].map((o) => (o.textContent ?? '').replace(/[\u2068\u2069]/g, ''));
  } finally {
    await page.leave();
  }
}

describe('the folder picker over the names X gives', () => {
  it('says a folder whose name shows nothing as a folder without a name, numbered when there are two', async () => {
    const options = await folderOptions([
      { id: '1', name: '' },
      { id: '2', name: '\u200B\u2060' },
      { id: '3', name: 'Trips' },
    ]);
    expect(options).toEqual(['All bookmarks', 'Folder without a name', 'Folder without a name (2)', 'Trips']);
  });

  it('numbers a name another folder shows too, and keeps the name as X gave it', async () => {
    const options = await folderOptions([
      { id: '3', name: 'Trips' },
      { id: '4', name: 'Trips' },
      { id: '5', name: 'Trips\u200B' },
      { id: '6', name: 'Reading' },
    ]);
    expect(options).toEqual(['All bookmarks', 'Reading', 'Trips', 'Trips (2)', 'Trips\u200B (3)']);
  });
});

describe('folder labels', () => {
  it('numbers only names that look the same: spaces inside a name count, invisible characters and end spaces do not', () => {
    const labels = folderLabels([
      { id: '1', name: 'New York' },
      { id: '2', name: 'NewYork' },
      { id: '3', name: ' New York\u200B ' },
      { id: '4', name: '   ' },
    ]);
    expect([...labels.values()].map((l) => l.replace(/[\u2068\u2069]/g, ''))).toEqual([
      'New York',
      'NewYork',
      ' New York\u200B  (2)',
      'Folder without a name',
    ]);
  });
});
