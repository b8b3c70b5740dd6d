import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BookmarksView } from '@/components/manager/BookmarksView';
import { TagsDialog } from '@/components/manager/bookmarks/TagsDialog';
import { importBookmarks } from '@/lib/bookmarks/import';
import { renameTag } from '@/lib/bookmarks/notes';
import { handle, type Handlers } from '@/lib/message-contract';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, typeInto, type ReactPage } from '../support/react-page';
import { freshDb } from '../services/support';

/**
 * The Bookmarks tab says why an import or a tag was refused in Perch's own words, in the reader's language: the
 * background answers by kind and facts (lib/reply-words.ts), made here while the worker speaks English, and the tab
 * words them. A tag the person gave is quoted and isolated (FSI…PDI) inside the sentence.
 */

const ACCOUNT = '1585841080431321088';
const iso = (tag: string) => `\u2068${tag}\u2069`;

/** The background's real answer to `message`, made now (in the worker's language, English). */
async function backgroundReply(message: Record<string, unknown>): Promise<unknown> {
  const handlers = {
    'bookmarks.import': ({ accountId, json }: { accountId: string; json: string }) => importBookmarks(accountId, json, 0),
    'tag.rename': ({ accountId, from, to }: { accountId: string; from: string; to: string }) => renameTag(accountId, from, to, 0),
  };
  return handle(handlers as unknown as Handlers, message);
}

/** The background answers `type` with `reply`; anything else the tab asks (its sync) stays unanswered. */
function answer(type: string, reply: unknown): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type?: string }) =>
    message.type === type ? Promise.resolve(reply) : new Promise(() => undefined)) as never);
}

/** Lets the store's live queries, the background's answer and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/**
 * What the tags' manager needs of the page that linkedom lacks: a dialog's `showModal` and `close` (open and closed,
 * nothing more), a field's `select` and change events, and the global `HTMLElement` the dialog checks the focus against.
 */
function withDialogs(): () => void {
  const { window, document } = parseHTML('<!doctype html><html><body></body></html>');
  const proto = Object.getPrototypeOf(document.createElement('dialog')) as Record<string, unknown>;
  proto.showModal ??= function (this: { open: boolean }) {
    this.open = true;
  };
  proto.close ??= function (this: { open: boolean }) {
    this.open = false;
  };
  const input = Object.getPrototypeOf(document.createElement('input')) as Record<string, unknown>;
  input.select ??= () => undefined;
  // React reads a field's changes as in browsers without `oninput` (linkedom has none): it listens for IE's events.
  input.attachEvent ??= () => undefined;
  input.detachEvent ??= () => undefined;
  vi.stubGlobal('HTMLElement', window.HTMLElement);
  return () => vi.unstubAllGlobals();
}

const click = (page: ReactPage, el: Element) =>
  act(async () => {
    el.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });

/** Shows the Bookmarks tab, chooses `json` as the file to import, and returns what the tab then says of it. */
async function importSays(json: string): Promise<string> {
  const page = await renderInPage(createElement(BookmarksView, { accountId: ACCOUNT }), { settleMs: 20 });
  try {
    for (let i = 0; i < 3; i++) await settle();
    const input = page.document.querySelector('input[type="file"]');
    if (!input) throw new Error('no file chooser');
    const file = new File([json], 'perch-bookmarks.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new page.window.Event('change', { bubbles: true }));
    });
    for (let i = 0; i < 3; i++) await settle();
    return page.document.querySelector('.export-status[role="alert"]')?.textContent ?? '';
  } finally {
    await page.leave();
  }
}

/** Opens the tags' manager with one tag, renames it into `to`, and returns what the manager then says. */
async function renameSays(from: string, to: string, rename: string): Promise<string> {
  const props = { accountId: ACCOUNT, tags: [{ tag: from, count: 2 }], saved: [], onRun: () => undefined, onClose: () => undefined };
  const undo = withDialogs();
  const dialog = await renderInPage(createElement(TagsDialog, props), { settleMs: 20 });
  try {
    await settle();
    const button = [...dialog.document.querySelectorAll('button')].find((b) => b.textContent === rename);
    if (!button) throw new Error(`no button “${rename}”`);
    await click(dialog, button);
    const field = dialog.document.querySelector<HTMLInputElement>('form.bookmarks-rename input');
    if (!field) throw new Error('no rename field');
    await act(async () => typeInto(dialog, field, to));
    await act(async () => {
      field.closest('form')!.dispatchEvent(new dialog.window.Event('submit', { bubbles: true, cancelable: true }));
    });
    for (let i = 0; i < 3; i++) await settle();
    return dialog.document.querySelector('[role="alert"]')?.textContent ?? '';
  } finally {
    await dialog.leave();
    undo();
  }
}

const EXPORT = JSON.stringify({
  exportedAt: '2026-12-02T00:00:00Z',
  bookmarks: [{ id: '1460323737035677698', tags: ['ok', 'c++'] }],
});

beforeEach(async () => {
  await freshDb();
});

describe('the Bookmarks tab, importing a file with a tag that is not one', () => {
  it('names the entry and the tag, quoted and isolated', async () => {
    answer('bookmarks.import', await backgroundReply({ type: 'bookmarks.import', accountId: ACCOUNT, json: EXPORT }));
    expect(await importSays(EXPORT)).toBe(`Could not import the file. Entry 1 of this file has a tag that is not one: “${iso('c++')}”.`);
  });

  it('says so in Japanese to a Japanese reader, though the worker spoke English', async () => {
    answer('bookmarks.import', await backgroundReply({ type: 'bookmarks.import', accountId: ACCOUNT, json: EXPORT }));
    readInJapanese();
    expect(await importSays(EXPORT)).toBe(
      `ファイルをインポートできませんでした。このファイルの1件目に、タグとして使えないものがあります: 「${iso('c++')}」。`,
    );
  });
});

describe('the tags’ manager, renaming a tag into something that is not one', () => {
  it('says in Japanese that it cannot be a tag, though the worker spoke English', async () => {
    answer('tag.rename', await backgroundReply({ type: 'tag.rename', accountId: ACCOUNT, from: 'rust', to: 'c++' }));
    readInJapanese();
    expect(await renameSays('rust', 'c++', '名前を変更')).toBe(
      `「${iso('c++')}」はタグとして使えません。タグは文字・数字・_・-の1〜32文字です。`,
    );
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'tag.rename', from: 'rust', to: 'c++' }));
  });
});
