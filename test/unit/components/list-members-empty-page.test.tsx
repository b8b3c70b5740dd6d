import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { freshDb } from '../services/support';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';
import { readingList } from './list-members-x';

/**
 * A page of a list's members from X with none on it (`result_count: 0`, no `data`) can still have a `next_token`: the
 * list's page does not say the list has no members beside a "Load more" that would read them.
 */

const LIST = readingList();

const buttons = (page: ReactPage) => [...page.document.querySelectorAll('button')].map((b) => accessibleName(b as unknown as Element));
const shown = (page: ReactPage) => page.document.querySelector('.mgr-members')?.textContent ?? '';

async function loadMembers(nextToken: string | undefined): Promise<ReactPage> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: nextToken ? { nextToken } : {} } as never);
  const page = await renderInPage(<ListMembers accountId="1" list={LIST} act={() => Promise.resolve(true)} onActed={() => undefined} />, {
    settleMs: 20,
  });
  await act(() => new Promise((r) => setTimeout(r, 20)));
  const load = [...page.document.querySelectorAll('button')].find(
    (b) => accessibleName(b as unknown as Element) === 'Load members of Reading list from X',
  );
  expect(load, 'the Load members button').toBeTruthy();
  await act(async () => {
    load!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  // The stored members come through a live query: wait until it has answered (no "Loading members…" placeholder).
  for (let i = 0; i < 50 && page.document.querySelector('[aria-busy="true"]'); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
  return page;
}

describe('a page of a list’s members with none on it', () => {
  beforeEach(freshDb);

  it('with a next page, says none came on this page, not that the list has none, beside Load more', async () => {
    const page = await loadMembers('next');
    try {
      expect(buttons(page)).toContain('Load more members of Reading list');
      expect(shown(page)).toContain('X sent no members on this page, but says there are more.');
      expect(shown(page)).not.toContain('This list has no members yet.');
    } finally {
      await page.leave();
    }
  });

  it('with no next page, says the list has no members', async () => {
    const page = await loadMembers(undefined);
    try {
      expect(buttons(page)).not.toContain('Load more members of Reading list');
      expect(shown(page)).toContain('This list has no members yet.');
    } finally {
      await page.leave();
    }
  });
});
