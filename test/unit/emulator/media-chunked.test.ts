import { describe, expect, it } from 'vitest';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, signIn } from './helpers';
import { pngBytes as png } from '../support/png';
import type { Json } from './media-helpers';
import { SCOPES, MB, body, gif, jpeg, padded, uploaded, postJson, appendChunk, chunked, invalidMedia } from './media-helpers';

/**
 * The emulator's chunked upload: initialize, append, finalize, status. The simple upload: media.test.ts; video and
 * media ids in posts: media-video.test.ts.
 */

withAdaSignedIn(SCOPES);

// ---- image bytes, built by hand (test/unit/support/png.ts, here), not with the emulator's helpers ----

// ---- requests ----

describe('chunked upload (initialize, append, finalize, status)', () => {
  it('assembles the chunks; the post carries both chunked and simple media, in order', async () => {
    const big = png(300, 200);
    const { id, finalize } = await chunked(big, 'image/png', 3);
    expect(finalize).toEqual({ id, media_key: `3_${id}`, size: big.length, expires_after_secs: 86400 });
    const simple = await uploaded(png(10, 10));
    const status = await api(emu, `/2/media/upload?command=STATUS&media_id=${id}`, token);
    expect(status.headers.get('x-rate-limit-limit')).toBe('1000');
    expect((await body<{ data: Json }>(status)).data).toMatchObject({ id, processing_info: { state: 'succeeded' } });

    const created = await postJson('/2/tweets', { text: 'Two pictures', media: { media_ids: [id, simple.id] } });
    expect(created.status).toBe(201);
    const postId = (await body<{ data: { id: string } }>(created)).data.id;
    const got = await body<{ data: Json; includes: { media: Json[]; users: Json[] } }>(
      await api(
        emu,
        `/2/tweets/${postId}?tweet.fields=attachments&expansions=attachments.media_keys,author_id&media.fields=width,height`,
        token,
      ),
    );
    expect(got.data.attachments).toEqual({ media_keys: [`3_${id}`, simple.media_key] });
    expect(got.includes.media).toEqual([
      { media_key: `3_${id}`, type: 'photo', width: 300, height: 200 },
      { media_key: simple.media_key, type: 'photo', width: 10, height: 10 },
    ]);
    expect(got.includes.users).toEqual([{ id: ADA_ID, name: 'Ada Perch', username: 'adaperch' }]);
  });

  it('puts the documented rate limits on initialize, append and finalize', async () => {
    const init = await postJson('/2/media/upload/initialize', { media_type: 'image/png', total_bytes: 10 });
    expect(init.headers.get('x-rate-limit-limit')).toBe('1875');
    expect(await body(init)).toEqual({
      data: { id: expect.stringMatching(/^[0-9]+$/), media_key: expect.stringMatching(/^3_/), expires_after_secs: 86400 },
    });
  });

  it('also follows the command=INIT/APPEND/FINALIZE form of the quickstart on POST /2/media/upload', async () => {
    const image = jpeg(64, 48);
    const form = (fields: Record<string, string | Blob>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return api(emu, '/2/media/upload', token, { method: 'POST', body: f });
    };
    const init = await form({
      command: 'INIT',
      media_type: 'image/jpeg',
      total_bytes: String(image.length),
      media_category: 'tweet_image',
    });
    const { id } = (await body<{ data: { id: string } }>(init)).data;
    const append = await form({ command: 'APPEND', media_id: id, segment_index: '0', media: new Blob([new Uint8Array(image)]) });
    expect(append.status).toBe(200);
    expect(await body(append)).toEqual({ data: { expires_at: expect.any(Number) } });
    const fin = await form({ command: 'FINALIZE', media_id: id });
    expect((await body<{ data: Json }>(fin)).data).toMatchObject({ id, media_key: `3_${id}`, size: image.length });
    expect((await postJson('/2/tweets', { text: 'via commands', media: { media_ids: [id] } })).status).toBe(201);
    // The description's mediaUpload has no `command` form (MediaUploadRequestOneShot, additionalProperties: false);
    // only the quickstart page shows it. Perch never sends it.
    expect(emu.contract.take({ operationId: 'mediaUpload', rule: 'request-body' })).toHaveLength(3);
  });

  it('processes a GIF asynchronously: not postable while pending, fine once STATUS says succeeded', async () => {
    const { id, finalize } = await chunked(gif(100, 80), 'image/gif', 1);
    expect(finalize).toMatchObject({ media_key: `16_${id}`, processing_info: { state: 'pending', check_after_secs: 1 } });
    const early = await postJson('/2/tweets', { text: 'gif!', media: { media_ids: [id] } });
    expect(early.status).toBe(400);
    expect(await body(early)).toEqual(invalidMedia([id]));
    const pending = await body<{ data: Json }>(await api(emu, `/2/media/upload?command=STATUS&media_id=${id}`, token));
    expect(pending.data.processing_info).toMatchObject({ state: 'in_progress', check_after_secs: 1 });
    emu.state.advance(1);
    const done = await body<{ data: Json }>(await api(emu, `/2/media/upload?command=STATUS&media_id=${id}`, token));
    expect(done.data.processing_info).toEqual({ state: 'succeeded', progress_percent: 100 });
    expect((await postJson('/2/tweets', { text: 'gif!', media: { media_ids: [id] } })).status).toBe(201);
  });

  it('fails processing a GIF over 1280x1080, says why in STATUS, and refuses it in a post', async () => {
    // x-api--media--quickstart--best-practices, "Animated GIF recommendations": resolution <= 1280x1080.
    const { id, finalize } = await chunked(gif(1281, 720), 'image/gif', 1, 'tweet_gif');
    expect(finalize).toMatchObject({ processing_info: { state: 'pending', check_after_secs: 1 } });
    emu.state.advance(1);
    const failed = await body<{ data: Json }>(await api(emu, `/2/media/upload?command=STATUS&media_id=${id}`, token));
    expect(failed.data.processing_info).toEqual({
      state: 'failed',
      progress_percent: 100,
      error: { code: 1, name: 'InvalidMedia', message: 'The GIF is 1281x720; the largest X takes is 1280x1080.' },
    });
    const res = await postJson('/2/tweets', { text: 'too wide', media: { media_ids: [id] } });
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual(invalidMedia([id]));
  });

  it('processes a GIF of exactly 1280x1080', async () => {
    const { id } = await chunked(gif(1280, 1080), 'image/gif', 1, 'tweet_gif');
    emu.state.advance(1);
    const done = await body<{ data: Json }>(await api(emu, `/2/media/upload?command=STATUS&media_id=${id}`, token));
    expect(done.data.processing_info).toEqual({ state: 'succeeded', progress_percent: 100 });
  });

  it('takes a 15 MB GIF in 5 MB chunks, and refuses a chunk over 5 MB', async () => {
    const big = padded(gif(320, 240), 15 * MB);
    const { id, finalize } = await chunked(big, 'image/gif', 3, 'tweet_gif');
    expect(finalize).toMatchObject({ id, media_key: `16_${id}`, size: 15 * MB });
    const init = await postJson('/2/media/upload/initialize', {
      media_type: 'image/gif',
      total_bytes: 6 * MB,
      media_category: 'tweet_gif',
    });
    const other = (await body<{ data: { id: string } }>(init)).data.id;
    const res = await appendChunk(other, 0, Buffer.alloc(5 * MB + 1));
    expect(res.status).toBe(400);
    expect((await body<{ errors: { message: string }[] }>(res)).errors[0]!.message).toBe('File size exceeds 5242880 bytes.');
  });

  it.each([
    ['segments that do not add up to total_bytes', 'Segments do not add up to provided total file size.'],
    ['bytes that are not the declared media_type', 'media type unrecognized.'],
  ])('refuses to finalize %s', async (name, message) => {
    const image = png(20, 20);
    const declared = name.startsWith('bytes')
      ? { media_type: 'image/gif', total_bytes: image.length }
      : { media_type: 'image/png', total_bytes: image.length + 10 };
    const { id } = (await body<{ data: { id: string } }>(await postJson('/2/media/upload/initialize', declared))).data;
    await appendChunk(id, 0, image);
    const fin = await api(emu, `/2/media/upload/${id}/finalize`, token, { method: 'POST' });
    expect(fin.status).toBe(400);
    expect((await body<{ errors: { message: string }[] }>(fin)).errors[0]!.message).toBe(message);
  });

  it.each([
    ['a PNG over 5 MB', { media_type: 'image/png', total_bytes: 5 * MB + 1 }, 'File size exceeds 5242880 bytes.'],
    ['a GIF over 15 MB', { media_type: 'image/gif', total_bytes: 15 * MB + 1 }, 'File size exceeds 15728640 bytes.'],
    ['an unsupported media_type', { media_type: 'image/heic', total_bytes: 100 }, 'is not one of'],
    ['no total_bytes', { media_type: 'image/png' }, 'must be a positive integer'],
  ])('refuses to initialize %s', async (_name, payload, message) => {
    const res = await postJson('/2/media/upload/initialize', payload);
    expect(res.status).toBe(400);
    expect((await body<{ errors: { message: string }[] }>(res)).errors[0]!.message).toContain(message);
    emu.contract.take({ operationId: 'initializeMediaUpload', rule: 'request-body' }); // a media_type not in the enum, on purpose
  });

  it("refuses to append to or finalize someone else's upload", async () => {
    const { id } = (
      await body<{ data: { id: string } }>(await postJson('/2/media/upload/initialize', { media_type: 'image/png', total_bytes: 10 }))
    ).data;
    await control(emu, 'POST', 'session', { user_id: GRACE_ID });
    const grace = (await signIn(emu, SCOPES)).access_token;
    const res = await appendChunk(id, 0, Buffer.alloc(10), grace);
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ errors: [{ parameters: { media_id: [id] } }] });
  });
});
