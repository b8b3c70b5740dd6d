/**
 * A draft's images stay its own: a save that lists another draft's image (another context's or account's) neither
 * shows, posts nor deletes it. Against the emulator.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ComposeError, attachImage, draftKey, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { png, requestsTo, storedMedia } from './support';
import { adaClient, emu, withEmulator } from './world';

withEmulator();

const REPLY = 'reply:1460323737035677698';

const attach = (name: string, context: string, accountId = ADA_ID) =>
  attachImage(accountId, context, { name, type: 'image/png', bytes: png() });

const save = (seq: number, text: string, mediaIds: string[]) =>
  saveDraft({ accountId: ADA_ID, context: 'compose', seq, posts: [{ text, mediaIds }] });

describe('a save that lists another draft’s image', () => {
  it('posts without it: nothing uploaded, and the reply’s draft keeps its image', async () => {
    const theirs = await attach('reply.png', REPLY);
    await save(1, 'borrowing an image', [theirs]);
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media).toEqual([]);
    const client = await adaClient();
    const ids = await publishDraft(client, ADA_ID, 'compose');
    expect(ids).toHaveLength(1);
    expect(requestsTo(emu, 'POST', '/2/media/upload')).toEqual([]);
    expect(emu.state.posts.get(ids[0]!)?.mediaKeys ?? []).toEqual([]);
    expect((await storedMedia()).map((m) => [m.id, m.draftKey])).toEqual([[theirs, draftKey(ADA_ID, REPLY)]]);
  });

  it('leaves it with its draft when a later save no longer lists it', async () => {
    const theirs = await attach('reply.png', REPLY);
    const grace = await attach('grace.png', 'compose', GRACE_ID);
    await save(1, 'borrowing', [theirs, grace]);
    await save(2, 'borrowing no more', []);
    expect((await storedMedia()).map((m) => m.id).sort()).toEqual([theirs, grace].sort());
  });

  it('keeps nothing of a save that listed only another draft’s image', async () => {
    const theirs = await attach('reply.png', REPLY);
    await save(1, '', [theirs]);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    expect((await storedMedia()).map((m) => m.id)).toEqual([theirs]);
  });

  it('treats it as gone when a draft saved earlier lists it: says so, sends nothing, and deletes nothing of theirs', async () => {
    const theirs = await attach('reply.png', REPLY);
    await db().drafts.put({
      key: draftKey(ADA_ID, 'compose'),
      accountId: ADA_ID,
      context: 'compose',
      posts: [{ text: 'saved before drafts kept to their own', mediaIds: [theirs] }],
      publishedIds: [],
      state: 'editing',
      seq: 1,
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    const client = await adaClient();
    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).message).toBe('An image of this post is no longer in the draft. Remove it and add it again.');
    expect(emu.state.log.filter((e) => e.method === 'POST')).toEqual([]);
    await save(2, 'saved before drafts kept to their own', []);
    expect((await storedMedia()).map((m) => m.id)).toEqual([theirs]);
  });
});
