import { describe, expect, it } from 'vitest';
import { GIF_MAX_BYTES, IMAGE_MAX_BYTES } from '@/lib/limits';
import { CHUNK_BYTES, MAX_PROCESSING_WAIT_SECS, MAX_STATUS_CHECKS, uploadGif, uploadImage } from '@/lib/x/media';
import { ok, xErrorOf } from './support';
import {
  MEDIA_ID,
  scriptedUpload,
  gifBlob,
  initialized,
  appended,
  finalized,
  status,
  PENDING,
  SUCCEEDED,
  STATUS_REQUEST,
} from './media-upload';

describe('uploading a still image (POST /2/media/upload, one request)', () => {
  it.each([['image/jpeg'], ['image/png'], ['image/webp']])(
    'sends a %s as multipart media with media_category tweet_image and nothing else',
    async (type) => {
      const { client, sent } = scriptedUpload(ok({ data: { id: '1146654567674912769', media_key: '3_1146654567674912769' } }));
      const image = new Blob([new Uint8Array([1, 2, 3])], { type });
      expect(await uploadImage(client, image, 'photo')).toBe('1146654567674912769');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ method: 'POST', path: '/2/media/upload', query: {} });
      // MediaUploadRequestOneShot: `media` and `media_category` (tweet_image, dm_image or subtitles only).
      expect(sent[0]!.fields).toEqual({
        media: { bytes: new Uint8Array([1, 2, 3]), filename: 'photo', type },
        media_category: 'tweet_image',
      });
      expect(sent[0]!.contentType).toBeNull(); // fetch writes multipart/form-data with its boundary itself
    },
  );

  it('never sends a GIF through the one-request upload', async () => {
    const { client, fetch } = scriptedUpload();
    const error = await xErrorOf(uploadImage(client, gifBlob(100), 'cat.gif'));
    expect(error.kind).toBe('invalid-request');
    // A bug in Perch if it happens: the person reads that nothing was sent; the developer's words are the cause.
    expect(error.message).toBe('Perch did not send this to X: something in it is not what X takes.');
    expect((error.cause as Error).message).toContain('chunked upload');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an image over 5 MB before sending it', async () => {
    const { client, fetch } = scriptedUpload();
    const error = await xErrorOf(uploadImage(client, new Blob([new Uint8Array(IMAGE_MAX_BYTES + 1)], { type: 'image/png' }), 'big.png'));
    expect(error.message).toContain('5 MB');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('uploading a GIF (chunked: initialize, append, finalize, status)', () => {
  it('initializes with tweet_gif, appends every chunk in order, finalizes, and waits for processing', async () => {
    const size = 2 * CHUNK_BYTES + 10;
    const gif = gifBlob(size);
    const { client, sent, waits, sleep } = scriptedUpload(
      initialized,
      appended,
      appended,
      appended,
      finalized(PENDING),
      status({ state: 'in_progress', check_after_secs: 1, progress_percent: 50 }),
      status(SUCCEEDED),
    );

    expect(await uploadGif(client, gif, 'cat.gif', { sleep })).toBe(MEDIA_ID);

    // initializeMediaUpload: a JSON MediaUploadConfigRequest.
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/2/media/upload/initialize', contentType: 'application/json' });
    expect(sent[0]!.json).toEqual({ media_type: 'image/gif', total_bytes: size, media_category: 'tweet_gif' });
    // appendMediaUpload: multipart `segment_index` and `media`, at most CHUNK_BYTES each, adding up to the file.
    const appends = sent.slice(1, 4);
    expect(appends.map((s) => s.path)).toEqual(Array(3).fill(`/2/media/upload/${MEDIA_ID}/append`));
    expect(appends.map((s) => s.fields?.segment_index)).toEqual(['0', '1', '2']);
    const chunks = appends.map((s) => (s.fields?.media as { bytes: Uint8Array }).bytes);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, 10]);
    expect(CHUNK_BYTES).toBeLessThanOrEqual(5 * 1024 * 1024);
    // (Buffer.equals: a deep toEqual over 8 MB of bytes takes minutes)
    expect(Buffer.concat(chunks).equals(Buffer.from(await gif.arrayBuffer()))).toBe(true);
    // finalizeMediaUpload: no body.
    expect(sent[4]).toMatchObject({ method: 'POST', path: `/2/media/upload/${MEDIA_ID}/finalize`, contentType: null });
    expect(sent[4]!.json).toBeUndefined();
    expect(sent[4]!.fields).toBeUndefined();
    // getMediaUploadStatus, a second apart, until succeeded.
    expect(sent.slice(5)).toEqual([expect.objectContaining(STATUS_REQUEST), expect.objectContaining(STATUS_REQUEST)]);
    expect(waits).toEqual([1000, 1000]);
  });

  it('asks for no status when FINALIZE says nothing about processing', async () => {
    const { client, sent, waits, sleep } = scriptedUpload(initialized, appended, finalized());
    expect(await uploadGif(client, gifBlob(50), 'small.gif', { sleep })).toBe(MEDIA_ID);
    expect(sent.map((s) => s.path)).toEqual([
      '/2/media/upload/initialize',
      `/2/media/upload/${MEDIA_ID}/append`,
      `/2/media/upload/${MEDIA_ID}/finalize`,
    ]);
    expect(waits).toEqual([]);
  });

  it('takes an APPEND answered with an empty body (X documents no APPEND answer)', async () => {
    const { client, sent } = scriptedUpload(initialized, { status: 200, raw: '' }, finalized());
    expect(await uploadGif(client, gifBlob(50), 'small.gif')).toBe(MEDIA_ID);
    expect(sent).toHaveLength(3);
  });

  it('is done as soon as FINALIZE says succeeded', async () => {
    const { client, sent, sleep } = scriptedUpload(initialized, appended, finalized(SUCCEEDED));
    expect(await uploadGif(client, gifBlob(50), 'small.gif', { sleep })).toBe(MEDIA_ID);
    expect(sent).toHaveLength(3);
  });

  it.each([
    ['check_after_secs 5', { state: 'in_progress', check_after_secs: 5 }, 5000],
    ['check_after_secs 0', { state: 'in_progress', check_after_secs: 0 }, 1000],
    ['a fraction of a second', { state: 'pending', check_after_secs: 0.2 }, 1000],
    ['no check_after_secs', { state: 'in_progress' }, 1000],
  ])('waits as X says with %s, but never less than a second', async (_case, processing, wait) => {
    const { client, waits, sleep } = scriptedUpload(initialized, appended, finalized(processing), status(SUCCEEDED));
    await uploadGif(client, gifBlob(50), 'cat.gif', { sleep });
    expect(waits).toEqual([wait]);
  });

  it('stops with X’s reason when processing fails, and sends nothing more', async () => {
    const failed = {
      state: 'failed',
      progress_percent: 100,
      error: { code: 1, name: 'InvalidMedia', message: 'Unsupported animated GIF.' },
    };
    const { client, sent, sleep } = scriptedUpload(initialized, appended, finalized(PENDING), status(failed));
    const error = await xErrorOf(uploadGif(client, gifBlob(50), 'cat.gif', { sleep }));
    expect(error.kind).toBe('invalid-request');
    // Perch's sentence names the file; X's reason is quoted as X's.
    expect(error.message).toBe(
      'X could not process “\u2068cat.gif\u2069”, so it was not posted. X said: “\u2068Unsupported animated GIF.\u2069” Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
    expect(error.problem.detail).toBe('Unsupported animated GIF.');
    expect(sent).toHaveLength(4);
  });

  it('says so when processing fails without a reason', async () => {
    const { client, sleep } = scriptedUpload(initialized, appended, finalized({ state: 'failed' }));
    const error = await xErrorOf(uploadGif(client, gifBlob(50), 'cat.gif', { sleep }));
    expect(error.message).toBe(
      'X could not process “\u2068cat.gif\u2069” and gave no reason, so it was not posted. Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
    expect(error.problem.detail).toBeUndefined();
  });

  it(`gives up after ${MAX_STATUS_CHECKS} status checks while X is still processing`, async () => {
    const stillGoing = Array.from({ length: MAX_STATUS_CHECKS }, () => status({ state: 'in_progress', check_after_secs: 1 }));
    const { client, sent, waits, sleep } = scriptedUpload(initialized, appended, finalized(PENDING), ...stillGoing);
    const error = await xErrorOf(uploadGif(client, gifBlob(50), 'cat.gif', { sleep }));
    expect(error.kind).toBe('unavailable');
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(MAX_STATUS_CHECKS);
    expect(waits.every((w) => w >= 1000)).toBe(true);
    expect(error.message).toBe(
      `X was still processing “\u2068cat.gif\u2069” after ${MAX_STATUS_CHECKS} seconds, so it was not posted. Your draft is kept as it was, with the file: post again to try once more, or remove the file.`,
    );
  });

  it(`never waits more than ${MAX_PROCESSING_WAIT_SECS} seconds in all`, async () => {
    const slow = Array.from({ length: 10 }, () => status({ state: 'in_progress', check_after_secs: 50 }));
    const { client, sent, waits, sleep } = scriptedUpload(
      initialized,
      appended,
      finalized({ state: 'pending', check_after_secs: 50 }),
      ...slow,
    );
    const error = await xErrorOf(uploadGif(client, gifBlob(50), 'cat.gif', { sleep }));
    expect(error.kind).toBe('unavailable');
    expect(waits).toEqual([50_000, 50_000]);
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(2);
    expect(error.message).toBe(
      `X is still processing “\u2068cat.gif\u2069” and asked Perch to wait longer than the ${MAX_PROCESSING_WAIT_SECS} seconds Perch waits, so it was not posted. Your draft is kept as it was, with the file: post again to try once more, or remove the file.`,
    );
  });

  it('stops at once, saying X asked for a longer wait than Perch makes, when FINALIZE asks for a check in 1e9 seconds', async () => {
    const { client, sent, waits, sleep } = scriptedUpload(initialized, appended, finalized({ state: 'pending', check_after_secs: 1e9 }));
    const error = await xErrorOf(uploadGif(client, gifBlob(50), 'cat.gif', { sleep }));
    expect(error.kind).toBe('unavailable');
    expect(waits).toEqual([]);
    expect(sent.filter((s) => s.method === 'GET')).toEqual([]);
    expect(error.message).toBe(
      `X is still processing “\u2068cat.gif\u2069” and asked Perch to wait longer than the ${MAX_PROCESSING_WAIT_SECS} seconds Perch waits, so it was not posted. Your draft is kept as it was, with the file: post again to try once more, or remove the file.`,
    );
  });

  it('takes a GIF of exactly 15 MB in chunks', async () => {
    const appends = Array.from({ length: Math.ceil(GIF_MAX_BYTES / CHUNK_BYTES) }, () => appended);
    const { client, sent, sleep } = scriptedUpload(initialized, ...appends, finalized(SUCCEEDED));
    await uploadGif(client, gifBlob(GIF_MAX_BYTES), 'big.gif', { sleep });
    expect(sent.filter((s) => s.path.endsWith('/append'))).toHaveLength(4);
  });

  it.each([
    ['a GIF over 15 MB', gifBlob(GIF_MAX_BYTES + 1), '15 MB'],
    ['an empty GIF', gifBlob(0), 'empty'],
    ['a PNG', new Blob([new Uint8Array(10)], { type: 'image/png' }), 'not a GIF'],
  ])('refuses %s before sending anything', async (_case, blob, words) => {
    const { client, fetch } = scriptedUpload();
    const error = await xErrorOf(uploadGif(client, blob, 'file'));
    expect(error.kind).toBe('invalid-request');
    expect(`${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`).toContain(words);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('lets a failed APPEND end the upload with X’s error', async () => {
    const { client, sent } = scriptedUpload(initialized, {
      status: 400,
      body: {
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.x.com/2/problems/invalid-request',
      },
    });
    const error = await xErrorOf(uploadGif(client, gifBlob(CHUNK_BYTES + 1), 'cat.gif'));
    expect(error.status).toBe(400);
    expect(sent).toHaveLength(2);
  });
});
