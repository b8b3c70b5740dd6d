import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * The first bookmarks sync says the bookmarks "show here as they arrive": each page X answers is on the Bookmarks tab
 * before the next is asked for, in X's order, and a sync stopped part-way leaves what it read for the next one, which
 * neither loses nor doubles a row.
 */

withSignedInAda();

/** The stored bookmarks, top first, as the Bookmarks tab lists them. */
const storedBookmarks = async () =>
  (await db().bookmarks.where('[accountId+position]').between([ADA_ID, -Infinity], [ADA_ID, Infinity]).reverse().toArray()).map(
    (b) => b.postId,
  );
const onX = () => emu.state.bookmarkIds(ADA_ID);

/** Ada's client, noting what the tab held as each bookmarks page is asked for, and failing the `failAt`th ask. */
function watching(failAt?: number): { client: XClient; seen: string[][] } {
  const seen: string[][] = [];
  return {
    seen,
    client: {
      async request(req) {
        if (req.path.endsWith('/bookmarks')) {
          seen.push(await storedBookmarks());
          if (seen.length === failAt) throw new TypeError('Failed to fetch');
        }
        return client.request(req);
      },
    },
  };
}

const sync = (c: XClient) => new SyncService({ clientFor: () => Promise.resolve(c), defs: ACTIONS }).sync(ADA_ID, 'bookmarks');

describe('the first bookmarks sync', () => {
  it('shows each page of bookmarks before it asks X for the next', async () => {
    const { client: c, seen } = watching();
    expect(await sync(c)).toMatchObject({ ran: true });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]).toEqual([]);
    expect(seen[1]).toEqual(onX().slice(0, 100));
    expect(seen[2]).toEqual(onX().slice(0, 200));
    expect(await storedBookmarks()).toEqual(onX().slice(0, 800));
  });

  it('keeps the pages read when it stops part-way, and the next sync neither loses nor doubles one', async () => {
    const { client: c } = watching(3);
    expect(await sync(c)).toMatchObject({ ran: false, error: { kind: expect.any(String) as string } });
    expect(await storedBookmarks()).toEqual(onX().slice(0, 200));
    expect(await sync(client)).toMatchObject({ ran: true });
    expect(await storedBookmarks()).toEqual(onX().slice(0, 800));
    expect(await db().bookmarks.where('accountId').equals(ADA_ID).count()).toBe(Math.min(onX().length, 800));
  });
});
