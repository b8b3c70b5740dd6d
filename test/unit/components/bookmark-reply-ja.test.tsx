import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { readInJapanese } from '../locales/in-japanese';

// A bookmarked reply says whom it answers above its text. X's Japanese sets a colon after the label
// (「返信先: @gracehopさん」); 「返信先 @gracehop」 ran the label into the name with a bare space.

const SEEN = '2026-11-23T00:00:00.000Z';
const REPLY: BookmarkItem = {
  postId: '7',
  position: 7,
  folderIds: [],
  searchText: '',
  tags: [],
  note: '',
  read: false,
  author: { accountId: '1', id: 'u7', name: 'ana', username: 'ana', seenAt: SEEN },
  post: {
    accountId: '1',
    id: '7',
    text: 'Agreed',
    urls: [],
    mediaCount: 0,
    seenAt: SEEN,
    repliedToId: '6',
    replyTo: { userId: 'u6', username: 'gracehop' },
  },
};

describe('a bookmarked reply, read in Japanese', () => {
  it('says whom it answers as X does: 「返信先: @name」', () => {
    readInJapanese();
    const { document } = parseHTML(
      `<!doctype html><html><body>${renderToStaticMarkup(<BookmarkCard item={REPLY} onRemove={() => undefined} />)}</body></html>`,
    );
    expect(document.querySelector('.bookmarks-reply')?.textContent).toBe('返信先: @gracehop');
  });
});
