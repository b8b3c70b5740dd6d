import { describe, expect, it } from 'vitest';
import { filterBookmarks, readAllBookmarks } from '@/components/manager/use-bookmarks';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from '../services/world';

/**
 * A bookmark's pictures carry X's descriptions (`alt_text`, asked with `media.fields`: x-api--fundamentals--fields,
 * --data-dictionary), stored with the post and shown by the card's ALT badge and to a screen reader as the image's
 * alt text. The Bookmarks search did not look in them: a person who searched a word of a description found nothing.
 */

withSignedInAda();

const sync = () => new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => emu.state.now() }).sync(ADA_ID, 'bookmarks');

/** The posts a search shows, newest first. */
async function found(query: string): Promise<string[]> {
  return filterBookmarks(await readAllBookmarks(ADA_ID), query, '').map((b) => b.postId);
}

describe('searching bookmarks for the words of an image description', () => {
  it('finds the post whose picture is so described, by a word or a phrase of it', async () => {
    await sync();
    // The words are the description's alone: the post's text says "First actual case of bug being found".
    expect(GRACE_PHOTO_ALT).toContain('logbook');
    expect(await found('logbook')).toEqual([SEED_POSTS.gracePhoto]);
    expect(await found('"moth taped"')).toEqual([SEED_POSTS.gracePhoto]);
    expect(await found('bug logbook')).toEqual([SEED_POSTS.gracePhoto]);
    expect(await found('-logbook')).not.toContain(SEED_POSTS.gracePhoto);
  });

  it('still reads a post stored without descriptions (an older copy), found by its text', async () => {
    await sync();
    const post = await db().posts.get([ADA_ID, SEED_POSTS.gracePhoto]);
    await db().posts.put({ ...post!, media: post!.media!.map(({ altText: _, ...m }) => m) });
    expect(await found('logbook')).toEqual([]);
    expect(await found('"actual case of bug"')).toEqual([SEED_POSTS.gracePhoto]);
  });
});
