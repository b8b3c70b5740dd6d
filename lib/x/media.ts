import * as z from 'zod/mini';
import type { XClient } from './client';
import { XApiError } from './errors';
import { ALT_TEXT_MAX, GIF_MAX_BYTES, GIF_TYPE, IMAGE_MAX_BYTES, IMAGE_TYPES, VIDEO_MAX_BYTES, VIDEO_TYPES } from '../limits';
import { codePoints, invalidInput, refusedInput } from './input';
import { notDone } from './set-state';

const MB = 1024 * 1024;
/**
 * Bytes per APPEND of a chunked upload. X's chunked quickstart (x-api--media--quickstart--media-upload-chunked)
 * splits a file into 1 MB chunks; X has refused chunks over 5 MB. 4 MB keeps a 15 MB GIF to 4 requests, with
 * room under 5 MB for the multipart envelope.
 */
export const CHUNK_BYTES = 4 * MB;
/** How many STATUS checks, and how many seconds of waiting between them, before Perch stops waiting for X. */
export const MAX_STATUS_CHECKS = 30;
export const MAX_PROCESSING_WAIT_SECS = 120;

const mediaIdSchema = z.string().check(z.regex(/^[0-9]{1,19}$/));

/**
 * `processing_info` of a media upload answer (the description's `ProcessingInfo`). `error` is not in the
 * description; X's upload answers have carried `{ code, name, message }` there when processing failed. The
 * description requires no `state`: without one, nothing says X is still processing.
 */
const processingSchema = z.lazy(() =>
  z.looseObject({
    state: z.optional(z.literal(['pending', 'in_progress', 'succeeded', 'failed'])),
    check_after_secs: z.optional(z.number()),
    progress_percent: z.optional(z.number()),
    error: z.optional(z.looseObject({ name: z.optional(z.string()), message: z.optional(z.string()) })),
  }),
);

/**
 * `MediaUploadResponse`: the answer of the one-request upload, initialize, finalize and the status check. Its `data`
 * is optional: a 200 may carry only `errors`, X saying why it did not take the file (see {@link refusedStep}).
 */
const uploadResponseSchema = z.lazy(() =>
  z.looseObject({
    data: z.optional(
      z.looseObject({
        id: mediaIdSchema,
        media_key: z.optional(z.string()),
        expires_after_secs: z.optional(z.number()),
        processing_info: z.optional(processingSchema),
      }),
    ),
    errors: z.optional(z.array(z.unknown())),
  }),
);

/**
 * The FINALIZE and STATUS answers (`MediaUploadResponse` too), of which Perch reads only `processing_info`: the
 * media id is the one INIT gave, so an answer without `data` or its `id` (the description requires neither) is
 * not refused for it.
 */
const processedSchema = z.lazy(() =>
  z.looseObject({
    data: z.optional(z.looseObject({ processing_info: z.optional(processingSchema) })),
    errors: z.optional(z.array(z.unknown())),
  }),
);

/** `MediaUploadAppendResponse`: `data.expires_at` at most; nothing Perch needs. */
const appendResponseSchema = z.lazy(() =>
  z.looseObject({ data: z.optional(z.looseObject({ expires_at: z.optional(z.number()) })), errors: z.optional(z.array(z.unknown())) }),
);

type Processing = z.infer<typeof processingSchema>;

/**
 * An upload step's 200 carrying `errors` and no `data` (each of the media answers makes `data` optional): X did not do
 * the step, for the reason its errors give — never read as the step done.
 * @throws XApiError as X's errors say (lib/x/set-state.ts `notDone`)
 */
function refusedStep(body: { data?: unknown; errors?: unknown[] | undefined }, status: number): void {
  if (body.data === undefined && body.errors?.length) throw notDone(body.errors, status, 'malformed');
}

/**
 * The `data` of a step that needs it (the media id it gives).
 * @throws XApiError as X's errors say when it sent `errors` instead, 'malformed' when it sent neither
 */
