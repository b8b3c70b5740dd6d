import { describe, expect, it } from 'vitest';
import { bookmarkSyncTexts } from '@/components/manager/bookmarks/texts';
import { readInJapanese } from '../locales/in-japanese';

/**
 * The Bookmarks tab's line while a sync runs counts what was read so far. It read "Syncing with X… 1 pages,
 * 1 bookmarks so far.": every count now reads right, the words keyed on the bookmarks and the page said as "page 1".
 */
describe('the Bookmarks sync line while a sync runs', () => {
  it('says "1 bookmark" and "page 1", never "1 bookmarks" nor "1 pages"', () => {
    const running = bookmarkSyncTexts().running;
    expect(running(1, 1)).toBe('Syncing with X… page 1, 1 bookmark so far.');
    expect(running(0, 1)).toBe('Syncing with X… page 1, 0 bookmarks so far.');
    expect(running(1234, 13)).toBe('Syncing with X… page 13, 1,234 bookmarks so far.');
    expect(running(0, 0)).toBe('Syncing with X…');
  });

  it('says the same in Japanese, which has no plural', () => {
    readInJapanese();
    const running = bookmarkSyncTexts().running;
    expect(running(1, 1)).toBe('Xと同期中… これまでに1ページ、1件のブックマーク。');
    expect(running(1234, 13)).toBe('Xと同期中… これまでに13ページ、1,234件のブックマーク。');
  });
});
