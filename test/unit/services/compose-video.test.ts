/**
 * Publishing videos: attached in parts (no message carries a large video whole), checked against X's limits (MP4 or
 * MOV, 512 MB, 0.5–140 seconds: x-api--media--quickstart--best-practices), uploaded with the chunked flow and
 * `tweet_video`, with progress the composer shows, and X's media rule (4 images, or 1 GIF, or 1 video). Against the
 * emulator.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  ComposeError,
  VIDEO_PART_BYTES,
  attachImage,
  attachVideo,
  getDraft,
  publishDraft,
  publishProgress,
  saveDraft,
  type PublishProgress,
} from '@/lib/services/compose';
import { XApiError } from '@/lib/x/errors';
import { VIDEO_MAX_BYTES } from '@/lib/limits';
import { ADA_ID } from '../auth/support';
import { lookupPosts, png, postsOnX, storedMedia } from './support';
import { control } from '../emulator/helpers';
import { adaClient, emu, withEmulator } from './world';

withEmulator();

/** Bytes that start like an MP4 (an `ftyp` box: all the emulator reads), `size` long. */
function mp4(size = 64): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(size));
  bytes.set([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypisom')]);
  return bytes;
}

/** Hands a video over the way the composer does: in parts of VIDEO_PART_BYTES, in order. */
async function attach(name: string, bytes: Uint8Array<ArrayBuffer>, durationSecs = 5, type = 'video/mp4'): Promise<string> {
  let id: string | undefined;
  for (let offset = 0; offset < bytes.byteLength; offset += VIDEO_PART_BYTES) {
    const part = bytes.slice(offset, offset + VIDEO_PART_BYTES);
    const answer = await attachVideo(ADA_ID, 'compose', { name, type, size: bytes.byteLength, durationSecs, id, offset, bytes: part });
    expect(answer.done).toBe(offset + part.byteLength === bytes.byteLength);
    id = answer.id;
  }
  return id!;
}

const failure = (p: Promise<unknown>) => p.catch((e: unknown) => e as ComposeError);
const calls = () => emu.state.log.map((e) => `${e.method} ${e.path}`);

describe('attaching a video', () => {
  it('takes a video handed over in parts, whole and in order, with its length', async () => {
    const bytes = mp4(VIDEO_PART_BYTES * 2 + 100);
    const id = await attach('clip.mp4', bytes, 12.5);
    const row = await db().draftMedia.get(id);
    expect(row).toMatchObject({ name: 'clip.mp4', type: 'video/mp4', size: bytes.byteLength, durationSecs: 12.5 });
    expect(Buffer.from(await row!.blob.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: '', mediaIds: [id] }] });
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media).toEqual([
      { id, name: 'clip.mp4', type: 'video/mp4', size: bytes.byteLength, durationSecs: 12.5 },
    ]);
  });

  it.each([
    [
      'longer than 140 seconds',
      { durationSecs: 140.5 },
      '“\u2068clip.mp4\u2069” lasts 140.5 seconds; X takes videos of 0.5 to 140 seconds.',
    ],
    [
      'shorter than half a second',
      { durationSecs: 0.4 },
      '“\u2068clip.mp4\u2069” lasts 0.4 seconds; X takes videos of 0.5 to 140 seconds.',
    ],
    ['over 512 MB', { size: VIDEO_MAX_BYTES + 1 }, '“\u2068clip.mp4\u2069” is larger than X’s 512 MB limit for videos.'],
    ['a WebM', { type: 'video/webm' }, 'X takes MP4 or MOV videos; “\u2068clip.mp4\u2069” is not one.'],
  ])('refuses a video %s, saying why, and stores nothing', async (_case, change, words) => {
    const part = { name: 'clip.mp4', type: 'video/mp4', size: 64, durationSecs: 5, offset: 0, bytes: mp4(), ...change };
    const error = await failure(attachVideo(ADA_ID, 'compose', part));
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).kind).toBe('invalid-image');
    expect((error as ComposeError).message).toBe(words);
    expect(await storedMedia()).toEqual([]);
  });

  it('takes videos of exactly 0.5 and 140 seconds', async () => {
    await attach('short.mp4', mp4(), 0.5);
    await attach('long.mp4', mp4(), 140);
    expect((await storedMedia()).length).toBe(2);
  });

  it('refuses a part that does not follow the one before, and forgets the video', async () => {
    const first = await attachVideo(ADA_ID, 'compose', {
      name: 'clip.mp4',
      type: 'video/mp4',
      size: 200,
      durationSecs: 5,
      offset: 0,
      bytes: mp4(100),
    });
    expect(first.done).toBe(false);
    const part = { name: 'clip.mp4', type: 'video/mp4', size: 200, durationSecs: 5, id: first.id, offset: 150, bytes: mp4(50) };
    expect(((await failure(attachVideo(ADA_ID, 'compose', part))) as ComposeError).message).toBe(
      '“\u2068clip.mp4\u2069” did not arrive whole. Add it again.',
    );
    const rest = { ...part, offset: 100, bytes: mp4(100) };
    expect(await failure(attachVideo(ADA_ID, 'compose', rest))).toBeInstanceOf(ComposeError);
    expect(await storedMedia()).toEqual([]);
  });

  it('keeps one video on its way per draft: one begun again replaces the first, whose later parts are refused', async () => {
    const start = { name: 'clip.mp4', type: 'video/mp4', size: 200, durationSecs: 5, offset: 0, bytes: mp4(100) };
    const abandoned = await attachVideo(ADA_ID, 'compose', start);
    const again = await attachVideo(ADA_ID, 'compose', start);
    const rest = { ...start, offset: 100, bytes: mp4(100) };
    expect(await failure(attachVideo(ADA_ID, 'compose', { ...rest, id: abandoned.id }))).toBeInstanceOf(ComposeError);
    expect(await attachVideo(ADA_ID, 'compose', { ...rest, id: again.id })).toEqual({ id: again.id, done: true });
  });
});

