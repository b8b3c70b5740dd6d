/**
 * Media upload (x-api--media--*):
 *   POST /2/media/upload                       one-shot upload (multipart `media` + `media_category`) of a still
 *                                              image only, or the command=INIT|APPEND|FINALIZE form the chunked
 *                                              quickstart shows
 *   POST /2/media/upload/initialize            chunked INIT (JSON `media_type`, `total_bytes`, `media_category`)
 *   POST /2/media/upload/:id/append            chunked APPEND (multipart `media` + `segment_index`)
 *   POST /2/media/upload/:id/finalize          chunked FINALIZE
 *   GET  /2/media/upload?command=STATUS&media_id=   processing status
 *   POST /2/media/metadata                     alt text of an upload (createMediaMetadata, JSON MetadataCreateRequest)
 *   GET  /media/:media_key.:ext                the uploaded bytes (the media object's `url`; not an X API path)
 * Scope media.write. Images (JPEG, PNG, GIF, WEBP) are checked by their bytes; size limits from
 * x-api--media--introduction / --quickstart--best-practices (image 5 MB, GIF 15 MB, video 512 MB). GIFs and videos
 * go through the chunked flow only (x-api--media--introduction: the simple upload is "images only"; the
 * description's mediaUpload takes `MediaCategoryOneShot` = tweet_image, dm_image, subtitles, and its `media_type`
 * enum has no image/gif).
 * Bodies may be multipart/form-data, application/x-www-form-urlencoded or JSON (base64 `media`).
 */
import { deflateSync } from 'node:zlib';
import { ReplyError, invalidRequest, json, jsonBody, problem, type Reply, type RequestContext } from './http';
import type { Router } from './router';
import type { EmulatorState, MediaRecord, MediaType } from './state';

export const MEDIA_SCOPES = ['media.write'];

/** `media.fields` values (x-api--fundamentals--data-dictionary, Media). */
export const MEDIA_FIELDS = [
  'alt_text',
  'duration_ms',
  'height',
  'media_key',
  'non_public_metrics',
  'organic_metrics',
  'preview_image_url',
  'promoted_metrics',
  'public_metrics',
  'type',
  'url',
  'variants',
  'width',
] as const;

const MB = 1024 * 1024;
export const IMAGE_MAX_BYTES = 5 * MB;
export const GIF_MAX_BYTES = 15 * MB;
export const VIDEO_MAX_BYTES = 512 * MB;
/** One APPEND chunk (emulator choice, after X's v1.1 rule "must be <= 5 MB"). */
export const CHUNK_MAX_BYTES = 5 * MB;
/** How long an upload (and an uploaded media id) lives: the FINALIZE example's `expires_after_secs`. */
export const MEDIA_TTL_SECS = 86_400;
/** Async processing of GIFs/videos from the chunked flow: "pending", then succeeded after `check_after_secs`. */
export const PROCESSING_SECS = 1;
/**
 * A video takes longer: three status checks a second apart, `in_progress` with a growing `progress_percent` between
 * (x-api--media--get-media-upload-status; x-api--media--quickstart--media-upload-chunked, "STATUS").
 */
export const VIDEO_PROCESSING_SECS = 3;

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime'] as const;
const CATEGORIES = ['amplify_video', 'tweet_gif', 'tweet_image', 'tweet_video', 'dm_gif', 'dm_image', 'dm_video', 'subtitles'] as const;
/** mediaUpload's `media_category` (the description's `MediaCategoryOneShot`). Subtitle files are not modelled. */
const ONE_SHOT_CATEGORIES = ['tweet_image', 'dm_image', 'subtitles'] as const;
/** mediaUpload's `media_type` enum (`MediaUploadRequestOneShot`), of which the emulator recognises the images. */
const ONE_SHOT_MEDIA_TYPES = [
  'text/srt',
  'text/vtt',
  'image/jpeg',
  'image/bmp',
  'image/png',
  'image/webp',
  'image/pjpeg',
  'image/tiff',
] as const;
const ONE_SHOT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/**
 * Animated GIF limits past which processing fails (x-api--media--quickstart--best-practices, "Animated GIF
 * recommendations": resolution <= 1280x1080).
 */
