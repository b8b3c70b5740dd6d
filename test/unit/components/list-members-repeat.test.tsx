import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { freshDb } from '../services/support';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';
import { readingList } from './list-members-x';

/**
 * X's pages of a List's members that lead back to one already read (A → B → A) would keep "Load more" on the page for
 * ever: the walk stops where X repeats itself, and says so in the words the sync uses for a repeated page.
 */

const LIST = readingList();

const REPEATED = 'X sent the same page of the members of Reading list twice, so Perch stopped there';
const MORE = 'Load more members of Reading list';

const named = (page: ReactPage, name: string) =>
  [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
const shown = (page: ReactPage) => page.document.querySelector('.mgr-members')?.textContent ?? '';

async function press(page: ReactPage, name: string): Promise<void> {
  const button = named(page, name);
  expect(button, name).toBeTruthy();
  await act(async () => {
    button!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  await act(() => new Promise((r) => setTimeout(r, 20)));
}

/** X's answers by the page token asked: none → A, A → B, B → the `afterB` given (the members service hands it on as is). */
async function membersPage(afterB: string | undefined): Promise<{ page: ReactPage; asked: (string | undefined)[] }> {
  const asked: (string | undefined)[] = [];
  const next: Record<string, string | undefined> = { '': 'A', A: 'B', B: afterB };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { paginationToken?: string }) => {
    asked.push(message.paginationToken);
    const token = next[message.paginationToken ?? ''];
    return Promise.resolve({ ok: true, data: { users: [], ...(token ? { nextToken: token } : {}) } });
  }) as never);
  const page = await renderInPage(<ListMembers accountId="1" list={LIST} act={() => Promise.resolve(true)} onActed={() => undefined} />, {
    settleMs: 20,
  });
  await act(() => new Promise((r) => setTimeout(r, 20)));
  return { page, asked };
}

describe('a List’s members whose pages lead back to one already read', () => {
  beforeEach(freshDb);

  it('stops offering Load more when X names again a page read in this walk, and says so', async () => {
    const { page, asked } = await membersPage('A');
    try {
      await press(page, 'Load members of Reading list from X');
      await press(page, MORE);
      expect(shown(page)).not.toContain(REPEATED);
      await press(page, MORE);
      expect(asked).toEqual([undefined, 'A', 'B']);
      expect(named(page, MORE), 'Load more after X went back to page A').toBeUndefined();
      expect(shown(page)).toContain(REPEATED);
      // Reloading starts a new walk: page A is new to it again, and the note goes.
      await press(page, 'Reload members of Reading list from X');
      expect(named(page, MORE)).toBeTruthy();
      expect(shown(page)).not.toContain(REPEATED);
    } finally {
      await page.leave();
    }
  });

  it('stops offering Load more when X names as the next page the one it just gave, and says so', async () => {
    const { page, asked } = await membersPage('B');
    try {
      await press(page, 'Load members of Reading list from X');
      await press(page, MORE);
      expect(shown(page)).not.toContain(REPEATED);
      await press(page, MORE);
      expect(asked).toEqual([undefined, 'A', 'B']);
      expect(named(page, MORE), 'Load more after X named page B again, from page B').toBeUndefined();
      expect(shown(page)).toContain(REPEATED);
    } finally {
      await page.leave();
    }
  });

  it('keeps offering Load more while each next page is new', async () => {
    const { page } = await membersPage('C');
    try {
      await press(page, 'Load members of Reading list from X');
      await press(page, MORE);
      await press(page, MORE);
      expect(named(page, MORE)).toBeTruthy();
      expect(shown(page)).not.toContain(REPEATED);
    } finally {
      await page.leave();
    }
  });
});
