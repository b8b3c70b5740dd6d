import { describe, expect, it } from 'vitest';
import { MAX_PROCESSING_WAIT_SECS, MAX_STATUS_CHECKS, uploadVideo, type UploadProgress } from '@/lib/x/media';
import { ok, xErrorOf } from './support';
import { MEDIA_ID, KEY, scriptedUpload, initialized, appended, finalized, status, PENDING, SUCCEEDED } from './media-upload';

/**
 * What X's STATUS answers mean (getMediaUploadStatus; x-api--media--quickstart--media-upload-chunked): FINALIZE
 * without `processing_info` is the media ready (step 3); once X said it processes, only `succeeded` or `failed`
 * ends the wait (the quickstart's own STATUS loop, step 4, checks again on anything else), and the wait is bounded
 * whatever X answers.
 */

const video = () => new Blob([new Uint8Array(10)], { type: 'video/mp4' });
/** A STATUS answer without `processing_info`: the description (MediaUploadResponse) requires none. */
const bareStatus = ok({ data: { id: MEDIA_ID, media_key: KEY } });

describe('waiting for X to process a video', () => {
  it('checks again when a STATUS answer says nothing of processing, and posts only once X says succeeded', async () => {
    const { client, sent, sleep } = scriptedUpload(initialized, appended, finalized(PENDING), bareStatus, status(SUCCEEDED));
    expect(await uploadVideo(client, video(), 'clip.mp4', { sleep })).toBe(MEDIA_ID);
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(2);
  });

  it('checks again when processing_info carries no state, from FINALIZE or STATUS', async () => {
    const noState = { check_after_secs: 1, progress_percent: 10 };
    const { client, sent, sleep } = scriptedUpload(initialized, appended, finalized(noState), status(noState), status(SUCCEEDED));
    expect(await uploadVideo(client, video(), 'clip.mp4', { sleep })).toBe(MEDIA_ID);
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(2);
  });

  it(`gives up, saying X was still processing, when no STATUS answer ever says anything of processing`, async () => {
    const silent = Array.from({ length: MAX_STATUS_CHECKS }, () => bareStatus);
    const { client, sent, waits, sleep } = scriptedUpload(initialized, appended, finalized(PENDING), ...silent);
    const error = await xErrorOf(uploadVideo(client, video(), 'clip.mp4', { sleep }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(
      `X was still processing “\u2068clip.mp4\u2069” after ${MAX_STATUS_CHECKS} seconds, so it was not posted. Your draft is kept as it was, with the file: post again to try once more, or remove the file.`,
    );
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(MAX_STATUS_CHECKS);
    expect(waits.every((w) => w >= 1000)).toBe(true);
  });

  it.each([
    ['huge', 1e9],
    ['zero', 0],
    ['negative', -30],
    ['a fraction', 0.01],
    ['missing', undefined],
  ])('is bounded when check_after_secs is %s and X says in_progress forever', async (_case, after) => {
    const info = { state: 'in_progress', ...(after === undefined ? {} : { check_after_secs: after }) };
    const forever = Array.from({ length: MAX_STATUS_CHECKS + 5 }, () => status(info));
    const { client, sent, waits, sleep } = scriptedUpload(initialized, appended, finalized(info), ...forever);
    const error = await xErrorOf(uploadVideo(client, video(), 'clip.mp4', { sleep }));
    expect(error.kind).toBe('unavailable');
    expect(sent.filter((s) => s.method === 'GET').length).toBeLessThanOrEqual(MAX_STATUS_CHECKS);
    expect(waits.every((w) => w >= 1000)).toBe(true);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MAX_PROCESSING_WAIT_SECS * 1000);
  });

  it('never shows the processing percent going back when X’s does', async () => {
    const { client, sleep } = scriptedUpload(
      initialized,
      appended,
      finalized({ state: 'in_progress', check_after_secs: 1, progress_percent: 60 }),
      status({ state: 'in_progress', check_after_secs: 1, progress_percent: 20 }),
      status({ state: 'in_progress', check_after_secs: 1 }),
      status({ state: 'in_progress', check_after_secs: 1, progress_percent: 70 }),
      status(SUCCEEDED),
    );
    const seen: UploadProgress[] = [];
    await uploadVideo(client, video(), 'clip.mp4', { sleep, onProgress: (p) => seen.push(p) });
    const shown = seen.filter((p) => p.phase === 'processing').map((p) => p.percent);
    expect(shown).toEqual([60, 60, 60, 70, 100]);
  });
});
