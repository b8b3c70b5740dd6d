import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganiseContext, TagEditor } from '@/components/manager/bookmarks/CardOrganise';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';

withFocus();
afterEach(() => vi.restoreAllMocks());

const SEEN = '2026-11-23T00:00:00.000Z';
const ITEM: BookmarkItem = {
  postId: '7',
  position: 7,
  folderIds: [],
  searchText: '',
  tags: ['rust', 'parsers', 'later'],
  note: '',
  read: false,
  author: { accountId: '1', id: 'u7', name: 'ana', username: 'ana', seenAt: SEEN },
  post: { accountId: '1', id: '7', text: 'Parsers', urls: [], mediaCount: 0, seenAt: SEEN },
};

/** Presses Backspace in the card's empty Add tag box (`repeat`: the key is held down) and says which tags were saved. */
async function backspace(repeat: boolean): Promise<unknown[]> {
  const saved: unknown[] = [];
  const save = (change: { tags?: string[] }) => {
    saved.push(change.tags);
    return Promise.resolve(true);
  };
  const page = await renderInPage(
    createElement(
      OrganiseContext.Provider,
      { value: { accountId: '1', tagListId: 'tags' } },
      createElement(TagEditor, { item: ITEM, save, onError: () => undefined, named: (l: string) => l }),
    ),
  );
  // React reads the selection when the box takes the focus; linkedom has none.
  Object.assign(page.window, {
    getSelection: () => ({ rangeCount: 0, anchorNode: null, focusNode: null, removeAllRanges() {}, addRange() {} }),
  });
  try {
    const box = [...page.document.querySelectorAll('input')].find((i) => accessibleName(i as unknown as Element) === 'Add tag')!;
    await act(async () => box.focus());
    await act(async () => {
      box.dispatchEvent(Object.assign(new page.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Backspace', repeat }));
    });
    return saved;
  } finally {
    await page.leave();
  }
}

describe('Backspace in a card’s empty Add tag box', () => {
  it('takes off the card’s last tag when pressed', async () => {
    expect(await backspace(false)).toEqual([['rust', 'parsers']]);
  });

  it('takes off no tag when held down to clear the box (a key repeat is no new press)', async () => {
    expect(await backspace(true)).toEqual([]);
  });
});
