import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListFacts } from '@/components/manager/lists/ListActions';
import type { ListRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';

/** A list's privacy on the Lists tab and a list's page: shown only when X said it (X's List: `private` is optional). */

const READING: ListRow = {
  accountId: '1',
  id: '99',
  name: 'Reading list 📚',
  private: false,
  memberCount: 4,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
};

describe('a list’s privacy', () => {
  const badge = (list: ListRow) => {
    const { document } = parseHTML(`<!doctype html><html><body>${renderToStaticMarkup(<ListFacts list={list} />)}</body></html>`);
    return document.querySelector('.mgr-badge')?.textContent ?? null;
  };
  const { private: _, ...unsaid } = READING;

  it.each([
    ['en', true, 'Private'],
    ['en', false, 'Public'],
    ['ja', true, '非公開'],
    ['ja', false, '公開'],
  ] as const)('(%s) is shown as X said it: private %s reads “%s”', (language, isPrivate, shown) => {
    if (language === 'ja') readInJapanese();
    expect(badge({ ...READING, private: isPrivate })).toBe(shown);
  });

  it('is not shown when X did not say it', () => {
    expect(badge(unsaid)).toBeNull();
    expect(renderToStaticMarkup(<ListFacts list={unsaid} />)).toContain('4 members');
  });
});
