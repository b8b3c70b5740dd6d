import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListActions } from '@/components/manager/lists/ListActions';
import type { ListRow } from '@/lib/db';

/**
 * The manager's Pin on a List: X pins only Lists one owns or follows
 * (x-api--lists--pinned-lists--quickstart--manage-pinned-lists), so Pin is offered only then; a List pinned keeps its
 * Unpin whatever else is said of it (offersPin, shared with the popup's list panel).
 */

const OTHERS: ListRow = {
  accountId: '1',
  id: '1700000000000000002',
  name: 'Navy computing',
  owned: false,
  followed: false,
  pinned: false,
  member: true,
};

const buttons = (list: ListRow) => {
  const { document } = parseHTML(
    `<!doctype html><html><body>${renderToStaticMarkup(<ListActions list={list} act={() => Promise.resolve(true)} />)}</body></html>`,
  );
  return [...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
};

describe('Pin on a List in the manager', () => {
  it.each([
    ['Pin Navy computing', 'owns', { owned: true }],
    ['Pin Navy computing', 'follows', { followed: true }],
    ['Unpin Navy computing', 'has pinned, not following it', { pinned: true }],
  ])('is offered as “%s” on one the person %s', (label, _, fields) => {
    expect(buttons({ ...OTHERS, ...fields })).toContain(label);
  });

  it('is not offered on one the person neither owns, follows nor has pinned', () => {
    expect(buttons(OTHERS).filter((l) => l?.includes('Pin') || l?.includes('pin'))).toEqual([]);
    expect(buttons(OTHERS)).toContain('Follow Navy computing');
  });
});
