import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { postContext } from '@/lib/services/tab-context';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { client, emu, withSignedInAda } from './world';

/**
 * The popup stores what it learned of a post besides what a card shows: whom its author summoned (X's self-serve reply
 * rule) and how the account relates to its author (`connection_status`). A bookmarks sync that day read the same post
 * and author again and put its own rows in their place, without them: the next popup on that post read X again (one
 * more billed post and user read after every sync). Now the sync keeps what it does not read itself.
 */

withSignedInAda();

const sync = (c: () => XClient = () => client) =>
  new SyncService({ clientFor: async () => c(), defs: ACTIONS, now: () => emu.state.now() }).sync(ADA_ID, 'bookmarks');

/**
 * Ada's client whose answers `on` a path carry no users: X left every author out (a suspended or protected one), and a
 * user asked for by id is not found.
 */
const usersLeftOut = (on: (path: string) => boolean): XClient => ({
  request: async (req) => {
    if (req.path.startsWith('/2/users/') && !req.path.endsWith('/bookmarks')) throw new XApiError('not-found', { status: 404 });
    const res = await client.request(req);
    if (!on(req.path)) return res;
    const body = res.body as { includes?: { users?: unknown } };
    const { users: _left, ...includes } = body.includes ?? {};
    return { ...res, body: { ...body, includes } as typeof res.body };
  },
});

const reads = () => emu.state.log.filter((e) => e.method === 'GET').map((e) => e.path);

describe('a bookmarks sync after the popup read a post', () => {
  it('leaves the popup nothing to ask X again that day', async () => {
    const now = emu.state.now();
    const first = await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now);
    expect(first.author).toMatchObject({ id: GRACE_ID, following: true });
    expect(reads()).toContain('/2/tweets');

    expect(await sync()).toMatchObject({ ran: true });
    emu.state.log = [];

    const again = await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(again.error).toBeUndefined();
    expect(again.post?.id).toBe(SEED_POSTS.gracePhoto);
    expect(again.author).toMatchObject({ id: GRACE_ID, username: 'gracehop', following: true });
    expect(again.author).not.toHaveProperty('relationUnsaid');
    expect(reads()).toEqual([]);
  });

  it('still stores what the sync read: the post as X gives it now, with its pictures', async () => {
    const now = emu.state.now();
    await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now);
    const popup = await db().posts.get([ADA_ID, SEED_POSTS.gracePhoto]);
    expect(popup?.summons).toBeDefined();

    await sync();
    const synced = await db().posts.get([ADA_ID, SEED_POSTS.gracePhoto]);
    expect(synced?.summons).toEqual(popup?.summons);
    expect(synced?.media?.[0]).toMatchObject({ type: 'photo' });
    expect(Date.parse(synced!.seenAt)).toBeGreaterThanOrEqual(Date.parse(popup!.seenAt));
  });

  it('keeps the day X would not say who wrote it, unless the sync was told', async () => {
    const now = emu.state.now();
    const noAuthor = usersLeftOut((path) => path === '/2/tweets');
    const first = await postContext(async () => noAuthor, ADA_ID, SEED_POSTS.gracePhoto, now);
    expect(first.authorMissing).toBe(true);

    // The sync's answer left the author out too: the popup does not ask X again that day.
    await sync(() => usersLeftOut((path) => path.endsWith('/bookmarks')));
    emu.state.log = [];
    expect((await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000)).authorMissing).toBe(true);
    expect(reads()).toEqual([]);
  });

  it('asks X again when the sync was told who wrote it, for how the account relates to them', async () => {
    const now = emu.state.now();
    const noAuthor = usersLeftOut((path) => path === '/2/tweets');
    await postContext(async () => noAuthor, ADA_ID, SEED_POSTS.gracePhoto, now);

    await sync();
    emu.state.log = [];
    const again = await postContext(async () => client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(again.authorMissing).toBeUndefined();
    expect(again.author).toMatchObject({ id: GRACE_ID, following: true });
    expect(reads()).toEqual(['/2/tweets']);
  });
});
