/** The Lists tab (ListsView) drawn over the Lists in Perch's store, for the tests of what it says of them. */
import { act, createElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListsView } from '@/components/manager/ListsView';
import { db, type ListRow } from '@/lib/db';
import { renderInPage, type ReactPage } from './react-page';

export const ACCOUNT = '1585841080431321088';

/** A List of the account's, owned and nothing else unless `more` says so. */
export const listRow = (id: string, name: string, more: Partial<ListRow> = {}): ListRow => ({
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

/** A Lists sync of the account finished: the stored Lists are X's, as of then. */
export const listsSynced = () => db().syncState.put({ accountId: ACCOUNT, collection: 'lists', lastSyncedAt: '2030-01-15T12:00:00.000Z' });

/**
 * The Lists tab, opened on the List `open` when given, with X answering nothing new: once `drawn` says the stored rows
 * are on the page (or half a second has gone), and a moment more. Unless a sync state is stored, a Lists sync is taken
 * to have finished (listsSynced). The caller leaves the page.
 */
export async function listsView(drawn: (document: Document) => boolean, open?: string): Promise<ReactPage> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
  if (!(await db().syncState.get([ACCOUNT, 'lists']))) await listsSynced();
  const page = await renderInPage(
    createElement(ListsView, { accountId: ACCOUNT, openRequest: open ? { listId: open, at: 1 } : undefined }),
    { visible: true, settleMs: 50 },
  );
  for (let i = 0; i < 10 && !drawn(page.document); i++) await settle();
  await settle();
  return page;
}
