import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { postContext } from '@/lib/services/tab-context';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * X has no per-post bookmark state: the popup's Bookmark comes from the bookmark sync's copy. When that copy lacks
 * the post, the popup's answer says when the sync last read Ada's bookmarks (null: never), so the popup can say so.
 */

withSignedInAda();

const popupOn = (postId: string) => postContext(() => Promise.resolve(client), ADA_ID, postId, emu.state.now());

describe('the popup’s word on how fresh Bookmark is', () => {
  it('says Perch never read the bookmarks of a post X has bookmarked, before the first sync', async () => {
    const ctx = await popupOn(SEED_POSTS.gracePhoto);
    expect(ctx.bookmarked).toBe(false);
    expect(ctx.bookmarksReadAt).toBeNull();
  });

  it('after a sync, shows the post bookmarked with no note, and dates the copy that lacks another post', async () => {
    const at = emu.state.now();
    await new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => at }).sync(ADA_ID, 'bookmarks');

    const bookmarked = await popupOn(SEED_POSTS.gracePhoto);
    expect(bookmarked.bookmarked).toBe(true);
    expect(bookmarked).not.toHaveProperty('bookmarksReadAt');

    expect(await db().bookmarks.get([ADA_ID, SEED_POSTS.graceQuotesXdev])).toBeUndefined();
    const other = await popupOn(SEED_POSTS.graceQuotesXdev);
    expect(other.bookmarked).toBe(false);
    expect(other.bookmarksReadAt).toBe(new Date(at).toISOString());
  });
});
