import { beforeEach, describe, expect, it } from 'vitest';
import { db, type Collection } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService, type SyncOptions } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { SECOND_USER_ID, SEED_MUTED_IDS, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { act, actingAt } from './mid-walk';
import { client, emu, withSignedInAda } from './world';

/**
 * A bookmark added or removed, an account muted or unmuted, while a sync was reading X's pages: X confirmed it after
 * the page that would have shown it was read (x-api--posts--bookmarks, x-api--users--mutes). The Bookmarks and Muted
 * tabs show what X confirmed for the action, not the walk's older view.
 */

withSignedInAda();

const sync = (c: XClient, collection: Collection, options: SyncOptions = {}) =>
  new SyncService({ clientFor: () => Promise.resolve(c), defs: ACTIONS }).sync(ADA_ID, collection, options);

/** The stored bookmarks, top first, as the Bookmarks tab lists them. */
const storedBookmarks = async () =>
  (await db().bookmarks.where('[accountId+position]').between([ADA_ID, -Infinity], [ADA_ID, Infinity]).reverse().toArray()).map(
    (b) => b.postId,
  );
const onX = () => emu.state.bookmarkIds(ADA_ID);

describe('a bookmark the person changed while a bookmarks sync was reading', () => {
  beforeEach(async () => {
    expect(await sync(client, 'bookmarks')).toMatchObject({ ran: true });
  });

  it('keeps a bookmark added during the full walk, on top', async () => {
    const postId = Object.values(SEED_POSTS).find((id) => !emu.state.bookmarksOf(ADA_ID).has(id))!;
    const during = actingAt('after', '/bookmarks', () => act('bookmark', { postId }));
    expect(await sync(during, 'bookmarks', { force: true, full: true })).toMatchObject({ ran: true, requests: 8 });
    expect(onX()[0]).toBe(postId);
    expect((await storedBookmarks())[0]).toBe(postId);
  });

  it('keeps out a bookmark removed during the full walk, from a page already read', async () => {
    const [postId] = await storedBookmarks();
    const during = actingAt('after', '/bookmarks', () => act('unbookmark', { postId: postId! }));
    expect(await sync(during, 'bookmarks', { force: true, full: true })).toMatchObject({ ran: true, requests: 8 });
    expect(onX()).not.toContain(postId);
    expect(await storedBookmarks()).not.toContain(postId);
  });

  it('keeps out a new bookmark the person removed while the sync fetching new ones read it', async () => {
    const added = await fetch(`${emu.url}/__emulator/bookmarks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    expect(added.ok).toBe(true);
    const [postId] = onX();
    const during = actingAt('after', '/bookmarks', () => act('unbookmark', { postId: postId! }));
    expect(await sync(during, 'bookmarks', { force: true })).toMatchObject({ ran: true, requests: 1 });
    expect(onX()).not.toContain(postId);
    expect(await storedBookmarks()).not.toContain(postId);
  });
});

describe('an account the person muted or unmuted while a muted sync was reading', () => {
  beforeEach(async () => {
    expect(await sync(client, 'muted')).toMatchObject({ ran: true });
  });

  it.each([
    ['mute', SECOND_USER_ID, true],
    ['unmute', SEED_MUTED_IDS[0]!, false],
  ] as const)('shows %s as X confirmed it', async (type, userId, muted) => {
    expect(!!(await db().muted.get([ADA_ID, userId]))).toBe(!muted);
    expect(
      await sync(
        actingAt('after', '/muting', () => act(type, { userId })),
        'muted',
        { force: true },
      ),
    ).toMatchObject({ ran: true });
    expect(emu.state.muting.get(ADA_ID)?.has(userId)).toBe(muted);
    expect(!!(await db().muted.get([ADA_ID, userId]))).toBe(muted);
  });
});
