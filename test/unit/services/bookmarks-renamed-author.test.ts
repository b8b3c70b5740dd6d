import { describe, expect, it } from 'vitest';
import { filterBookmarks, readAllBookmarks } from '@/components/manager/use-bookmarks';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * An author X renamed (User.name, x-api--fundamentals--data-dictionary: "The friendly name of this User", theirs to
 * change): the next sync stores their new name and the Bookmarks card shows it. The search kept the name X gave
 * when the bookmark was first stored, so the person found the card by a name it no longer showed, and typing the
 * name it showed found it only through the card's own words.
 */

withSignedInAda();

/** A sync of the bookmarks: the day's first (the full walk), or one the person asks for later (`force`). */
async function sync(force = false): Promise<void> {
  const service = new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => emu.state.now() });
  expect(await service.sync(ADA_ID, 'bookmarks', { force })).toMatchObject({ ran: true });
}

/** The bookmarks a search shows, newest first, as the Bookmarks tab joins them. */
async function found(query: string): Promise<string[]> {
  return filterBookmarks(await readAllBookmarks(ADA_ID), query, '').map((b) => b.postId);
}

describe('searching the bookmarks of an author X renamed', () => {
  it('finds them by the name their cards show now, and no longer by the old one', async () => {
    await sync();
    const turing = [...emu.state.users.values()].find((u) => u.username === 'alanturing_')!;
    const theirs = (await readAllBookmarks(ADA_ID)).filter((b) => b.author?.id === turing.id).map((b) => b.postId);
    expect(theirs).toContain(SEED_POSTS.turingLong);
    expect(await found('"alan turing"')).toEqual(expect.arrayContaining(theirs));

    turing.name = 'Prof Turing';
    // The person syncs again: the walk reads the newest page, all stored already, and with it their new name.
    await sync(true);
    expect(await db().users.get([ADA_ID, turing.id])).toMatchObject({ name: 'Prof Turing' });

    expect(await found('"prof turing"')).toEqual(theirs);
    expect((await found('"alan turing"')).filter((id) => theirs.includes(id))).toEqual([]);
    expect(await found('@alanturing_')).toEqual(expect.arrayContaining(theirs));
  });
});