describe('publishing a post with a video', () => {
  it('uploads it with tweet_video, shows the upload and X’s processing as it goes, then posts it', async () => {
    const client = await adaClient();
    const id = await attach('clip.mp4', mp4(6 * 1024 * 1024));
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'my clip', mediaIds: [id] }] });

    // X takes a moment over each step of the upload, so it lasts long enough to be watched however busy the machine is.
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/media/upload/*', count: 3, kind: 'slow', delay_ms: 300 });
    const seen: PublishProgress[] = [];
    const watch = setInterval(() => {
      const p = publishProgress(ADA_ID, 'compose');
      if (p && JSON.stringify(p) !== JSON.stringify(seen.at(-1))) seen.push(p);
    }, 50);
    const [postId] = await publishDraft(client, ADA_ID, 'compose').finally(() => clearInterval(watch));

    const mediaId = emu.state.log.find((e) => e.path.endsWith('/finalize'))!.path.split('/')[4]!;
    expect(calls().filter((c) => c !== 'GET /2/media/upload')).toEqual([
      'POST /2/media/upload/initialize',
      `POST /2/media/upload/${mediaId}/append`,
      `POST /2/media/upload/${mediaId}/append`,
      `POST /2/media/upload/${mediaId}/finalize`,
      'POST /2/tweets',
    ]);
    // X takes a few status checks, at least a second apart.
    const checks = emu.state.log.filter((e) => e.method === 'GET').map((e) => Date.parse(e.at));
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(checks.slice(1).every((at, i) => at - checks[i]! >= 1000)).toBe(true);
    expect(emu.state.media.get(mediaId)).toMatchObject({ category: 'tweet_video', type: 'video' });

    expect(seen.some((p) => p.phase === 'uploading' && p.name === 'clip.mp4')).toBe(true);
    const processing = seen.filter((p) => p.phase === 'processing' && p.percent !== undefined).map((p) => p.percent!);
    expect(processing.length).toBeGreaterThanOrEqual(2);
    expect(processing).toEqual([...processing].sort((a, b) => a - b));
    expect(publishProgress(ADA_ID, 'compose')).toBeNull();

    const { data = [], includes } = await lookupPosts(client, [postId!]);
    expect(data[0]?.attachments?.media_keys).toEqual([`13_${mediaId}`]);
    expect(includes?.media?.map((m) => m.type)).toEqual(['video']);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  }, 20_000);

  it('refuses a video beside an image before asking X, and keeps the draft', async () => {
    const client = await adaClient();
    const photo = await attachImage(ADA_ID, 'compose', { name: 'photo.png', type: 'image/png', bytes: png(4, 4) });
    const video = await attach('clip.mp4', mp4());
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'both', mediaIds: [photo, video] }] });

    const error = await failure(publishDraft(client, ADA_ID, 'compose'));

    expect((error as ComposeError).kind).toBe('invalid-post');
    expect((error as ComposeError).message).toBe('A video goes in a post on its own: X takes up to 4 images, or 1 GIF, or 1 video.');
    expect(emu.state.log).toEqual([]);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ posts: [{ text: 'both', media: [{ id: photo }, { id: video }] }] });
  });

  it('keeps the draft and its video, with X’s words, when X cannot process the video', async () => {
    const client = await adaClient();
    emu.state.videoProcessingError = 'The video codec is not supported.';
    const id = await attach('clip.mp4', mp4());
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'will fail', mediaIds: [id] }] });

    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).message).toBe(
      'X could not process “\u2068clip.mp4\u2069”, so it was not posted. X said: “\u2068The video codec is not supported.\u2069” Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
    expect(calls()).not.toContain('POST /2/tweets');
    expect(postsOnX(emu, ADA_ID, 'will fail')).toEqual([]);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({
      state: 'editing',
      posts: [{ text: 'will fail', media: [{ id, name: 'clip.mp4', type: 'video/mp4', durationSecs: 5 }] }],
    });
    expect(publishProgress(ADA_ID, 'compose')).toBeNull();
  }, 20_000);

  it('says post 1 is on X and post 2 was not, keeping post 2 with its video, when X cannot process post 2’s video', async () => {
    const client = await adaClient();
    emu.state.videoProcessingError = 'The video codec is not supported.';
    const id = await attach('clip.mp4', mp4());
    const posts = [
      { text: 'first of two', mediaIds: [] },
      { text: 'second, with a clip', mediaIds: [id] },
    ];
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts });

    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).ownWords).toEqual({ kind: 'processing-failed', name: 'clip.mp4', post: 2 });
    expect((error as XApiError).message).toBe(
      'X could not process “\u2068clip.mp4\u2069”, so it was not posted (post 2 of the thread). X said: “\u2068The video codec is not ' +
        'supported.\u2069” Post 1 is on X; post 2 and the ones after it are kept as your draft, with the file: post again to try ' +
        'once more, or remove the file.',
    );
    const [first] = postsOnX(emu, ADA_ID, 'first of two');
    expect(first).toBeDefined();
    expect(postsOnX(emu, ADA_ID, 'second, with a clip')).toEqual([]);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({
      state: 'editing',
      publishedIds: [first!.id],
      posts: [{ text: 'first of two' }, { text: 'second, with a clip', media: [{ id, name: 'clip.mp4', type: 'video/mp4' }] }],
    });
  }, 20_000);
});