export const GIF_MAX_WIDTH = 1280;
export const GIF_MAX_HEIGHT = 1080;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

// ---------------------------------------------------------------------------------------------------------------
// Image bytes
// ---------------------------------------------------------------------------------------------------------------

export interface Sniffed {
  mimeType: string;
  width?: number;
  height?: number;
}

/** Recognises JPEG, PNG, GIF, WEBP (with their dimensions) and MP4/QuickTime by their first bytes. */
export function sniff(b: Buffer): Sniffed | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) {
    return { mimeType: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 10 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) {
    return { mimeType: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { mimeType: 'image/jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + b.readUInt16BE(i + 2);
    }
    return { mimeType: 'image/jpeg' };
  }
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    const chunk = b.toString('latin1', 12, 16);
    if (chunk === 'VP8 ') return { mimeType: 'image/webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = b.readUInt32LE(21);
      return { mimeType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { mimeType: 'image/webp', width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
    return { mimeType: 'image/webp' };
  }
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    return { mimeType: b.toString('latin1', 8, 12) === 'qt  ' ? 'video/quicktime' : 'video/mp4' };
  }
  return undefined;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid single-colour PNG (seed media, tests). */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [29, 155, 240]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------------------------

export interface FormPart {
  name: string;
  data: Buffer;
  filename?: string;
  contentType?: string;
}

function badBody(message: string): ReplyError {
  return new ReplyError(invalidRequest([{ parameters: {}, message }]));
}

/**
 * A small multipart/form-data parser (RFC 7578): parts separated by CRLF--boundary, headers up to the first
 * blank line, `Content-Disposition: form-data; name="…"; filename="…"`, optional `Content-Transfer-Encoding: base64`
 * (x-api--media--quickstart--best-practices). Anything malformed is a 400.
 */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badBody('multipart/form-data body without a boundary.');
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badBody('multipart/form-data body without its boundary.');
  for (;;) {
    pos += delimiter.length;
    if (body.toString('latin1', pos, pos + 2) === '--') break; // closing delimiter
    if (body.toString('latin1', pos, pos + 2) !== '\r\n') throw badBody('Multi-part boundaries must be terminated by a CRLF.');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos, 'latin1');
    if (headerEnd < 0) throw badBody('A multipart part has no header terminator.');
    const headers = new Map<string, string>();
    for (const line of body.toString('utf8', pos, headerEnd).split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n', 'latin1'), delimiter]), headerEnd + 4);
    if (next < 0) throw badBody('A multipart part is not followed by a boundary.');
    let data = body.subarray(headerEnd + 4, next);
    const disposition = headers.get('content-disposition') ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? /\bname=([^;\s]+)/i.exec(disposition)?.[1];
    if (!/^form-data\b/i.test(disposition) || name === undefined)
      throw badBody('A multipart part lacks Content-Disposition: form-data; name="…".');
    if ((headers.get('content-transfer-encoding') ?? '').toLowerCase() === 'base64') data = Buffer.from(data.toString('latin1'), 'base64');
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const partType = headers.get('content-type');
    parts.push({ name, data, ...(filename !== undefined ? { filename } : {}), ...(partType ? { contentType: partType } : {}) });
    pos = next + 2;
  }
  return parts;
}

/** Named values of a media request, whatever the body encoding. `media` in JSON / `media_data` are base64. */
export class MediaForm {
  constructor(private readonly parts: FormPart[]) {}

  static read(ctx: RequestContext): MediaForm {
    const type = (ctx.req.headers['content-type'] ?? '').toLowerCase();
    if (ctx.rawBody.length === 0) return new MediaForm([]);
    if (type.startsWith('multipart/form-data')) return new MediaForm(parseMultipart(ctx.rawBody, ctx.req.headers['content-type']!));
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(ctx.rawBody.toString('utf8'));
      return new MediaForm([...form].map(([name, value]) => ({ name, data: Buffer.from(value, 'utf8') })));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(ctx.rawBody.toString('utf8'));
    } catch {
      throw badBody('Request body is not valid JSON.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badBody('Request body must be a JSON object.');
    const parts: FormPart[] = [];
    for (const [name, value] of Object.entries(parsed)) {
      if (name === 'media' && typeof value === 'string') parts.push({ name, data: Buffer.from(value, 'base64') });
      else if (Array.isArray(value)) parts.push({ name, data: Buffer.from(value.map(String).join(','), 'utf8') });
      else parts.push({ name, data: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8') });
    }
    return new MediaForm(parts);
  }

  has(name: string): boolean {
    return this.parts.some((p) => p.name === name);
  }
  /** The names of the fields sent, each once. */
  names(): string[] {
    return [...new Set(this.parts.map((p) => p.name))];
  }
  text(name: string): string | undefined {
    return this.parts.find((p) => p.name === name)?.data.toString('utf8');
  }
  /** The binary `media` part, or the base64 `media_data` field. */
  file(): Buffer | undefined {
    const media = this.parts.find((p) => p.name === 'media');
    if (media) return media.data;
    const data = this.text('media_data');
    return data === undefined ? undefined : Buffer.from(data, 'base64');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------------------

function mediaTypeOf(mime: string): MediaType {
  if (mime === 'image/gif') return 'animated_gif';
  if (mime.startsWith('video/')) return 'video';
  return 'photo';
}

const KEY_PREFIX: Record<MediaType, string> = { photo: '3', animated_gif: '16', video: '13' };

function sizeLimit(type: MediaType): number {
  return type === 'photo' ? IMAGE_MAX_BYTES : type === 'animated_gif' ? GIF_MAX_BYTES : VIDEO_MAX_BYTES;
}

function param(name: string, value: string, message: string): ReplyError {
  return new ReplyError(invalidRequest([{ parameters: { [name]: [value] }, message }]));
}

/** A media id that is this user's (owner or additional owner), finalized, processed and not expired. */
export function mediaUsable(state: EmulatorState, m: MediaRecord | undefined, userId: string): boolean {
  if (!m) return false;
  if (m.ownerId !== userId && !m.additionalOwners.includes(userId)) return false;
  if (m.state !== 'finalized' || state.now() >= m.expiresAt || processingFailures.has(m)) return false;
  return m.processingReadyAt === undefined || state.now() >= m.processingReadyAt;
}

/** Adds a finished media record (one-shot upload, seed). */
export function storeMedia(
  state: EmulatorState,
  o: {
    ownerId: string;
    bytes: Buffer;
    mimeType: string;
    category?: string;
    createdAt?: number;
    id?: string;
    width?: number;
    height?: number;
    altText?: string;
  },
): MediaRecord {
  const createdAt = o.createdAt ?? state.now();
  const id = o.id ?? state.nextId(createdAt);
  if (o.id) state.noteId(o.id);
  const type = mediaTypeOf(o.mimeType);
  const record: MediaRecord = {
    id,
    mediaKey: `${KEY_PREFIX[type]}_${id}`,
    ownerId: o.ownerId,
    additionalOwners: [],
    type,
    mimeType: o.mimeType,
    category: o.category ?? (type === 'photo' ? 'tweet_image' : type === 'animated_gif' ? 'tweet_gif' : 'tweet_video'),
    totalBytes: o.bytes.length,
    segments: new Map(),
    bytes: o.bytes,
    state: 'finalized',
    createdAt,
    expiresAt: createdAt + MEDIA_TTL_SECS * 1000,
    ...(o.width !== undefined ? { width: o.width } : {}),
    ...(o.height !== undefined ? { height: o.height } : {}),
    ...(o.altText !== undefined ? { altText: o.altText } : {}),
  };
  state.media.set(id, record);
  return record;
}

function mediaUrl(state: EmulatorState, m: MediaRecord): string {
  return `${state.baseUrl}/media/${m.mediaKey}.${EXTENSIONS[m.mimeType] ?? 'bin'}`;
}

/** A media object for `includes.media`: default fields media_key and type plus the requested `media.fields`. */
export function serializeMedia(state: EmulatorState, m: MediaRecord, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { media_key: m.mediaKey, type: m.type };
  for (const f of fields) {
    switch (f) {
      case 'url':
        if (m.type === 'photo') out.url = mediaUrl(state, m);
        break;
      case 'preview_image_url':
        if (m.type !== 'photo') out.preview_image_url = mediaUrl(state, m);
        break;
      case 'width':
        if (m.width !== undefined) out.width = m.width;
        break;
      case 'height':
        if (m.height !== undefined) out.height = m.height;
        break;
      case 'public_metrics':
        if (m.type === 'video') out.public_metrics = { view_count: 0 };
        break;
      case 'variants':
        if (m.type !== 'photo') out.variants = [{ content_type: m.type === 'video' ? m.mimeType : 'video/mp4', url: mediaUrl(state, m) }];
        break;
      case 'alt_text':
        // Photo.alt_text (openapi.json; x-api--fundamentals--data-dictionary, Media): only when the media has one.
        if (m.altText !== undefined) out.alt_text = m.altText;
        break;
      default:
        // duration_ms, *_metrics: not modelled (omitted).
        break;
    }
  }
  return out;
}

function expiresAfter(state: EmulatorState, m: MediaRecord): number {
  // Rounded, not floored: a millisecond spent handling the request must not turn 86400 into 86399.
  return Math.max(0, Math.round((m.expiresAt - state.now()) / 1000));
}

/** Why X's processing of an upload fails (set at FINALIZE, shown once processing is over). */
const processingFailures = new WeakMap<MediaRecord, string>();

function processingInfo(state: EmulatorState, m: MediaRecord): Record<string, unknown> | undefined {
  if (m.processingReadyAt === undefined) return undefined;
  const left = m.processingReadyAt - state.now();
  const failure = processingFailures.get(m);
  // `error` { code, name, message } is not in the description's ProcessingInfo (getMediaUploadStatus,
  // MediaUploadResponse); X's v1.1 STATUS answers carried it (observed), and the v2 answers keep processing_info's
  // shape. A strict X (bare answers, bare.ts) sends only what its description lists: `failed`, and no reason.
  if (left <= 0 && failure) {
    if (state.bareAnswers) return { state: 'failed', progress_percent: 100 };
    return { state: 'failed', progress_percent: 100, error: { code: 1, name: 'InvalidMedia', message: failure } };
  }
  if (left <= 0) return { state: 'succeeded', progress_percent: 100 };
  if (m.type === 'video') {
    // A video reports how far it is, and asks to be checked again in a second (x-api--media--get-media-upload-status).
    const total = VIDEO_PROCESSING_SECS * 1000;
    const percent = Math.min(99, Math.max(1, Math.floor(((total - left) / total) * 100)));
    return { state: 'in_progress', check_after_secs: 1, progress_percent: percent };
  }
  return { state: 'in_progress', check_after_secs: Math.max(1, Math.ceil(left / 1000)), progress_percent: 50 };
}

/** Finds the caller's own upload `id`; unknown, someone else's or expired → 400 naming `media_id`. */
function ownUpload(ctx: RequestContext, id: string): MediaRecord {
  const m = /^[0-9]{1,19}$/.test(id) ? ctx.state.media.get(id) : undefined;
  if (!m || m.ownerId !== ctx.auth!.userId || ctx.state.now() >= m.expiresAt) {
    throw param('media_id', id, `The media_id [${id}] is not a valid upload of yours, or it has expired.`);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------------------------

function checkCategory(category: string | undefined, allowed: readonly string[]): void {
  if (category !== undefined && !allowed.includes(category)) {
    throw param('media_category', category, `The \`media_category\` value [${category}] is not one of [${allowed.join(',')}]`);
  }
}

/** The properties of the description's `MediaUploadRequestOneShot` (`additionalProperties: false`). */
const ONE_SHOT_FIELDS = ['additional_owners', 'media', 'media_category', 'media_type', 'shared'];

/**
 * What mediaUpload's requestBody allows besides the values themselves: `MediaUploadRequestOneShot` as
 * multipart/form-data or application/json (openapi.json; x-api--media--upload-media), no property it does not name,
 * and `shared` a boolean. The chunked `command` fields are read before this, as the chunked quickstart shows them.
 */
function checkOneShotRequest(ctx: RequestContext, form: MediaForm): void {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'multipart/form-data' && type !== 'application/json') {
    throw badBody('The request body must be multipart/form-data or application/json.');
  }
  for (const name of form.names()) {
    if (!ONE_SHOT_FIELDS.includes(name)) {
      throw badBody(`$.${name}: is not defined in the schema and the schema does not allow additional properties`);
    }
  }
  const shared = form.text('shared');
  if (shared !== undefined && shared !== 'true' && shared !== 'false') {
    throw param('shared', shared, `The \`shared\` value [${shared}] is not a boolean.`);
  }
}

function oneShot(ctx: RequestContext, form: MediaForm): Reply {
  checkOneShotRequest(ctx, form);
  const bytes = form.file();
  if (!bytes || bytes.length === 0) throw param('media', '', 'The `media` field is required.');
  const category = form.text('media_category');
  if (category === undefined) throw param('media_category', '', 'The `media_category` field is required.');
  checkCategory(category, ONE_SHOT_CATEGORIES);
  const declared = form.text('media_type');
  if (declared !== undefined && !(ONE_SHOT_MEDIA_TYPES as readonly string[]).includes(declared)) {
    throw param('media_type', declared, `The \`media_type\` value [${declared}] is not one of [${ONE_SHOT_MEDIA_TYPES.join(',')}]`);
  }
  const sniffed = sniff(bytes);
  // A GIF is refused whatever its category: GIFs go through the chunked upload with tweet_gif
  // (x-api--media--introduction "simple upload (images only)"; --quickstart--best-practices; mediaUpload's
  // MediaUploadRequestOneShot has no GIF category or media_type). Wording ours.
  if (sniffed?.mimeType === 'image/gif') {
    throw param(
      'media',
      'image/gif',
      'GIFs must be uploaded with the chunked upload (/2/media/upload/initialize) and media_category tweet_gif.',
    );
  }
  if (
    category === 'subtitles' ||
    !sniffed ||
    !(ONE_SHOT_IMAGE_TYPES as readonly string[]).includes(sniffed.mimeType) ||
    (declared && declared !== sniffed.mimeType)
  ) {
    throw param('media', declared ?? '', 'media type unrecognized.');
  }
  const limit = sizeLimit(mediaTypeOf(sniffed.mimeType));
  if (bytes.length > limit) throw param('media', String(bytes.length), `File size exceeds ${limit} bytes.`);
  const m = storeMedia(ctx.state, {
    ownerId: ctx.auth!.userId,
    bytes,
    mimeType: sniffed.mimeType,
    category,
    ...(sniffed.width !== undefined ? { width: sniffed.width } : {}),
    ...(sniffed.height !== undefined ? { height: sniffed.height } : {}),
  });
  m.additionalOwners = ownersOf(form);
  return json(200, { data: { id: m.id, media_key: m.mediaKey, size: m.totalBytes, expires_after_secs: expiresAfter(ctx.state, m) } });
}

function ownersOf(form: MediaForm): string[] {
  const raw = form.text('additional_owners');
  if (!raw) return [];
  const owners = raw.split(',').map((s) => s.trim());
  for (const o of owners)
    if (!/^[0-9]{1,19}$/.test(o)) throw param('additional_owners', o, `The \`additional_owners\` value [${o}] is not a user id`);
  return owners;
}

function initialize(ctx: RequestContext, form: MediaForm): Reply {
  const mimeType = form.text('media_type');
  const supported: readonly string[] = [...IMAGE_TYPES, ...VIDEO_TYPES];
  if (mimeType === undefined) throw param('media_type', '', 'The `media_type` field is required.');
  if (!supported.includes(mimeType))
    throw param('media_type', mimeType, `The \`media_type\` value [${mimeType}] is not one of [${supported.join(',')}]`);
  const rawTotal = form.text('total_bytes');
  const total = rawTotal !== undefined && /^[0-9]+$/.test(rawTotal) ? Number(rawTotal) : NaN;
  if (!(total > 0)) throw param('total_bytes', rawTotal ?? '', 'The `total_bytes` field must be a positive integer.');
  const category = form.text('media_category');
  checkCategory(category, CATEGORIES);
  const type = mediaTypeOf(mimeType);
  const limit = sizeLimit(type);
  if (total > limit) throw param('total_bytes', String(total), `File size exceeds ${limit} bytes.`);
  const now = ctx.state.now();
  const id = ctx.state.nextId(now);
  const m: MediaRecord = {
    id,
    mediaKey: `${KEY_PREFIX[type]}_${id}`,
    ownerId: ctx.auth!.userId,
    additionalOwners: ownersOf(form),
    type,
    mimeType,
    category: category ?? (type === 'photo' ? 'tweet_image' : type === 'animated_gif' ? 'tweet_gif' : 'tweet_video'),
    totalBytes: total,
    segments: new Map(),
    state: 'uploading',
    createdAt: now,
    expiresAt: now + MEDIA_TTL_SECS * 1000,
  };
  ctx.state.media.set(id, m);
  return json(200, { data: { id, media_key: m.mediaKey, expires_after_secs: MEDIA_TTL_SECS } });
}

/** The properties of the description's `MediaUploadConfigRequest` (`additionalProperties: false`). */
const CONFIG_REQUEST_FIELDS = ['additional_owners', 'media_category', 'media_type', 'shared', 'total_bytes'];

/**
 * POST /2/media/upload/initialize (initializeMediaUpload): its requestBody is `MediaUploadConfigRequest` as
 * application/json only, with no other properties (openapi.json; x-api--media--initialize-media-upload), so a form,
 * or a property the schema does not name, is refused as X refuses it.
 */
function initializeRoute(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  for (const name of Object.keys(body)) {
    if (!CONFIG_REQUEST_FIELDS.includes(name)) {
      throw badBody(`$.${name}: is not defined in the schema and the schema does not allow additional properties`);
    }
  }
  return initialize(ctx, MediaForm.read(ctx));
}

function append(ctx: RequestContext, form: MediaForm, id: string): Reply {
  const m = ownUpload(ctx, id);
  if (m.state !== 'uploading') throw param('media_id', id, `The media_id [${id}] has already been finalized.`);
  const rawIndex = form.text('segment_index');
  const index = rawIndex !== undefined && /^[0-9]+$/.test(rawIndex) ? Number(rawIndex) : NaN;
  if (!(index >= 0 && index <= 999))
    throw param('segment_index', rawIndex ?? '', 'The `segment_index` field must be an integer between 0 and 999.');
  const chunk = form.file();
  if (!chunk || chunk.length === 0) throw param('media', '', 'The `media` field is required.');
  if (chunk.length > CHUNK_MAX_BYTES) throw param('media', String(chunk.length), `File size exceeds ${CHUNK_MAX_BYTES} bytes.`);
  m.segments.set(index, chunk);
  return json(200, { data: { expires_at: Math.floor(m.expiresAt / 1000) } });
}

/** FINALIZE of an upload that is already finalized: the same answer, with the current processing state. */
function finalizeReply(ctx: RequestContext, m: MediaRecord): Reply {
  const info = processingInfo(ctx.state, m);
  return json(200, {
    data: {
      id: m.id,
      media_key: m.mediaKey,
      size: m.totalBytes,
      expires_after_secs: expiresAfter(ctx.state, m),
      ...(info ? { processing_info: info } : {}),
    },
  });
}

function finalize(ctx: RequestContext, id: string): Reply {
  const m = ownUpload(ctx, id);
  if (m.state === 'finalized') return finalizeReply(ctx, m);
  const indices = [...m.segments.keys()].sort((a, b) => a - b);
  const bytes = Buffer.concat(indices.map((i) => m.segments.get(i)!));
  if (indices.some((i, n) => i !== n) || bytes.length !== m.totalBytes) {
    throw param('media_id', id, 'Segments do not add up to provided total file size.');
  }
  const sniffed = sniff(bytes);
  const sameFamily = sniffed && (m.type === 'video' ? sniffed.mimeType.startsWith('video/') : sniffed.mimeType === m.mimeType);
  if (!sameFamily) throw param('media_type', m.mimeType, 'media type unrecognized.');
  const now = ctx.state.now();
  m.bytes = bytes;
  m.segments.clear();
  m.state = 'finalized';
  m.expiresAt = now + MEDIA_TTL_SECS * 1000;
  if (sniffed.width !== undefined) m.width = sniffed.width;
  if (sniffed.height !== undefined) m.height = sniffed.height;
  if (m.type !== 'photo') m.processingReadyAt = now + (m.type === 'video' ? VIDEO_PROCESSING_SECS : PROCESSING_SECS) * 1000;
  // The switch for a video X cannot process (POST /__emulator/config video_processing_error): X's STATUS then says
  // `failed` with its `error` (x-api--media--get-media-upload-status; the words are the test's).
  if (m.type === 'video' && ctx.state.videoProcessingError) processingFailures.set(m, ctx.state.videoProcessingError);
  if (m.type === 'animated_gif' && ((m.width ?? 0) > GIF_MAX_WIDTH || (m.height ?? 0) > GIF_MAX_HEIGHT)) {
    processingFailures.set(m, `The GIF is ${m.width}x${m.height}; the largest X takes is ${GIF_MAX_WIDTH}x${GIF_MAX_HEIGHT}.`);
  }
  const data: Record<string, unknown> = {
    id: m.id,
    media_key: m.mediaKey,
    size: m.totalBytes,
    expires_after_secs: MEDIA_TTL_SECS,
  };
  if (m.processingReadyAt !== undefined) data.processing_info = { state: 'pending', check_after_secs: PROCESSING_SECS };
  // x-api--media--finalize-media-upload: a tweet_video FINALIZE answers with processing_info until X has processed it.
  return json(200, { data });
}

function status(ctx: RequestContext): Reply {
  const command = ctx.query.get('command');
  if (command !== null && command !== 'STATUS') throw param('command', command, 'The `command` query parameter value must be STATUS.');
  const id = ctx.query.get('media_id');
  if (id === null) throw param('media_id', '', 'The `media_id` query parameter is required.');
  const m = ownUpload(ctx, id);
  if (m.state !== 'finalized') throw param('media_id', id, `The media_id [${id}] has not been finalized.`);
  return json(200, {
    data: {
      id: m.id,
      media_key: m.mediaKey,
      size: m.totalBytes,
      expires_after_secs: expiresAfter(ctx.state, m),
      processing_info: processingInfo(ctx.state, m) ?? { state: 'succeeded', progress_percent: 100 },
    },
  });
}

function upload(ctx: RequestContext): Reply {
  const form = MediaForm.read(ctx);
  const command = form.text('command');
  if (command === undefined) return oneShot(ctx, form);
  const mediaId = form.text('media_id') ?? '';
  switch (command) {
    case 'INIT':
      return initialize(ctx, form);
    case 'APPEND':
      return append(ctx, form, mediaId);
    case 'FINALIZE':
      return finalize(ctx, mediaId);
    default:
      throw param('command', command, `The \`command\` value [${command}] is not one of [INIT,APPEND,FINALIZE]`);
  }
}

/** `AltText.text`'s maxLength in the description (createMediaMetadata: "Description of media ( <= 1000 characters )"). */
export const ALT_TEXT_MAX = 1000;

/**
 * POST /2/media/metadata (operationId createMediaMetadata; openapi.json `MetadataCreateRequest` /
 * `MetadataCreateResponse`; rate limit 500/15min per user, x-api--fundamentals--rate-limits "Media"). The body is
 * JSON: `id` (MediaId, required) and an optional `metadata` object, of which the emulator keeps `alt_text`
 * (`AltText`: `text` required, a string of at most 1000 characters, counted as code points like JSON Schema's
 * maxLength). The other metadata members are accepted when they are objects and not modelled. The media must be
 * the caller's own upload, unexpired; the description puts no other condition on it. Answers
 * `{"data":{"id","associated_metadata":{"alt_text":{"text"}}}}`.
 */
function createMetadata(ctx: RequestContext): Reply {
  const contentType = (ctx.req.headers['content-type'] ?? '').toLowerCase();
  // The description's requestBody has only application/json.
  if (!contentType.startsWith('application/json')) throw badBody('The request body must be application/json.');
  const body = jsonBody(ctx);
  const id = body.id;
  if (id === undefined) throw param('id', '', 'The `id` field is required.');
  if (typeof id !== 'string' || !/^[0-9]{1,19}$/.test(id))
    throw param('id', String(id), `The \`id\` value [${String(id)}] is not a media id.`);
  const metadata = body.metadata;
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) {
    throw param('metadata', String(metadata), 'The `metadata` field must be an object.');
  }
  const fields = (metadata ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw param(`metadata.${name}`, String(value), `The \`metadata.${name}\` field must be an object.`);
    }
  }
  let altText: string | undefined;
  if (fields.alt_text !== undefined) {
    const text = (fields.alt_text as Record<string, unknown>).text;
    if (text === undefined) throw param('metadata.alt_text.text', '', 'The `metadata.alt_text.text` field is required.');
    if (typeof text !== 'string')
      throw param('metadata.alt_text.text', String(text), 'The `metadata.alt_text.text` field must be a string.');
    if ([...text].length > ALT_TEXT_MAX) {
      throw param('metadata.alt_text.text', text, `The \`metadata.alt_text.text\` field is longer than ${ALT_TEXT_MAX} characters.`);
    }
    altText = text;
  }
  const m = ownUpload(ctx, id);
  if (altText !== undefined) m.altText = altText;
  return json(200, {
    data: { id: m.id, associated_metadata: m.altText !== undefined ? { alt_text: { text: m.altText } } : {} },
  });
}

function serveFile(ctx: RequestContext): Reply {
  const file = ctx.params.file ?? '';
  const key = file.replace(/\.[a-z0-9]+$/i, '');
  const m = [...ctx.state.media.values()].find((x) => x.mediaKey === key);
  if (!m?.bytes) return problem(404, 'Not Found');
  return { status: 200, raw: m.bytes, contentType: m.mimeType, headers: { 'cache-control': 'public, max-age=3600' } };
}

export function registerMediaRoutes(router: Router): void {
  const common = { auth: 'user' as const, scopes: MEDIA_SCOPES };
  router.add({ method: 'POST', path: '/2/media/upload', ...common, query: [], handler: upload });
  router.add({ method: 'GET', path: '/2/media/upload', ...common, query: ['command', 'media_id'], handler: status });
  router.add({
    method: 'POST',
    path: '/2/media/upload/initialize',
    ...common,
    query: [],
    handler: initializeRoute,
  });
  router.add({
    method: 'POST',
    path: '/2/media/upload/:id/append',
    ...common,
    query: [],
    handler: (ctx) => append(ctx, MediaForm.read(ctx), ctx.params.id ?? ''),
  });
  router.add({
    method: 'POST',
    path: '/2/media/upload/:id/finalize',
    ...common,
    query: [],
    handler: (ctx) => finalize(ctx, ctx.params.id ?? ''),
  });
  router.add({ method: 'POST', path: '/2/media/metadata', ...common, query: [], handler: createMetadata });
  router.add({ method: 'GET', path: '/media/:file', auth: 'none', handler: serveFile });
}
