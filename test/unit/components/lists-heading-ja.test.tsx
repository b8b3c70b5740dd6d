import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { listRow as list, listsView } from '../support/lists-view';
import { withEmptyStore } from '../support/store';

/**
 * The Lists tab's section headings put their counts in brackets. The brackets were drawn by the code, so a Japanese
 * heading read 「作成したリスト (2、…)」 with ASCII brackets and a space; the whole heading is now the locale's words.
 * A List still being created was counted apart in brackets of its own after a space, so a heading read
 * 「作成したリスト（2 （ほかに作成中1件））」 and "Owned (2 (and 1 being created))"; the whole count is now one message.
 * The count itself was a bare number, 「（2、うち1件…）」, beside the 件 of the words after it: Japanese counts the
 * Lists, 「（2件、うち1件…）」.
 */

withEmptyStore();

/** The Lists tab's section headings, once the stored Lists are drawn, and the tab's count beside its title. */
async function drawn(): Promise<{ headings: string[]; count: string | null | undefined }> {
  const page = await listsView((document) => document.querySelector('h3') !== null);
  try {
    return {
      headings: Array.from(page.document.querySelectorAll('h3'), (h) => h.textContent),
      count: page.document.querySelector('h2 + span')?.textContent,
    };
  } finally {
    await page.leave();
  }
}

const headings = async () => (await drawn()).headings;

describe('the Lists tab’s section headings', () => {
  it('count in Japanese brackets when Perch speaks Japanese', async () => {
    readInJapanese();
    await db().lists.bulkPut([
      list('1900000000000000001', 'Birds'),
      list('1900000000000000002', 'Cats', { pinned: true }),
      list('1900000000000000003', 'Dogs', { owned: false, member: true }),
    ]);
    const said = await headings();
    expect(said).toContain('作成したリスト（2件、うち1件は「固定したリスト」に表示）');
    expect(said).toContain('固定したリスト（1件）');
    expect(said).toContain('メンバーになっているリスト（1件）');
    for (const h of said) expect(h).not.toMatch(/[()]/);
  });

  it('count in ASCII brackets when Perch speaks English', async () => {
    await db().lists.bulkPut([list('1900000000000000001', 'Birds'), list('1900000000000000002', 'Cats', { pinned: true })]);
    const said = await headings();
    expect(said).toContain('Owned (2; 1 of them under Pinned)');
    expect(said).toContain('Pinned (1)');
  });

  describe('with a List still being created', () => {
    const stored = () =>
      db().lists.bulkPut([
        list('pending-abc', 'Fish'),
        list('1900000000000000001', 'Birds'),
        list('1900000000000000002', 'Cats'),
        list('1900000000000000003', 'Dogs', { pinned: true }),
      ]);

    it('say it within the one count in Japanese, in Japanese punctuation', async () => {
      readInJapanese();
      await stored();
      const { headings: said, count } = await drawn();
      expect(said).toContain('作成したリスト（3件、うち1件は「固定したリスト」に表示、ほかに作成中1件）');
      expect(count).toBe('3件のリスト（ほかに作成中1件）');
      for (const text of [...said, count]) expect(text).not.toMatch(/[() ]|）.*）/);
    });

    it('say it within the one count in English', async () => {
      await stored();
      const { headings: said, count } = await drawn();
      expect(said).toContain('Owned (3; 1 of them under Pinned, and 1 being created)');
      expect(count).toBe('3 lists (and 1 being created)');
    });

    it('say it after the count of a heading with none under Pinned', async () => {
      readInJapanese();
      await db().lists.bulkPut([list('pending-abc', 'Fish'), list('1900000000000000001', 'Birds')]);
      expect(await headings()).toContain('作成したリスト（1件、ほかに作成中1件）');
    });
  });
});
