import { describe, expect, it } from 'vitest';
import { db, PerchDb, type SyncStateRow } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import Dexie from 'dexie';
import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

withSignedInAda();

const sync = () => new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => emu.state.now() }).sync(ADA_ID, 'bookmarks');

/** The bookmarked posts X returns (the newest 800), as the emulator keeps them. */
function bookmarkedOnX() {
  return emu.state
    .bookmarkIds(ADA_ID)
    .slice(0, 800)
    .map((id) => emu.state.posts.get(id)!);
}

describe('a bookmark sync keeps what a card shows', () => {
  it('stores each post’s media with X’s address, size and alt text, in the same requests as before', async () => {
    const mark = emu.state.log.length;
    expect(await sync()).toMatchObject({ ran: true, requests: 8, items: 800 });
    const reads = emu.state.log.slice(mark).filter((e) => e.path === `/2/users/${ADA_ID}/bookmarks`);
    expect(reads).toHaveLength(8);
    expect(reads[0]!.query).toMatchObject({
      expansions: 'author_id,attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id',
      'media.fields': 'preview_image_url,url,type,width,height,alt_text',
    });

    const photo = await db().posts.get([ADA_ID, SEED_POSTS.gracePhoto]);
    expect(photo?.media).toEqual([
      expect.objectContaining({
        type: 'photo',
        altText: GRACE_PHOTO_ALT,
        width: 64,
        height: 36,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/media\//),
      }),
    ]);
    // The link X appends for the photo is marked, so the card can leave it out beside the thumbnail.
    expect(photo?.urls.filter((u) => u.mediaKey === photo.media![0]!.key)).toHaveLength(1);

    // Every bookmarked post with media on X has it stored, and no other.
    const withMedia = bookmarkedOnX().filter((p) => p.mediaKeys.length);
    expect(withMedia.length).toBeGreaterThan(1);
    const stored = await db().posts.where('accountId').equals(ADA_ID).toArray();
    expect(
      stored
        .filter((p) => p.media?.length)
        .map((p) => p.id)
        .sort(),
    ).toEqual(withMedia.map((p) => p.id).sort());
  });

  it('stores the quoted post with its author, and whom a reply answers', async () => {
    await sync();
    const quote = bookmarkedOnX().find(
      (p) => p.quoteTweetId && emu.state.posts.get(p.quoteTweetId) && !emu.state.posts.get(p.quoteTweetId)!.deleted,
    );
    expect(quote).toBeDefined();
    const quoted = emu.state.posts.get(quote!.quoteTweetId!)!;
    const quotedAuthor = emu.state.users.get(quoted.authorId)!;
    const row = await db().posts.get([ADA_ID, quote!.id]);
    expect(row?.quoted).toEqual({
      id: quoted.id,
      text: expect.any(String),
      urls: expect.any(Array),
      author: { id: quotedAuthor.id, name: quotedAuthor.name, username: quotedAuthor.username },
    });
    expect(row!.quoted!.text.length).toBeGreaterThan(0);

    const reply = bookmarkedOnX().find((p) => p.inReplyToUserId && p.inReplyToUserId !== p.authorId);
    expect(reply).toBeDefined();
    const repliedTo = emu.state.users.get(reply!.inReplyToUserId!)!;
    const replyRow = await db().posts.get([ADA_ID, reply!.id]);
    expect(replyRow?.replyTo).toEqual({ userId: repliedTo.id, username: repliedTo.username });
    expect(replyRow?.repliedToId).toBe(reply!.inReplyToTweetId);
  });
});

describe('the store’s version 3', () => {
  it('forgets the last full bookmark walk, so the next sync reads the media of bookmarks stored before', async () => {
    await db().delete();
    const old = new Dexie('perch');
    old.version(2).stores({
      syncState: '[accountId+collection], accountId',
    });
    await old.open();
    const rows: SyncStateRow[] = [
      { accountId: ADA_ID, collection: 'bookmarks', lastFullDay: '2026-01-01', lastSyncedAt: '2026-01-01T10:00:00Z' },
      { accountId: ADA_ID, collection: 'lists', lastFullDay: '2026-01-01' },
    ];
    await old.table('syncState').bulkPut(rows);
    old.close();
    const upgraded = new PerchDb();
    const after = await upgraded.syncState.toArray();
    expect(after.find((s) => s.collection === 'bookmarks')).toEqual({
      accountId: ADA_ID,
      collection: 'bookmarks',
      lastSyncedAt: '2026-01-01T10:00:00Z',
    });
    expect(after.find((s) => s.collection === 'lists')?.lastFullDay).toBe('2026-01-01');
    upgraded.close();
  });
});
