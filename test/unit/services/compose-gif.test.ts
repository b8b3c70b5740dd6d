/**
 * Publishing GIFs: X takes them only through the chunked upload with `tweet_gif` (x-api--media--introduction,
 * --quickstart--media-upload-chunked; the one-request upload's MediaCategoryOneShot has no GIF category), up to
 * 15 MB, and processes them before a post may use them. Against the emulator.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ComposeError, attachImage, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import { XApiError } from '@/lib/x/errors';
import { GIF_MAX_BYTES, IMAGE_MAX_BYTES } from '@/lib/limits';
import { ADA_ID } from '../auth/support';
import { lookupPosts, png, postsOnX, storedMedia } from './support';
import { adaClient, emu, withEmulator } from './world';

withEmulator();

/** The header of a GIF of this size (all the emulator reads), padded to `size` bytes. */
function gif(width: number, height: number, size = 32): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(size));
  bytes.set(new TextEncoder().encode('GIF89a'));
  new DataView(bytes.buffer).setUint16(6, width, true);
  new DataView(bytes.buffer).setUint16(8, height, true);
  return bytes;
}

function attach(name: string, type: string, bytes: Uint8Array<ArrayBuffer>) {
  return attachImage(ADA_ID, 'compose', { name, type, bytes });
}

const calls = () => emu.state.log.map((e) => `${e.method} ${e.path}`);

describe('attaching a GIF', () => {
  it('takes a GIF of exactly 15 MB (X’s limit for GIFs, not the 5 MB of images)', async () => {
    const id = await attach('big.gif', 'image/gif', gif(320, 240, GIF_MAX_BYTES));
    expect((await db().draftMedia.get(id))?.size).toBe(15 * 1024 * 1024);
  });

  it('refuses a GIF one byte over 15 MB, naming the file and the limit, and stores nothing', async () => {
    const error = await attach('huge.gif', 'image/gif', gif(320, 240, GIF_MAX_BYTES + 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).kind).toBe('invalid-image');
    expect((error as ComposeError).message).toBe('“\u2068huge.gif\u2069” is larger than X’s 15 MB limit for GIFs.');
    expect(await storedMedia()).toEqual([]);
  });

  it('still refuses a PNG over 5 MB', async () => {
    const error = await attach('big.png', 'image/png', new Uint8Array(IMAGE_MAX_BYTES + 1)).catch((e: unknown) => e);
    expect((error as ComposeError).message).toBe('“\u2068big.png\u2069” is larger than X’s 5 MB limit for images.');
  });
});

describe('publishing a post with a GIF', () => {
  it('uploads it in chunks with tweet_gif, waits for X to process it, then posts it', async () => {
    const client = await adaClient();
    const id = await attach('dance.gif', 'image/gif', gif(480, 270, 6 * 1024 * 1024));
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'it moves', mediaIds: [id] }] });

    const [postId] = await publishDraft(client, ADA_ID, 'compose');

    const log = emu.state.log;
    const mediaId = log.find((e) => e.path.endsWith('/finalize'))!.path.split('/')[4]!;
    expect(calls()).toEqual([
      'POST /2/media/upload/initialize',
      `POST /2/media/upload/${mediaId}/append`,
      `POST /2/media/upload/${mediaId}/append`,
      `POST /2/media/upload/${mediaId}/finalize`,
      'GET /2/media/upload',
      'POST /2/tweets',
    ]);
    expect(log.every((e) => e.status !== null && e.status < 300)).toBe(true);
    const statusCheck = log.find((e) => e.method === 'GET')!;
    expect(statusCheck.query).toEqual({ command: 'STATUS', media_id: mediaId });
    const finalizedAt = Date.parse(log.find((e) => e.path.endsWith('/finalize'))!.at);
    expect(Date.parse(statusCheck.at) - finalizedAt).toBeGreaterThanOrEqual(1000); // never sooner than a second
    expect(emu.state.media.get(mediaId)).toMatchObject({ category: 'tweet_gif', type: 'animated_gif', totalBytes: 6 * 1024 * 1024 });

    const { data = [], includes } = await lookupPosts(client, [postId!]);
    expect(data[0]?.attachments?.media_keys).toEqual([`16_${mediaId}`]);
    expect(includes?.media?.map((m) => m.type)).toEqual(['animated_gif']);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  });

  it('sends a thread’s photo in one request with tweet_image and its GIF in chunks', async () => {
    const client = await adaClient();
    const photo = await attach('photo.png', 'image/png', png(4, 4));
    const moving = await attach('moving.gif', 'image/gif', gif(64, 64));
    await saveDraft({
      accountId: ADA_ID,
      context: 'compose',
      seq: 1,
      posts: [
        { text: 'a photo', mediaIds: [photo] },
        { text: 'a GIF', mediaIds: [moving] },
      ],
    });

    const seeded = new Set(emu.state.media.keys());

    const ids = await publishDraft(client, ADA_ID, 'compose');

    expect(calls().filter((c) => !c.includes('/append'))).toEqual([
      'POST /2/media/upload',
      'POST /2/tweets',
      'POST /2/media/upload/initialize',
      expect.stringMatching(/^POST \/2\/media\/upload\/\d+\/finalize$/),
      'GET /2/media/upload',
      'POST /2/tweets',
    ]);
    const { includes } = await lookupPosts(client, ids);
    expect(includes?.media?.map((m) => m.type).sort()).toEqual(['animated_gif', 'photo']);
    const categories = [...emu.state.media.values()].filter((m) => !seeded.has(m.id)).map((m) => m.category);
    expect(categories.sort()).toEqual(['tweet_gif', 'tweet_image']);
  });

  it('refuses a GIF with another image in the same post before asking X, and keeps the draft', async () => {
    const client = await adaClient();
    const photo = await attach('photo.png', 'image/png', png(4, 4));
    const moving = await attach('moving.gif', 'image/gif', gif(64, 64));
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'both at once', mediaIds: [photo, moving] }] });

    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).kind).toBe('invalid-post');
    expect((error as ComposeError).message).toBe('A GIF goes in a post on its own: X takes up to 4 images, or 1 GIF.');
    expect(emu.state.log).toEqual([]);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ posts: [{ text: 'both at once', media: [{ id: photo }, { id: moving }] }] });
  });

  it('keeps the draft and its GIF, and says X’s reason, when X fails to process the GIF', async () => {
    const client = await adaClient();
    // Wider than the 1280x1080 X processes (x-api--media--quickstart--best-practices).
    const id = await attach('wide.gif', 'image/gif', gif(1500, 400));
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'too wide', mediaIds: [id] }] });

    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).message).toContain('“\u2068wide.gif\u2069”');
    expect((error as XApiError).message).toContain('The GIF is 1500x400; the largest X takes is 1280x1080.');
    expect(calls()).not.toContain('POST /2/tweets');
    expect(postsOnX(emu, ADA_ID, 'too wide')).toEqual([]);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({
      state: 'editing',
      publishedIds: [],
      posts: [{ text: 'too wide', media: [{ id, name: 'wide.gif', type: 'image/gif' }] }],
    });
  });
});
