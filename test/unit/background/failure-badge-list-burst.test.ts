import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createServices } from '@/entrypoints/background/services';
import { db, type ListRow } from '@/lib/db';
import { failedKey } from '@/lib/failed-actions';
import { withEmptyStore } from '../support/store';
import { ADA, LIST, pinRefused } from './list-pin-refused';

/**
 * The toolbar's title is painted again after each committed write of the Lists (a failed List action named by its id
 * is named by its name once the store holds it). Writes that land together — a hundred Lists written each in its own
 * transaction — are one burst: the title is painted again once or twice, not once a write, and names the List.
 */

withEmptyStore();

/** The first is the List whose pin failed; the rest are others of Ada's. */
const list = (i: number): ListRow => ({
  accountId: ADA,
  id: i === 0 ? LIST : String(1900000000000001000n + BigInt(i)),
  name: i === 0 ? 'Navy computing' : `List ${i}`,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
});

describe('the toolbar’s title after a burst of List writes', () => {
  it('is painted again once or twice, not once a write, and names the List', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const setTitle = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    await fakeBrowser.storage.local.set({ [failedKey(ADA)]: [pinRefused] });
    const { failures } = createServices();
    await failures.paint();
    expect(setTitle.mock.lastCall?.[0].title).toContain(`Pin list ${LIST}`);
    setTitle.mockClear();

    // A hundred writes, each its own transaction, at once.
    await Promise.all(Array.from({ length: 100 }, (_, i) => db().lists.put(list(i))));
    await vi.waitFor(() => expect(setTitle.mock.lastCall?.[0].title).toMatch(/^Perch: Pin “Navy computing”: not done\./));
    // Every paint the burst asked for has come: a paint asked now runs after them (or is the one still waiting).
    await failures.paint();
    expect(setTitle.mock.lastCall?.[0].title).toMatch(/^Perch: Pin “Navy computing”: not done\./);
    // The burst's one or two, and the one just asked for unless it joined the burst's last.
    expect(setTitle.mock.calls.length).toBeLessThanOrEqual(3);
  });
});
