import { describe, expect, it } from 'vitest';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, signIn } from './helpers';
import { pngBytes as png } from '../support/png';
import type { Json } from './media-helpers';
import { SCOPES, body, gif, padded, uploaded, postJson, chunked, invalidMedia } from './media-helpers';

/**
 * The emulator's video upload, and media ids in POST /2/tweets. The simple upload: media.test.ts; chunked:
 * media-chunked.test.ts.
 */

withAdaSignedIn(SCOPES);

// ---- image bytes, built by hand (test/unit/support/png.ts, here), not with the emulator's helpers ----

// ---- requests ----

/** Bytes that start like an MP4: an `ftyp` box with the isom brand, then zeros. */
function mp4(size = 64): Buffer {
  return padded(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isommp42', 'latin1')]), size);
}

const statusOf = async (id: string) =>
  (await body<{ data: { processing_info: Json } }>(await api(emu, `/2/media/upload?command=STATUS&media_id=${id}`, token))).data
    .processing_info;

describe('video upload (tweet_video; x-api--media--get-media-upload-status)', () => {
  it('processes a video over several status checks, a second apart, its percent growing, then takes it in a post', async () => {
    const { id, finalize } = await chunked(mp4(), 'video/mp4', 2, 'tweet_video');
    expect(finalize).toMatchObject({ media_key: `13_${id}`, processing_info: { state: 'pending', check_after_secs: 1 } });
    const first = await statusOf(id);
    emu.state.advance(1);
    const second = await statusOf(id);
    emu.state.advance(1);
    const third = await statusOf(id);
    for (const info of [first, second, third]) expect(info).toMatchObject({ state: 'in_progress', check_after_secs: 1 });
    const percents = [first, second, third].map((i) => (i as { progress_percent: number }).progress_percent);
    expect(percents[0]).toBeLessThan(percents[1]!);
    expect(percents[1]).toBeLessThan(percents[2]!);
    expect((await postJson('/2/tweets', { text: 'too soon', media: { media_ids: [id] } })).status).toBe(400);
    emu.state.advance(1);
    expect(await statusOf(id)).toEqual({ state: 'succeeded', progress_percent: 100 });
    expect((await postJson('/2/tweets', { text: 'my clip', media: { media_ids: [id] } })).status).toBe(201);
  });

  it('fails processing when switched to, with X’s error shape, and takes videos again once switched back', async () => {
    const on = await control(emu, 'POST', 'config', { video_processing_error: 'Unsupported video codec.' });
    expect(on).toMatchObject({ video_processing_error: 'Unsupported video codec.' });
    const { id } = await chunked(mp4(), 'video/quicktime', 1, 'tweet_video');
    emu.state.advance(3);
    expect(await statusOf(id)).toEqual({
      state: 'failed',
      progress_percent: 100,
      error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video codec.' },
    });
    expect((await postJson('/2/tweets', { text: 'failed clip', media: { media_ids: [id] } })).status).toBe(400);
    await control(emu, 'POST', 'config', { video_processing_error: null });
    const again = await chunked(mp4(), 'video/mp4', 1, 'tweet_video');
    emu.state.advance(3);
    expect(await statusOf(again.id)).toEqual({ state: 'succeeded', progress_percent: 100 });
  });

  it('fails processing with only what the description lists, and no reason, when X answers strictly', async () => {
    await control(emu, 'POST', 'config', { video_processing_error: 'Unsupported video codec.', bare_answers: true });
    try {
      const { id } = await chunked(mp4(), 'video/mp4', 1, 'tweet_video');
      emu.state.advance(3);
      // ProcessingInfo (getMediaUploadStatus, MediaUploadResponse) has no `error`.
      expect(await statusOf(id)).toEqual({ state: 'failed', progress_percent: 100 });
    } finally {
      await control(emu, 'POST', 'config', { video_processing_error: null, bare_answers: false });
    }
  });

  it('refuses a video beside a photo in a post (up to 4 photos, or 1 GIF or 1 video)', async () => {
    const photo = await uploaded(png(4, 4));
    const video = await chunked(mp4(), 'video/mp4', 1, 'tweet_video');
    emu.state.advance(3);
    const res = await postJson('/2/tweets', { text: 'mixed', media: { media_ids: [photo.id, video.id] } });
    expect(res.status).toBe(400);
  });
});

describe('media ids in POST /2/tweets', () => {
  it('refuses a media id once expires_after_secs has passed on the emulator clock', async () => {
    const { id } = await uploaded(png(4, 4));
    emu.state.advance(86_400);
    const fresh = (await signIn(emu, SCOPES)).access_token;
    const res = await postJson('/2/tweets', { text: 'too late', media: { media_ids: [id] } }, fresh);
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual(invalidMedia([id]));
  });

  it('accepts it one second before it expires', async () => {
    const { id } = await uploaded(png(4, 4));
    emu.state.advance(86_399);
    const fresh = (await signIn(emu, SCOPES)).access_token;
    expect((await postJson('/2/tweets', { text: 'just in time', media: { media_ids: [id] } }, fresh)).status).toBe(201);
  });

  it('refuses unknown media, media of another user and an upload that was never finalized', async () => {
    await control(emu, 'POST', 'session', { user_id: GRACE_ID });
    const grace = (await signIn(emu, SCOPES)).access_token;
    const hers = await uploaded(png(4, 4), undefined, grace);
    const { id: unfinished } = (
      await body<{ data: { id: string } }>(await postJson('/2/media/upload/initialize', { media_type: 'image/png', total_bytes: 10 }))
    ).data;
    for (const id of ['1234567890123456789', hers.id, unfinished]) {
      const res = await postJson('/2/tweets', { text: `with ${id}`, media: { media_ids: [id] } });
      expect(res.status).toBe(400);
      expect(await body(res)).toEqual(invalidMedia([id]));
    }
  });

  it('accepts media a user uploaded naming this user in additional_owners', async () => {
    await control(emu, 'POST', 'session', { user_id: GRACE_ID });
    const grace = (await signIn(emu, SCOPES)).access_token;
    const shared = await uploaded(png(4, 4), { media_category: 'tweet_image', additional_owners: ADA_ID }, grace);
    expect((await postJson('/2/tweets', { text: 'shared with me', media: { media_ids: [shared.id] } })).status).toBe(201);
  });

  it('refuses a GIF together with a photo (up to 4 photos, or 1 GIF or 1 video)', async () => {
    const photo = await uploaded(png(4, 4));
    const animated = await chunked(gif(4, 4), 'image/gif', 1, 'tweet_gif');
    emu.state.advance(1);
    const res = await postJson('/2/tweets', { text: 'mixed', media: { media_ids: [photo.id, animated.id] } });
    expect(res.status).toBe(400);
    const four = await Promise.all([1, 2, 3, 4].map((n) => uploaded(png(n, n))));
    expect((await postJson('/2/tweets', { text: 'four photos', media: { media_ids: four.map((m) => m.id) } })).status).toBe(201);
  });
});
