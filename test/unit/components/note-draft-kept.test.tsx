import { HTMLTextAreaElement } from 'linkedom';
import { act, useState } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BookmarkList } from '@/components/manager/bookmarks/BookmarkList';
import { OrganiseContext, type OrganiseScope } from '@/components/manager/bookmarks/CardOrganise';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { button, press } from '../support/dialog-page';
import { withFocus } from '../support/focus-standin';
import { renderInPage, typeInto, type ReactPage } from '../support/react-page';

withFocus();

// A browser's textarea shows its defaultValue (its text content) until typed into; React opens one with its text so.
// linkedom has no defaultValue: a stand-in for this file's tests.
const textArea = HTMLTextAreaElement.prototype as { defaultValue?: string; textContent: string | null };
beforeAll(() => {
  Object.defineProperty(textArea, 'defaultValue', {
    configurable: true,
    get(this: typeof textArea) {
      return this.textContent ?? '';
    },
    set(this: typeof textArea, text: string) {
      this.textContent = text;
    },
  });
});
afterAll(() => {
  delete textArea.defaultValue;
});

const SEEN = '2026-11-23T00:00:00.000Z';
const item = (id: string, username: string, text: string): BookmarkItem => ({
  postId: id,
  position: Number(id),
  folderIds: [],
  searchText: text.toLowerCase(),
  tags: [],
  note: '',
  read: false,
  author: { accountId: '1', id: `u${id}`, name: username, username, seenAt: SEEN },
  post: { accountId: '1', id, text, urls: [], mediaCount: 0, seenAt: SEEN },
});
const ANA = item('7', 'ana', 'Parsers in Rust');
const BOB = item('8', 'bob', 'Compilers in OCaml');

/**
 * The tab's list of cards, with the scope BookmarksView gives it: the shown bookmarks change as a search would. It
 * draws once the page can time the list's frames (the virtualiser's).
 */
let show: (items: BookmarkItem[]) => void = () => undefined;
function Tab({ scope }: { scope: OrganiseScope }) {
  const [items, set] = useState<BookmarkItem[]>();
  show = set;
  if (!items) return null;
  return (
    <OrganiseContext.Provider value={scope}>
      <BookmarkList items={items} resultsFor={String(items.length)} onRemove={() => undefined} />
    </OrganiseContext.Provider>
  );
}

/** The textarea labelled "Note", when a card shows its note editor. */
function noteBox(page: ReactPage): HTMLTextAreaElement | undefined {
  const label = [...page.document.querySelectorAll('label')].find((l) => l.textContent === 'Note');
  return (label ? page.document.getElementById(label.getAttribute('for') ?? '') : undefined) as HTMLTextAreaElement | undefined;
}

let page: ReactPage;
beforeEach(async () => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  // The list puts the focus back in a card's place when the card leaves with it (CSS.escape names the control).
  vi.stubGlobal('CSS', { escape: (s: string) => s });
  // The note is never saved in these tests: the answer never comes.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
  page = await renderInPage(<Tab scope={{ accountId: '1', tagListId: 'tags', noteDrafts: new Map() }} />);
  Object.assign(page.window, {
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
    cancelAnimationFrame: clearTimeout,
    // React reads the selection of a focused textarea as it is typed into.
    getSelection: () => ({ anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 }),
  });
  await act(async () => show([ANA, BOB]));
});
afterEach(async () => {
  await page.leave();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The person searches "ocaml" to find the other bookmark (Ana's card leaves the list), then clears the search. */
async function searchAwayAndBack() {
  await act(async () => show([BOB]));
  expect(page.document.querySelectorAll('article')).toHaveLength(1);
  await act(async () => show([ANA, BOB]));
}

describe('a note being written on a bookmark card', () => {
  it('is still there, its editor open, after a search hid the card for a moment, without taking the focus', async () => {
    await press(page, button(page, 'Add note'));
    await act(async () => typeInto(page, noteBox(page) as unknown as HTMLInputElement, 'compare with the OCaml one'));

    await searchAwayAndBack();

    expect(noteBox(page)?.value).toBe('compare with the OCaml one');
    // Drawn again, not opened again: the focus stays where the person had gone.
    expect(page.document.activeElement).not.toBe(noteBox(page));
  });

  it('is forgotten once cancelled, and the card comes back with Add note', async () => {
    await press(page, button(page, 'Add note'));
    await act(async () => typeInto(page, noteBox(page) as unknown as HTMLInputElement, 'not worth keeping'));
    await press(page, button(page, 'Cancel'));

    await searchAwayAndBack();

    expect(noteBox(page)).toBeUndefined();
    expect(button(page, 'Add note')).toBeDefined();
  });
});