function stepData<D>(body: { data?: D | undefined; errors?: unknown[] | undefined }, status: number): D {
  if (body.data !== undefined) return body.data;
  throw notDone(body.errors ?? [], status, 'malformed');
}

/**
 * How far a chunked upload has got: the share of the file's bytes X has taken (`uploading`), then X's own
 * `progress_percent` while it processes the file (`processing`; absent when X gives none).
 */
export type UploadProgress = { phase: 'uploading'; percent: number } | { phase: 'processing'; percent?: number };

export interface UploadOptions {
  /** Waits `ms` milliseconds between status checks (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
  /** Told after each chunk is sent and after each answer about X's processing. */
  onProgress?: (progress: UploadProgress) => void;
  /** Which post of a thread the file goes in (from 1), named in the words when X does not have it ready. */
  post?: number | undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POST /2/media/upload (operationId mediaUpload) — uploads one still image in one request with
 * `media_category=tweet_image` and returns the media id to attach to a post. The one-request upload takes only
 * `tweet_image`, `dm_image` and `subtitles` (the description's `MediaCategoryOneShot`): a GIF goes through
 * {@link uploadGif}. The id expires after a day, so Perch uploads at publish time.
 * @throws XApiError ('invalid-request' before sending for a GIF, a type X does not take, or a file over 5 MB)
 */
export async function uploadImage(client: XClient, image: Blob, name: string): Promise<string> {
  if (image.type === GIF_TYPE) throw invalidInput(`“${name}” is a GIF: X takes GIFs only through the chunked upload.`);
  if (!(IMAGE_TYPES as readonly string[]).includes(image.type)) throw invalidInput(`“${name}” is not a JPEG, PNG or WebP image.`);
  if (image.size > IMAGE_MAX_BYTES) throw refusedInput({ kind: 'image-too-big', name });
  const form = new FormData();
  form.append('media', image, name);
  form.append('media_category', 'tweet_image');
  const res = await client.request({ method: 'POST', path: '/2/media/upload', form, schema: uploadResponseSchema });
  return stepData(res.body, res.status).id;
}

/**
 * Uploads an animated GIF with X's chunked upload and `media_category=tweet_gif` (see {@link uploadChunked}).
 * @returns the media id, once X has processed the GIF.
 * @throws XApiError ('invalid-request' before sending for a file that is not a GIF or is over 15 MB; see uploadChunked)
 */
export async function uploadGif(client: XClient, gif: Blob, name: string, options: UploadOptions = {}): Promise<string> {
  if (gif.type !== GIF_TYPE) throw invalidInput(`“${name}” is not a GIF.`);
  if (gif.size === 0) throw refusedInput({ kind: 'media-empty', name });
  if (gif.size > GIF_MAX_BYTES) throw refusedInput({ kind: 'gif-too-big', name });
  return uploadChunked(client, gif, name, 'tweet_gif', options);
}

/**
 * Uploads a video for a post with X's chunked upload and `media_category=tweet_video` (see {@link uploadChunked}):
 * MP4 or QuickTime (initializeMediaUpload's `media_type`), at most 512 MB (x-api--media--quickstart--best-practices,
 * "Video specifications": the 0.5–140 second duration is checked where the file is read, in the composer).
 * @returns the media id, once X has processed the video.
 * @throws XApiError ('invalid-request' before sending for a file that is not MP4/QuickTime, empty or over 512 MB;
 *   see uploadChunked)
 */
export async function uploadVideo(client: XClient, video: Blob, name: string, options: UploadOptions = {}): Promise<string> {
  if (!(VIDEO_TYPES as readonly string[]).includes(video.type)) throw invalidInput(`“${name}” is not an MP4 or QuickTime video.`);
  if (video.size === 0) throw refusedInput({ kind: 'media-empty', name });
  if (video.size > VIDEO_MAX_BYTES) throw refusedInput({ kind: 'video-too-big', name });
  return uploadChunked(client, video, name, 'tweet_video', options);
}

/**
 * X's chunked upload (x-api--media--quickstart--media-upload-chunked, --best-practices): POST
 * /2/media/upload/initialize (initializeMediaUpload, JSON; x-api--media--initialize-media-upload), one POST
 * /2/media/upload/{id}/append (appendMediaUpload, multipart `media` and `segment_index`;
 * x-api--media--append-media-upload) per {@link CHUNK_BYTES}, POST /2/media/upload/{id}/finalize
 * (finalizeMediaUpload; x-api--media--finalize-media-upload). A FINALIZE answer without `processing_info` is the
 * media ready (the chunked quickstart, step 3: "If not, the media is ready to use"); with it, GET
 * /2/media/upload?command=STATUS&media_id= (getMediaUploadStatus; x-api--media--get-media-upload-status) after
 * `check_after_secs` until X says `succeeded` or `failed` — any other answer, one without `processing_info` or its
 * `state` included, is checked on again, as the quickstart's own STATUS loop does (step 4) — never sooner than a
 * second apart, at most {@link MAX_STATUS_CHECKS} times and {@link MAX_PROCESSING_WAIT_SECS} seconds of waiting in
 * all. The processing percent told never goes back (the description gives `progress_percent` no order).
 * @throws XApiError ('invalid-request' naming X's reason when X's processing failed; 'unavailable' when X is still
 *   processing after the limits above, or asks to be checked on past them; any failure of the requests themselves)
 */
async function uploadChunked(
  client: XClient,
  file: Blob,
  name: string,
  category: 'tweet_gif' | 'tweet_video',
  options: UploadOptions,
): Promise<string> {
  const sleep = options.sleep ?? realSleep;
  const tell = options.onProgress ?? (() => undefined);
  const where = options.post === undefined ? {} : { post: options.post };

  const init = await client.request({
    method: 'POST',
    path: '/2/media/upload/initialize',
    body: { media_type: file.type, total_bytes: file.size, media_category: category },
    schema: uploadResponseSchema,
  });
  const id = stepData(init.body, init.status).id;
  tell({ phase: 'uploading', percent: 0 });
  for (let index = 0, offset = 0; offset < file.size; index++, offset += CHUNK_BYTES) {
    const form = new FormData();
    form.append('segment_index', String(index));
    form.append('media', file.slice(offset, offset + CHUNK_BYTES, file.type), name);
    // X documents no APPEND answer (x-api--media--quickstart--media-upload-chunked): an empty 2xx is success too.
    const appended = await client.request({
      method: 'POST',
      path: `/2/media/upload/${id}/append`,
      form,
      schema: appendResponseSchema,
      emptyOk: true,
    });
    refusedStep(appended.body, appended.status);
    tell({ phase: 'uploading', percent: Math.floor((Math.min(file.size, offset + CHUNK_BYTES) / file.size) * 100) });
  }
  const finalized = await client.request({ method: 'POST', path: `/2/media/upload/${id}/finalize`, schema: processedSchema });
  refusedStep(finalized.body, finalized.status);

  let processing = finalized.body.data?.processing_info;
  // Without processing_info, FINALIZE says the media is ready (quickstart step 3).
  if (!processing) return id;
  let checks = 0;
  let waitedSecs = 0;
  let shown: number | undefined;
  while (processing?.state !== 'succeeded' && processing?.state !== 'failed') {
    const told = percentOf(processing);
    // X's percent may go back (the description gives it no order): the bar the person watches does not.
    shown = told === undefined ? shown : Math.max(shown ?? 0, told);
    tell(shown === undefined ? { phase: 'processing' } : { phase: 'processing', percent: shown });
    const waitSecs = Math.max(1, Math.ceil(processing?.check_after_secs ?? 1));
    if (checks >= MAX_STATUS_CHECKS) {
      throw new XApiError('unavailable', { ownWords: { kind: 'processing-timeout', name, count: waitedSecs, ...where } });
    }
    // X asked to be checked on later than Perch waits in all (as late as X likes: 1e9 seconds): said as X asked, not
    // as a wait Perch did not make.
    if (waitedSecs + waitSecs > MAX_PROCESSING_WAIT_SECS) {
      throw new XApiError('unavailable', { ownWords: { kind: 'processing-wait-long', name, count: MAX_PROCESSING_WAIT_SECS, ...where } });
    }
    await sleep(waitSecs * 1000);
    waitedSecs += waitSecs;
    checks++;
    const status = await client.request({
      method: 'GET',
      path: '/2/media/upload',
      query: { command: 'STATUS', media_id: id },
      schema: processedSchema,
    });
    refusedStep(status.body, status.status);
    processing = status.body.data?.processing_info;
  }
  if (processing.state === 'failed') throw processingFailed(name, processing, where);
  tell({ phase: 'processing', percent: 100 });
  return id;
}

/** X's `progress_percent`, kept within 0–100 (the description gives it no bounds); undefined when X gives none. */
function percentOf(processing: Processing | undefined): number | undefined {
  const p = processing?.progress_percent;
  return p === undefined || !Number.isFinite(p) ? undefined : Math.min(100, Math.max(0, Math.round(p)));
}

/** X's processing failed: Perch's sentence naming the file, and X's reason (its words, quoted as X's) when it gave one. */
function processingFailed(name: string, processing: Processing, where: { post?: number }): XApiError {
  const reason = processing.error?.message ?? processing.error?.name;
  return new XApiError('invalid-request', {
    ownWords: { kind: reason ? 'processing-failed' : 'processing-failed-no-reason', name, ...where },
    ...(reason ? { problem: { detail: reason } } : {}),
  });
}

/**
 * Uploads one file for a post the way X takes it: a video ({@link uploadVideo}) or a GIF ({@link uploadGif})
 * through the chunked upload, any other image in one request ({@link uploadImage}).
 * @throws XApiError (see uploadImage, uploadGif and uploadVideo)
 */
export function uploadMedia(client: XClient, file: Blob, name: string, options: UploadOptions = {}): Promise<string> {
  if (file.type.startsWith('video/')) return uploadVideo(client, file, name, options);
  return file.type === GIF_TYPE ? uploadGif(client, file, name, options) : uploadImage(client, file, name);
}

/**
 * `MetadataCreateResponse`: `data.associated_metadata` and `data.id`, none of which Perch needs (none required); or
 * `errors` without `data`, X saying why it did not take the description.
 */
const metadataResponseSchema = z.lazy(() =>
  z.looseObject({ data: z.optional(z.looseObject({ id: z.optional(z.string()) })), errors: z.optional(z.array(z.unknown())) }),
);

/**
 * POST /2/media/metadata (operationId createMediaMetadata) — gives an uploaded image or GIF its description for
 * people who cannot see it: `{"id": mediaId, "metadata": {"alt_text": {"text": altText}}}` (the description's
 * `MetadataCreateRequest`; `AltText.text` is at most 1000 characters). Sent after the upload, before the post that
 * carries the media is created. Scope media.write.
 * @throws XApiError ('invalid-request' before sending for a malformed media id, a blank description or one over
 *   {@link ALT_TEXT_MAX} characters; any refusal of X's, a 200 with `errors` and no `data` included, as its errors say)
 */
export async function describeMedia(client: XClient, mediaId: string, altText: string): Promise<void> {
  const id = mediaIdSchema.safeParse(mediaId);
  if (!id.success) throw invalidInput(`The media id ${JSON.stringify(mediaId)} is not one X gives.`);
  if (!altText.trim()) throw invalidInput('An image description cannot be blank.');
  if (codePoints(altText) > ALT_TEXT_MAX) throw invalidInput(`An image description is at most ${ALT_TEXT_MAX} characters.`);
  const res = await client.request({
    method: 'POST',
    path: '/2/media/metadata',
    body: { id: id.data, metadata: { alt_text: { text: altText } } },
    schema: metadataResponseSchema,
  });
  // A 200 of `errors` alone is X not taking the description: the post must not go out as if it had.
  const { data, errors = [] } = res.body;
  if (data === undefined && errors.length) throw notDone(errors, res.status, 'invalid-request');
}
