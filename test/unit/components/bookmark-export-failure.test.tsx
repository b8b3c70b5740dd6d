import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportBookmarkStatus, useBookmarkExport } from '@/components/manager/bookmarks/BookmarkExport';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

/**
 * The Bookmarks tab's export, when the browser cannot make the file: the line says so in the reader's language,
 * never the browser's own English message for the failure.
 */

const BROWSER_WORDS = 'Failed to execute createObjectURL on URL: Overload resolution failed.';

/** The Export button and its status line, as the Bookmarks tab has them. */
function ExportProbe() {
  const { exported, exportAs } = useBookmarkExport([], new Map(), 'adaperch');
  return createElement(
    'div',
    null,
    createElement('button', { type: 'button', onClick: () => exportAs('json') }, 'Export JSON'),
    createElement(ExportBookmarkStatus, { exported }),
  );
}

/** The alert's words after one click on Export, with the browser refusing to make the file. */
async function exportSays(): Promise<string | undefined> {
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    throw new TypeError(BROWSER_WORDS);
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const page = await renderInPage(createElement(ExportProbe));
  try {
    await act(async () => page.document.querySelector('button')!.click());
    return page.document.querySelector('[role="alert"]')?.textContent ?? undefined;
  } finally {
    await page.leave();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('exporting bookmarks when the browser cannot make the file', () => {
  it('says the file was not saved, without the browser’s message', async () => {
    expect(await exportSays()).toBe('Could not save the file. Nothing was exported; try again.');
  });

  it('says so in Japanese to a Japanese reader', async () => {
    readInJapanese();
    expect(await exportSays()).toBe('ファイルを保存できませんでした。何もエクスポートされていません。もう一度お試しください。');
  });
});
