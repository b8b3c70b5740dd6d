import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BookmarksView } from '@/components/manager/BookmarksView';
import { importedWords } from '@/components/manager/bookmarks/use-import';
import { importBookmarks } from '@/lib/bookmarks/import';
import { handle, type Handlers } from '@/lib/message-contract';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, type ReactPage } from '../support/react-page';
import { freshDb } from '../services/support';

/**
 * What the Bookmarks tab says of an import: the file as the person's editor re-saved it (UTF-16, or UTF-8 with a byte
 * order mark) is read as Perch's own; "none changed" is said plainly, in English and Japanese; a refusal's reason is
 * its own sentence; and each result replaces the line the last export or import left.
 */

const ACCOUNT = '1585841080431321088';
const POST = '1460323737035677698';
const EXPORT = JSON.stringify({ exportedAt: '2026-12-02T00:00:00Z', bookmarks: [{ id: POST, tags: ['read-later'] }] });

/** The background, answering each import with what it really does with the text it is sent. */
function background(): void {
  const handlers = {
    'bookmarks.import': ({ accountId, json }: { accountId: string; json: string }) => importBookmarks(accountId, json, 0),
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type?: string }) =>
    message.type === 'bookmarks.import' ? handle(handlers as unknown as Handlers, message) : new Promise(() => undefined)) as never);
}

/** The account has no bookmark (an empty store): the file's one entry is kept as no longer on X. */
const NOT_ON_X = 'Imported 1 bookmark that is no longer on X: it is under No longer on X.';

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
const utf8bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** Chooses each file in turn on one Bookmarks tab, and returns the tab's result lines after each. */
async function importEach(...files: Uint8Array<ArrayBuffer>[]): Promise<string[][]> {
  const page = await renderInPage(createElement(BookmarksView, { accountId: ACCOUNT }), { settleMs: 20 });
  const said: string[][] = [];
  try {
    for (let i = 0; i < 3; i++) await settle();
    for (const bytes of files) await choose(page, bytes);
    return said;
  } finally {
    await page.leave();
  }

  async function choose(p: ReactPage, bytes: Uint8Array<ArrayBuffer>) {
    const input = p.document.querySelector('input[type="file"]');
    if (!input) throw new Error('no file chooser');
    const file = new File([bytes], 'perch-bookmarks.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new p.window.Event('change', { bubbles: true }));
    });
    for (let i = 0; i < 3; i++) await settle();
    said.push([...p.document.querySelectorAll('.export-status')].map((l) => l.textContent ?? '').filter((t) => t !== ''));
  }
}

beforeEach(async () => {
  await freshDb();
  background();
});

describe('the Bookmarks tab, importing an export re-saved by an editor', () => {
  it.each([
    ['UTF-16 (little-endian, with its mark)', utf16le(EXPORT)],
    ['UTF-16 (big-endian, with its mark)', utf16be(EXPORT)],
    ['UTF-8 with a byte order mark', utf8bom(EXPORT)],
  ])('reads it as %s and imports it', async (_, bytes) => {
    expect(await importEach(bytes)).toEqual([[NOT_ON_X]]);
  });

  it('still refuses a file that is not text, its reason a sentence of its own', async () => {
    expect(await importEach(PNG)).toEqual([
      [
        'Could not import the file. This file is not a Perch bookmarks export. Choose a JSON file saved with Export → JSON in the Bookmarks tab.',
      ],
    ]);
  });
});

describe('the Bookmarks tab’s import result', () => {
  it('says plainly that nothing changed, and the new result replaces the last', async () => {
    const bytes = new TextEncoder().encode(EXPORT);
    expect(await importEach(bytes, bytes, PNG, bytes)).toEqual([
      [NOT_ON_X],
      ['Imported: none of your bookmarks changed. 1 was already the same.'],
      [expect.stringMatching(/^Could not import the file\. This file is not/) as string],
      ['Imported: none of your bookmarks changed. 1 was already the same.'],
    ]);
  });

  it.each([
    [0, 'Imported: none of your bookmarks changed.', 'インポートしました: 変わったブックマークはありません。'],
    [1, 'Imported: 1 bookmark matched.', 'インポートしました: 1件のブックマークが一致しました。'],
    [2, 'Imported: 2 bookmarks matched.', 'インポートしました: 2件のブックマークが一致しました。'],
  ])('says %i matched in English and in Japanese', (matched, en, ja) => {
    const result = { matched, notOnX: 0, unchanged: 0, tagsLeftOut: 0 };
    expect(importedWords(result)).toBe(en);
    readInJapanese();
    expect(importedWords(result)).toBe(ja);
  });

  it.each([
    [
      { matched: 0, notOnX: 1, unchanged: 0 },
      'Imported 1 bookmark that is no longer on X: it is under No longer on X.',
      'Xにもうないブックマークを1件インポートしました。「Xにはもうないもの」にあります。',
    ],
    [
      { matched: 0, notOnX: 2, unchanged: 1 },
      'Imported 2 bookmarks that are no longer on X: they are under No longer on X. 1 was already the same.',
      'Xにもうないブックマークを2件インポートしました。「Xにはもうないもの」にあります。1件はすでに同じでした。',
    ],
    [
      { matched: 1, notOnX: 1, unchanged: 0 },
      'Imported: 1 bookmark matched. 1 is not on X (kept under No longer on X).',
      'インポートしました: 1件のブックマークが一致しました。1件はXにありません（「Xにはもうないもの」に保存しました）。',
    ],
  ])('says plainly what it brought in when some are no longer on X (%o), in English and in Japanese', (counts, en, ja) => {
    const result = { ...counts, tagsLeftOut: 0 };
    expect(importedWords(result)).toBe(en);
    readInJapanese();
    expect(importedWords(result)).toBe(ja);
  });
});

describe('the import result in Japanese', () => {
  it('runs its sentences on with no space after 。, as Japanese is written', () => {
    readInJapanese();
    expect(importedWords({ matched: 2, notOnX: 0, unchanged: 1, tagsLeftOut: 1 })).toBe(
      'インポートしました: 2件のブックマークが一致しました。1件はすでに同じでした。' +
        '1件のブックマークでは、すべてのタグは付けられませんでした（1件に付けられるタグは20個まで）。もとからあったタグを優先して残しました。',
    );
  });
});
