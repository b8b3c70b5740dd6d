import 'fake-indexeddb/auto';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RelationView } from '@/components/manager/RelationView';
import { db } from '@/lib/db';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The Muted and Blocked tabs' heading counts what Perch holds. Before the first sync has finished (X limited it, or it
 * is still reading) Perch holds nothing and knows nothing: the heading said "nobody muted", which X had never said.
 * It says the count once a sync has finished, or once there is something to count.
 */

const ACCOUNT = '2244994945';

withEmptyStore();

/** The tab's heading line and its empty line, once the store's reads have drawn the empty line. */
async function shown(relation: 'muted' | 'blocked'): Promise<{ head: string; empty: string }> {
  // The background never answers: what shows is read from the store alone.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  const page = await renderInPage(<RelationView accountId={ACCOUNT} relation={relation} />, { settleMs: 20 });
  try {
    const empty = () => page.container.querySelector('.mgr-empty')?.textContent ?? '';
    for (let i = 0; i < 200 && !empty(); i++) await act(() => new Promise((r) => setTimeout(r, 25)));
    // The heading's count comes from the same reads: a few more turns for it to land.
    for (let i = 0; i < 4; i++) await act(() => new Promise((r) => setTimeout(r, 25)));
    return { head: page.container.querySelector('.mgr-head')?.textContent ?? '', empty: empty() };
  } finally {
    await page.leave();
  }
}

describe('the Muted and Blocked headings before X has answered a sync', () => {
  it.each([
    { relation: 'muted' as const, nobody: 'nobody muted', never: 'No muted accounts stored.' },
    { relation: 'blocked' as const, nobody: 'nobody blocked', never: 'No blocked accounts stored.' },
  ])('do not say $nobody while $relation has never synced', async ({ relation, nobody, never }) => {
    const { head, empty } = await shown(relation);
    expect(empty).toContain(never);
    expect(head).not.toContain(nobody);
  });

  it.each([
    { relation: 'muted' as const, nobody: 'nobody muted', synced: 'You have muted no one on X.' },
    { relation: 'blocked' as const, nobody: 'nobody blocked', synced: 'You have blocked no one on X.' },
  ])('say $nobody once a sync of $relation found no one', async ({ relation, nobody, synced }) => {
    await db().syncState.put({ accountId: ACCOUNT, collection: relation, lastSyncedAt: '2030-01-15T12:00:00.000Z' });
    const { head, empty } = await shown(relation);
    expect(empty).toContain(synced);
    expect(head).toContain(nobody);
  });
});
