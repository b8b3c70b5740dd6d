import { describe, expect, it } from 'vitest';
import { VIDEO_MAX_BYTES } from '@/lib/limits';
import { CHUNK_BYTES, MAX_STATUS_CHECKS, type UploadProgress, uploadMedia, uploadVideo } from '@/lib/x/media';
import { ok, xErrorOf } from './support';
import { MEDIA_ID, scriptedUpload, gifBlob, initialized, appended, finalized, status, PENDING, SUCCEEDED } from './media-upload';

/**
 * Uploading a video (chunked, with progress), and whatever the composer holds. Still images and GIFs:
 * media.test.ts.
 */

describe('uploading whatever the composer holds', () => {
  it('sends a GIF through the chunked upload and a PNG in one request', async () => {
    const { client, sent, sleep } = scriptedUpload(initialized, appended, finalized(SUCCEEDED), ok({ data: { id: '42' } }));
    expect(await uploadMedia(client, gifBlob(10), 'a.gif', { sleep })).toBe(MEDIA_ID);
    expect(await uploadMedia(client, new Blob([new Uint8Array(3)], { type: 'image/png' }), 'b.png')).toBe('42');
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /2/media/upload/initialize',
      `POST /2/media/upload/${MEDIA_ID}/append`,
      `POST /2/media/upload/${MEDIA_ID}/finalize`,
      'POST /2/media/upload',
    ]);
    expect(sent[3]!.fields?.media_category).toBe('tweet_image');
  });
});

/** Bytes that start like an MP4 (`ftyp` box), `size` long. A `size` past the file's bytes is a sparse stand-in. */
function mp4Blob(size: number, type = 'video/mp4'): Blob {
  const bytes = new Uint8Array(size);
  bytes.set(new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).subarray(0, size));
  return new Blob([bytes], { type });
}

describe('uploading a video (chunked, tweet_video, with progress)', () => {
  it('initializes with tweet_video and reports the bytes sent, then X’s processing percent, until succeeded', async () => {
    const size = CHUNK_BYTES + CHUNK_BYTES / 4;
    const { client, sent, waits, sleep } = scriptedUpload(
      initialized,
      appended,
      appended,
      finalized(PENDING),
      status({ state: 'in_progress', check_after_secs: 2, progress_percent: 40 }),
      status({ state: 'in_progress', check_after_secs: 1, progress_percent: 80 }),
      status(SUCCEEDED),
    );
    const seen: UploadProgress[] = [];
    expect(await uploadVideo(client, mp4Blob(size), 'clip.mp4', { sleep, onProgress: (p) => seen.push(p) })).toBe(MEDIA_ID);

    expect(sent[0]!.json).toEqual({ media_type: 'video/mp4', total_bytes: size, media_category: 'tweet_video' });
    expect(sent.filter((s) => s.path.endsWith('/append')).map((s) => s.fields?.segment_index)).toEqual(['0', '1']);
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(3);
    expect(waits).toEqual([1000, 2000, 1000]);
    expect(seen).toEqual([
      { phase: 'uploading', percent: 0 },
      { phase: 'uploading', percent: 80 },
      { phase: 'uploading', percent: 100 },
      { phase: 'processing' },
      { phase: 'processing', percent: 40 },
      { phase: 'processing', percent: 80 },
      { phase: 'processing', percent: 100 },
    ]);
  });

  it('takes a QuickTime video, and sends it with its own media type', async () => {
    const { client, sent } = scriptedUpload(initialized, appended, finalized(SUCCEEDED));
    await uploadVideo(client, mp4Blob(100, 'video/quicktime'), 'clip.mov');
    expect(sent[0]!.json).toMatchObject({ media_type: 'video/quicktime', media_category: 'tweet_video' });
  });

  it('stops with X’s words when X cannot process the video, after no more requests', async () => {
    const failed = {
      state: 'failed',
      progress_percent: 100,
      error: { code: 1, name: 'InvalidMedia', message: 'Video duration is too long.' },
    };
    const { client, sent, sleep } = scriptedUpload(initialized, appended, finalized(PENDING), status(failed));
    const error = await xErrorOf(uploadVideo(client, mp4Blob(100), 'clip.mp4', { sleep }));
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toBe(
      'X could not process “\u2068clip.mp4\u2069”, so it was not posted. X said: “\u2068Video duration is too long.\u2069” Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
    expect(sent).toHaveLength(4);
  });

  it(`stops polling after ${MAX_STATUS_CHECKS} checks, a second or more apart`, async () => {
    const stillGoing = Array.from({ length: MAX_STATUS_CHECKS }, () => status({ state: 'in_progress', check_after_secs: 0 }));
    const { client, sent, waits, sleep } = scriptedUpload(initialized, appended, finalized(PENDING), ...stillGoing);
    const error = await xErrorOf(uploadVideo(client, mp4Blob(100), 'clip.mp4', { sleep }));
    expect(error.kind).toBe('unavailable');
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(MAX_STATUS_CHECKS);
    expect(waits.every((w) => w >= 1000)).toBe(true);
  });

  it('keeps an odd progress_percent from X within 0–100', async () => {
    const { client, sleep } = scriptedUpload(
      initialized,
      appended,
      finalized({ state: 'in_progress', check_after_secs: 1, progress_percent: 250 }),
      status(SUCCEEDED),
    );
    const seen: UploadProgress[] = [];
    await uploadVideo(client, mp4Blob(10), 'clip.mp4', { sleep, onProgress: (p) => seen.push(p) });
    expect(seen).toContainEqual({ phase: 'processing', percent: 100 });
    expect(seen.every((p) => p.percent === undefined || (p.percent >= 0 && p.percent <= 100))).toBe(true);
  });

  it.each([
    ['an empty video', new Blob([], { type: 'video/mp4' }), 'empty'],
    ['a WebM video', mp4Blob(10, 'video/webm'), 'not an MP4 or QuickTime video'],
    ['an image', mp4Blob(10, 'image/png'), 'not an MP4 or QuickTime video'],
  ])('refuses %s before sending anything', async (_case, blob, words) => {
    const { client, fetch } = scriptedUpload();
    const error = await xErrorOf(uploadVideo(client, blob, 'file'));
    expect(`${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`).toContain(words);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a video over 512 MB before sending anything', async () => {
    const { client, fetch } = scriptedUpload();
    // A Blob that says it is one byte over, without holding 512 MB.
    const huge = { type: 'video/mp4', size: VIDEO_MAX_BYTES + 1 } as unknown as Blob;
    const error = await xErrorOf(uploadVideo(client, huge, 'long.mp4'));
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('512 MB');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is what uploadMedia does with a video', async () => {
    const { client, sent } = scriptedUpload(initialized, appended, finalized(SUCCEEDED));
    expect(await uploadMedia(client, mp4Blob(10), 'clip.mp4')).toBe(MEDIA_ID);
    expect(sent[0]!.json).toMatchObject({ media_category: 'tweet_video' });
  });
});
