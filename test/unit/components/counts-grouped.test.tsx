import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CharacterCounter } from '@/components/CharacterCounter';
import { ListFacts } from '@/components/manager/lists/ListActions';
import { listSyncTexts } from '@/components/manager/lists/texts';
import { ListsView } from '@/components/manager/ListsView';
import { relationTexts } from '@/components/manager/relation-texts';
import { syncNoticeText } from '@/components/manager/sync-words';
import { db, type ListRow } from '@/lib/db';
import type { ParsedPost } from '@/lib/text/parse-post';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * A count a person reads is grouped in their language ("1,234 members"), as the Bookmarks tab's counts were. The Lists
 * tab (members, followers, its count and its headings' counts), the Muted and Blocked tabs' counts, the sync lines and
 * the composer's counter printed the bare digits: "1234 members", 「メンバー1234人」.
 */

const ACCOUNT = '1585841080431321088';

withEmptyStore();

const list = (id: number, more: Partial<ListRow> = {}): ListRow => ({
  accountId: ACCOUNT,
  id: String(1900000000000000000n + BigInt(id)),
  name: `List ${id}`,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
  ...more,
});

const text = (html: string) => html.replace(/<[^>]+>/g, '');

/** The Lists tab's count beside its title and its section headings, once the stored Lists are drawn. */
async function listsTab(): Promise<{ count: string | null | undefined; headings: string[] }> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
  // A Lists sync finished: the headings count X's Lists.
  await db().syncState.put({ accountId: ACCOUNT, collection: 'lists', lastSyncedAt: '2030-01-15T12:00:00.000Z' });
  const page = await renderInPage(createElement(ListsView, { accountId: ACCOUNT }), { visible: true, settleMs: 50 });
  try {
    await vi.waitFor(() => expect(page.document.querySelector('h3')).not.toBeNull(), { timeout: 5000 });
    return {
      count: page.document.querySelector('h2 + span')?.textContent,
      headings: Array.from(page.document.querySelectorAll('h3'), (h) => h.textContent),
    };
  } finally {
    await page.leave();
  }
}

/** 1,234 Lists owned on X, one of them pinned, and one Perch is still creating. */
const storeMany = () =>
  db().lists.bulkPut([
    ...Array.from({ length: 1234 }, (_, i) => list(i, i === 0 ? { pinned: true } : {})),
    list(0, { id: 'pending-abc', name: 'New' }),
  ]);

/** The counter's words for a post `weight` characters long, at X's limit of `limit`. */
const counter = (weight: number, limit: number) =>
  /aria-label="([^"]+)"/.exec(
    renderToStaticMarkup(createElement(CharacterCounter, { parsed: { weightedLength: weight } as ParsedPost, limit })),
  )?.[1];

describe('the counts a person reads, in English', () => {
  it('group a List’s members and the Lists tab’s counts', async () => {
    expect(text(renderToStaticMarkup(createElement(ListFacts, { list: list(1, { memberCount: 1234 }) })))).toBe('1,234 members');
    await storeMany();
    const { count, headings } = await listsTab();
    expect(count).toBe('1,234 lists (and 1 being created)');
    expect(headings).toContain('Owned (1,234; 1 of them under Pinned, and 1 being created)');
  });

  it('group the Muted and Blocked counts, the sync lines and the composer’s counter', () => {
    expect(relationTexts('muted').count(1234)).toBe('1,234 muted accounts');
    expect(relationTexts('blocked').sync.running(1234, 3)).toBe('Syncing blocked accounts with X… 1,234 so far.');
    expect(listSyncTexts().running(12345, 50)).toBe('Syncing lists with X… 12,345 so far.');
    expect(syncNoticeText('muted', { kind: 'cap', pages: 1500 })).toContain('(1,500 pages)');
    expect(counter(26234, 25000)).toBe('1,234 characters over the limit');
    expect(counter(0, 25000)).toBe('25,000 characters left');
  });
});

describe('the counts a person reads, in Japanese', () => {
  it('group a List’s members and the Lists tab’s counts', async () => {
    readInJapanese();
    expect(text(renderToStaticMarkup(createElement(ListFacts, { list: list(1, { memberCount: 1234 }) })))).toBe('メンバー1,234人');
    await storeMany();
    const { count, headings } = await listsTab();
    expect(count).toBe('1,234件のリスト（ほかに作成中1件）');
    expect(headings).toContain('作成したリスト（1,234件、うち1件は「固定したリスト」に表示、ほかに作成中1件）');
  });

  it('group the Muted count and the composer’s counter', () => {
    readInJapanese();
    expect(relationTexts('muted').count(1234)).toContain('1,234');
    expect(counter(26234, 25000)).toContain('1,234');
    expect(counter(26234, 25000)).not.toContain('1234');
  });
});
