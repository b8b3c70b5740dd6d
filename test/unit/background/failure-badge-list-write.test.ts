import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createServices } from '@/entrypoints/background/services';
import { db, type ListRow } from '@/lib/db';
import { failedKey } from '@/lib/failed-actions';
import { withEmptyStore } from '../support/store';
import { ADA, LIST, pinRefused } from './list-pin-refused';

/**
 * A List pinned from the popup before Perch read the Lists is named by its id in the toolbar's title until Perch holds
 * its name. Whatever writes the List to the store — a sync, a lookup, a List action, the manager — the title names it
 * by its name then, not only after the two requests that read the Lists.
 */

withEmptyStore();

describe('the toolbar’s title for a failed pin of a List Perch had not read', () => {
  it('names the List by its name once any write stores it', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const setTitle = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    const shown = {
      get title() {
        return setTitle.mock.lastCall?.[0].title ?? '';
      },
    };
    await fakeBrowser.storage.local.set({ [failedKey(ADA)]: [pinRefused] });
    const { failures } = createServices();
    await failures.paint();
    expect(shown.title).toContain(`Pin list ${LIST}`);

    // Not a sync.run nor a user.lists request: a write of the List row itself (as a lookup or a List action does).
    await db().lists.put({ accountId: ADA, id: LIST, name: 'Navy computing' } as ListRow);
    await vi.waitFor(() => expect(shown.title).toMatch(/^Perch: Pin “Navy computing”: not done\./));
    expect(shown.title).not.toContain(LIST);
  });
});
