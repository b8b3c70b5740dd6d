import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListsView } from '@/components/manager/ListsView';
import { db, type ListRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The Lists tab's section headings put their counts in brackets. The brackets were drawn by the code, so a Japanese
 * heading read 「作成したリスト (2、…)」 with ASCII brackets and a space; the whole heading is now the locale's words.
 */

const ACCOUNT = '1585841080431321088';

withEmptyStore();

const list = (id: string, name: string, more: Partial<ListRow> = {}): ListRow => ({
  accountId: ACCOUNT,
  id,
  name,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
  ...more,
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

/** The Lists tab's section headings, once the stored Lists are drawn. */
async function headings(): Promise<string[]> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
  const page = await renderInPage(createElement(ListsView, { accountId: ACCOUNT }), { visible: true, settleMs: 50 });
  try {
    for (let i = 0; i < 10 && !page.document.querySelector('h3'); i++) await settle();
    await settle();
    return Array.from(page.document.querySelectorAll('h3'), (h) => h.textContent);
  } finally {
    await page.leave();
  }
}

describe('the Lists tab’s section headings', () => {
  it('count in Japanese brackets when Perch speaks Japanese', async () => {
    readInJapanese();
    await db().lists.bulkPut([
      list('1900000000000000001', 'Birds'),
      list('1900000000000000002', 'Cats', { pinned: true }),
      list('1900000000000000003', 'Dogs', { owned: false, member: true }),
    ]);
    const said = await headings();
    expect(said).toContain('作成したリスト（2、うち1件は「固定したリスト」に表示）');
    expect(said).toContain('固定したリスト（1）');
    expect(said).toContain('メンバーになっているリスト（1）');
    for (const h of said) expect(h).not.toMatch(/[()]/);
  });

  it('count in ASCII brackets when Perch speaks English', async () => {
    await db().lists.bulkPut([list('1900000000000000001', 'Birds'), list('1900000000000000002', 'Cats', { pinned: true })]);
    const said = await headings();
    expect(said).toContain('Owned (2; 1 of them under Pinned)');
    expect(said).toContain('Pinned (1)');
  });
});
