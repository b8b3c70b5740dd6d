// Long because drafts and publishing are one lifecycle: saving, checking, uploading with descriptions, posting and
// resuming a thread share the draft's row and its single-flight publish; split, each half would re-read the other's.
import { parsePost } from '../text/parse-post';
import { postLimitFor } from '../text/post-limit';
import { loadTldList } from '../text/tld-list';
import { readSessionView } from '../storage';
import type { XClient } from '../x/client';
import { XApiError, xWords } from '../x/errors';
import {
  ALT_TEXT_MAX,
  GIF_MAX_BYTES,
  GIF_TYPE,
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  MAX_POSTS_IN_THREAD,
  VIDEO_MAX_BYTES,
  VIDEO_MAX_SECS,
  VIDEO_MIN_SECS,
  VIDEO_TYPES,
} from '../limits';
import { describeMedia, uploadMedia, type UploadProgress } from '../x/media';
import { createPost } from '../x/posts';
import { db, type DraftMediaRow, type DraftPost } from '../db';
import type { DraftView } from '../views';
import { editedPostId } from '../edit-context';
import type { OwnWords } from '../action-error';
import { saidOf, type ComposeWords } from '../compose-words';
import { ownWordsOf } from '../own-words';
import { ownSaidText } from '../error-words';
import { isReadableDraft, readDraft } from './draft-row';
import { isNumber, isString, optional, textOf } from '../db/row-fields';

/**
 * Drafts and publishing, in the background. A draft is saved on every change and goes away only after X has
 * confirmed every post in it. Publishing is never retried on its own: when the connection drops while X is
 * publishing, nobody can tell whether the post went out, so the draft is kept, marked 'unknown', and the person
 * decides.
 */

export type ComposeErrorKind = 'outcome-unknown' | 'no-draft' | 'invalid-post' | 'invalid-image' | 'reply-refused';

/**
 * A compose failure the person can act on: what happened and what to do, as Perch's sentence by kind and facts
 * (`words`), which the screen words in its reader's language, with X's own words (`said`) beside it when X gave any.
 * Its `message` is that sentence in the background's language, worded only when read (a log): empty for words out of
 * bounds, so the reply carries no sentence of the worker's and the screen says something went wrong in its reader's.
 */
export class ComposeError extends Error {
  readonly kind: ComposeErrorKind;
  /** Posts already published from this draft before the failure (a thread published part-way). */
  readonly publishedIds: string[];
  /**
   * Perch's sentence by kind and facts, only when within bounds (lib/own-words.ts: the reply carries no others);
   * absent for one given as words (lib/services/drafts-open.ts), which `message` says instead, or out of bounds.
   */
  readonly words: OwnWords | undefined;
  /** X's own words for its refusal, kept as X wrote them (shortened past the contract's bound). */
  readonly said: string | undefined;
  constructor(
    kind: ComposeErrorKind,
    words: OwnWords | string,
    publishedIds: string[] = [],
    options?: { cause?: unknown; said?: string | undefined },
  ) {
    super(typeof words === 'string' ? words : '', options);
    const own = typeof words === 'string' ? undefined : ownWordsOf(words);
    const said = saidOf(options?.said);
    if (typeof words !== 'string') {
      Object.defineProperty(this, 'message', { get: () => composeMessage(own, said), configurable: true, enumerable: false });
    }
    this.name = 'ComposeError';
    this.kind = kind;
    this.publishedIds = publishedIds;
    this.words = own;
    this.said = said;
  }
}

/**
 * Perch's sentence with X's words quoted, or nothing for words out of bounds (a bug in Perch): the worker words no
 * failure of its own for a screen, which says something went wrong in its reader's language (lib/messaging.ts).
 */
function composeMessage(own: OwnWords | undefined, said: string | undefined): string {
  return (own && ownSaidText(own, said)) || '';
}

export const draftKey = (accountId: string, context: string) => `${accountId}|${context}`;

/**
 * Reads a draft, or null when there is none. Of a row not of the shape this version reads, what of it reads
 * (lib/services/draft-row.ts `readDraft`): the person sees its text before the first save takes its place.
 */
export async function getDraft(accountId: string, context: string): Promise<DraftView | null> {
  const row = readDraft(await db().drafts.get(draftKey(accountId, context)));
  if (!row) return null;
  const media = await db().draftMedia.where('draftKey').equals(row.key).toArray();
  // Each picture read field by field (lib/db/row-fields.ts), as the draft itself is: a field of another shape reads as
  // none, never as a value the composer cannot draw.
  const byId = new Map(
    media.map((m) => [
      m.id,
      {
        id: m.id,
        name: textOf(m.name),
        type: textOf(m.type),
        size: isNumber(m.size) ? m.size : 0,
        ...optional('alt', m.alt, isString),
        ...optional('durationSecs', m.durationSecs, isNumber),
      },
    ]),
  );
  return {
    context: row.context,
    ...(row.replyToId ? { replyToId: row.replyToId } : {}),
    ...(row.quoteId ? { quoteId: row.quoteId } : {}),
    posts: row.posts.map((p) => ({ text: p.text, media: p.mediaIds.flatMap((id) => byId.get(id) ?? []) })),
    publishedIds: row.publishedIds,
    state: row.state,
    ...(row.replyRefused ? { replyRefused: { ...row.replyRefused } } : {}),
    seq: row.seq,
    updatedAt: row.updatedAt,
  };
}

export interface DraftInput {
  accountId: string;
  context: string;
  /** Increases with every change a screen makes; a save older than the stored one is ignored. */
  seq: number;
  /** Each post, with the description (alt text) of each of its images that has one, by image id. */
  posts: (DraftPost & { alts?: Record<string, string> | undefined })[];
  replyToId?: string | undefined;
  quoteId?: string | undefined;
  /** The @username of the author of the post replied to or quoted, as X named them to the composer. */
  authorUsername?: string | undefined;
}

/**
 * Saves a draft as typed, with the descriptions of its images. Ignores a save older than the one stored (messages
 * can cross). An all-empty draft with no images is removed rather than kept.
 */
export async function saveDraft(input: DraftInput, now = new Date()): Promise<{ saved: boolean }> {
  const key = draftKey(input.accountId, input.context);
  return db().transaction('rw', db().drafts, db().draftMedia, async () => {
    // Of a stored row this version cannot read, what reads: the composer showed it, so this save is made over it.
    const existing = readDraft(await db().drafts.get(key));
    if (existing && existing.seq > input.seq) return { saved: false };
    // A draft lists only its own images: an id of another draft's (another context's or account's) is left out, so
    // this draft never shows, posts or deletes it.
    const asked = input.posts.flatMap((p) => p.mediaIds);
    const theirs = await othersMedia(key, asked);
    const listed = input.posts.map((p) => ({ text: p.text, mediaIds: p.mediaIds.filter((id) => !theirs.has(id)) }));
    const empty = listed.every((p) => !p.text.trim() && p.mediaIds.length === 0);
    if (empty && !existing?.publishedIds.length) {
      await db().drafts.delete(key);
      await db().draftMedia.where('draftKey').equals(key).delete();
      return { saved: true };
    }
    const posts = listed.slice(0, MAX_POSTS_IN_THREAD);
    // Images this save no longer lists, that the stored draft did list, were removed by the person. An image
    // not listed yet may have just been attached (the save announcing it is on its way): it stays.
    const keep = new Set(posts.flatMap((p) => p.mediaIds));
    const removed = [...(existing?.posts ?? []), ...listed.slice(MAX_POSTS_IN_THREAD)]
      .flatMap((p) => p.mediaIds)
      .filter((id) => !keep.has(id));
    const othersRemoved = await othersMedia(key, removed);
    const ownRemoved = removed.filter((id) => !othersRemoved.has(id));
    if (ownRemoved.length) await db().draftMedia.bulkDelete(ownRemoved);
    await saveAlts(key, input.posts.slice(0, MAX_POSTS_IN_THREAD));
    // The post's author as X last named them to a composer: a save from one that was not told keeps the one stored.
    const authorUsername = input.replyToId || input.quoteId ? (input.authorUsername ?? existing?.authorUsername) : undefined;
    await db().drafts.put({
      key,
      accountId: input.accountId,
      context: input.context,
      ...(input.replyToId ? { replyToId: input.replyToId } : {}),
      ...(input.quoteId ? { quoteId: input.quoteId } : {}),
      ...(authorUsername ? { authorUsername } : {}),
      posts,
      publishedIds: existing?.publishedIds ?? [],
      state: existing?.state ?? 'editing',
      ...(existing?.replyRefused ? { replyRefused: existing.replyRefused } : {}),
      ...(existing?.separateFrom !== undefined ? { separateFrom: existing.separateFrom } : {}),
      seq: input.seq,
      updatedAt: now.toISOString(),
    });
    return { saved: true };
  });
}

/** Which of these image ids are stored for a draft other than `key`'s (another context's or account's). */
async function othersMedia(key: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db().draftMedia.bulkGet(ids);
  return new Set(rows.flatMap((row) => (row && row.draftKey !== key ? [row.id] : [])));
}

/** The draft's own stored image of each id, in order: undefined for one gone or another draft's. */
async function ownMedia(key: string, ids: string[]): Promise<(DraftMediaRow | undefined)[]> {
  return (await db().draftMedia.bulkGet(ids)).map((row) => (row?.draftKey === key ? row : undefined));
}

/**
 * Writes the description of each image a save lists, on that draft's own images only: the one given, or none when
 * the save gives none for it (the person removed it).
 */
async function saveAlts(key: string, posts: DraftInput['posts']): Promise<void> {
  const ids = posts.flatMap((p) => p.mediaIds);
  if (!ids.length) return;
  const alts = new Map(posts.flatMap((p) => Object.entries(p.alts ?? {})));
  const rows = await db().draftMedia.bulkGet(ids);
  const changed = rows.flatMap((row): DraftMediaRow[] => {
    if (!row || row.draftKey !== key || row.alt === alts.get(row.id)) return [];
    const { alt: _old, ...rest } = row;
    const alt = alts.get(row.id);
    return [alt === undefined ? rest : { ...rest, alt }];
  });
  if (changed.length) await db().draftMedia.bulkPut(changed);
}

/** Removes a draft and its images. */
export async function discardDraft(accountId: string, context: string): Promise<void> {
  const key = draftKey(accountId, context);
  await db().transaction('rw', db().drafts, db().draftMedia, async () => {
    await db().drafts.delete(key);
    await db().draftMedia.where('draftKey').equals(key).delete();
  });
}

/**
 * Why X would refuse this image, or undefined: a JPEG, PNG, WebP or GIF, not empty, an image up to 5 MB and an
 * animated GIF up to 15 MB (x-api--media--introduction; the GIF is sent in chunks).
 */
function whyImageRefused(image: { name: string; type: string; size: number }): ComposeWords | undefined {
  const { name } = image;
  if (!(IMAGE_TYPES as readonly string[]).includes(image.type)) return { kind: 'image-type', name };
  if (image.size <= 0) return { kind: 'media-empty', name };
  const gif = image.type === GIF_TYPE;
  if (image.size > (gif ? GIF_MAX_BYTES : IMAGE_MAX_BYTES)) return { kind: gif ? 'gif-too-big' : 'image-too-big', name };
  return undefined;
}

/**
 * Keeps an image for a draft (stored until the draft is published or discarded) and returns its id, which the
 * screen then lists in the post's `mediaIds` with its next save.
 * @throws ComposeError 'invalid-image' for a type X does not take, an empty file, an image over 5 MB or a GIF over
 *   15 MB
 */
export async function attachImage(
  accountId: string,
  context: string,
  image: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> },
): Promise<string> {
  const why = whyImageRefused({ name: image.name, type: image.type, size: image.bytes.byteLength });
  if (why) throw new ComposeError('invalid-image', why);
  const id = crypto.randomUUID();
  await db().draftMedia.put({
    id,
    draftKey: draftKey(accountId, context),
    name: image.name,
    type: image.type,
    size: image.bytes.byteLength,
    blob: new Blob([image.bytes], { type: image.type }),
  });
  return id;
}

/** A video being handed over from a screen in parts (a message carries at most {@link VIDEO_PART_BYTES}). */
interface VideoInTransit {
  draftKey: string;
  name: string;
  type: string;
  size: number;
  durationSecs: number;
  parts: Blob[];
  received: number;
}
const videosInTransit = new Map<string, VideoInTransit>();

/** Bytes of a video one `draft.attachVideo` message carries: a screen sends a large video in parts this size. */
export const VIDEO_PART_BYTES = 4 * 1024 * 1024;

export interface VideoPart {
  name: string;
  type: string;
  /** The whole video's size in bytes, and its length in seconds as the screen read it from the file. */
  size: number;
  durationSecs: number;
  /** The id the first part was answered with; absent on the first part. */
  id?: string | undefined;
  /** Where in the video this part starts: the bytes received so far. */
  offset: number;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Why X would refuse this video, or undefined: MP4 or QuickTime (initializeMediaUpload's `media_type`), at most
 * 512 MB and 0.5 to 140 seconds long (x-api--media--quickstart--best-practices, "Video specifications").
 */
export function whyVideoRefused(video: { name: string; type: string; size: number; durationSecs: number }): ComposeWords | undefined {
  const { name } = video;
  if (!(VIDEO_TYPES as readonly string[]).includes(video.type)) return { kind: 'video-type', name };
  if (video.size <= 0) return { kind: 'media-empty', name };
  if (video.size > VIDEO_MAX_BYTES) return { kind: 'video-too-big', name };
  if (!Number.isFinite(video.durationSecs) || video.durationSecs < VIDEO_MIN_SECS || video.durationSecs > VIDEO_MAX_SECS) {
    return { kind: 'video-length', name, count: video.durationSecs };
  }
  return undefined;
}

/**
 * Keeps a video for a draft, handed over in parts of at most {@link VIDEO_PART_BYTES} in order (a whole video would
 * not fit in one message). The first part is answered with the video's id, which the later parts name; the last
 * stores the video (until the draft is published or discarded) and answers `done`, after which the screen lists
 * the id in the post's `mediaIds`.
 * @throws ComposeError 'invalid-image' for a video X would refuse, or a part out of order or past the size given
 */
export async function attachVideo(accountId: string, context: string, part: VideoPart): Promise<{ id: string; done: boolean }> {
  const key = draftKey(accountId, context);
  let video: VideoInTransit | undefined;
  let id = part.id;
  if (id === undefined) {
    const why = whyVideoRefused(part);
    if (why) throw new ComposeError('invalid-image', why);
    id = crypto.randomUUID();
    video = { draftKey: key, name: part.name, type: part.type, size: part.size, durationSecs: part.durationSecs, parts: [], received: 0 };
    // One video on its way per draft: one begun again (the popup closed half-way, then opened) replaces the first,
    // so abandoned parts do not pile up in the background's memory.
    for (const [other, v] of videosInTransit) if (v.draftKey === key) videosInTransit.delete(other);
    videosInTransit.set(id, video);
  } else video = videosInTransit.get(id);
  if (!video || video.draftKey !== key || part.offset !== video.received || video.received + part.bytes.byteLength > video.size) {
    if (id !== undefined) videosInTransit.delete(id);
    throw new ComposeError('invalid-image', { kind: 'not-whole', name: part.name });
  }
  video.parts.push(new Blob([part.bytes], { type: video.type }));
  video.received += part.bytes.byteLength;
  if (video.received < video.size) return { id, done: false };
  videosInTransit.delete(id);
  await db().draftMedia.put({
    id,
    draftKey: key,
    name: video.name,
    type: video.type,
    size: video.size,
    durationSecs: video.durationSecs,
    blob: new Blob(video.parts, { type: video.type }),
  });
  return { id, done: true };
}

/** Which post of the thread (from 1) when the draft is a thread, else nothing: where a refusal's post is. */
function whereInThread(index: number, count: number): { post?: number } {
  return count > 1 ? { post: index + 1 } : {};
}

/** `limit`: the most one post of this account may weigh (280, or X's long-post limit: lib/text/post-limit.ts). */
function whyInvalid(post: DraftPost, index: number, count: number, limit: number): ComposeWords | undefined {
  const where = whereInThread(index, count);
  if (!post.text.trim() && post.mediaIds.length === 0) return { kind: 'nothing-to-post', ...where };
  if (post.text.trim()) {
    const parsed = parsePost(post.text, limit);
    if (!parsed.valid) {
      return parsed.weightedLength > limit
        ? { kind: 'too-long', count: parsed.weightedLength - limit, ...where }
        : { kind: 'bad-character', ...where };
    }
  }
  return undefined;
}

/**
 * Why X would refuse the quote post, or undefined: the post that quotes (a thread's first) carries no media, X's
 * description making `media` "mutually exclusive from Quote Tweet Id" (createPosts, TweetCreateRequest.media). Known
 * before anything is uploaded; the thread's later posts, replies, may carry media.
 */
function quoteWithMedia(quoteId: string | undefined, post: DraftPost, index: number, count: number): ComposeWords | undefined {
  return quoteId && index === 0 && post.mediaIds.length ? { kind: 'quote-media', ...whereInThread(index, count) } : undefined;
}

/**
 * Why X would refuse the post's media, or undefined: a GIF or a video goes alone
 * (x-api--media--quickstart--best-practices: "up to 4 photos, 1 animated GIF or 1 video in a Post").
 */
async function notAlone(key: string, post: DraftPost, index: number, count: number): Promise<ComposeWords | undefined> {
  if (post.mediaIds.length < 2) return undefined;
  const media = await ownMedia(key, post.mediaIds);
  const where = whereInThread(index, count);
  if (media.some((m) => m?.type.startsWith('video/'))) return { kind: 'video-alone', ...where };
  if (!media.some((m) => m?.type === GIF_TYPE)) return undefined;
  return { kind: 'gif-alone', ...where };
}

/**
 * Why an image description of the post cannot go to X, or undefined: a description once added cannot be blank, and
 * is at most X's 1000 characters (`AltText`, createMediaMetadata).
 */
async function altInvalid(key: string, post: DraftPost, index: number, count: number): Promise<ComposeWords | undefined> {
  if (!post.mediaIds.length) return undefined;
  const where = whereInThread(index, count);
  for (const m of await ownMedia(key, post.mediaIds)) {
    if (m?.alt === undefined) continue;
    if (!m.alt.trim()) return { kind: 'alt-empty', name: m.name, ...where };
    const over = [...m.alt].length - ALT_TEXT_MAX;
    if (over > 0) return { kind: 'alt-over', name: m.name, count: over, ...where };
  }
  return undefined;
}

/**
 * Why a stored file of the post cannot go to X, or undefined: gone from the draft, or one X would refuse by the checks
 * made when it was attached ({@link whyImageRefused}, {@link whyVideoRefused}), read from the bytes that would be
 * sent. Made for every post before the first goes out, so a thread never stops half-published on a file Perch could
 * check itself (an empty file stored by an older version, a store edited by hand).
 */
async function mediaUnsendable(key: string, post: DraftPost, index: number, count: number): Promise<ComposeWords | undefined> {
  const where = whereInThread(index, count);
  for (const m of await ownMedia(key, post.mediaIds)) {
    if (!m) return { kind: 'media-gone', ...where };
    const name = textOf(m.name);
    const blob: unknown = m.blob;
    if (!(blob instanceof Blob)) return { kind: 'media-empty', name, ...where };
    const file = { name, type: blob.type, size: blob.size };
    // A video stored without its length (before Perch kept it) is not refused for it: it was sent before.
    const durationSecs = isNumber(m.durationSecs) ? m.durationSecs : VIDEO_MIN_SECS;
    const why = file.type.startsWith('video/') ? whyVideoRefused({ ...file, durationSecs }) : whyImageRefused(file);
    if (why) return { ...why, ...where };
  }
  return undefined;
}

/**
 * Sends the description of an uploaded image to X. X refusing it is the person's to act on: nothing of this post
 * went out, and the draft stays as it is.
 * @throws ComposeError 'invalid-image' when X refuses the description; XApiError for any other failure
 */
async function sendAlt(client: XClient, mediaId: string, name: string, alt: string, published: string[]): Promise<void> {
  try {
    await describeMedia(client, mediaId, alt);
  } catch (error) {
    if (error instanceof XApiError && (error.kind === 'invalid-request' || error.kind === 'forbidden')) {
      // Refused by Perch before sending (`ownWords`, its words): not X's refusal, and never quoted as X's.
      const words = error.ownWords ?? { kind: 'alt-refused', name };
      throw new ComposeError('invalid-image', words, published, { cause: error, said: xWords(error.problem) });
    }
    throw error;
  }
}

/** True when an X failure leaves it unknown whether X published the post. */
function outcomeUnknown(error: unknown): boolean {
  return error instanceof XApiError && (error.kind === 'offline' || error.kind === 'malformed' || (error.status ?? 0) >= 500);
}

export interface PublishOptions {
  /**
   * Posts the thread's remaining posts each on its own, replying to nothing (after X refused one as a reply). Kept
   * with the draft, so posting again after a lost answer goes on the same way.
   */
  separately?: boolean;
}

/**
 * Publishes a draft: each post in order, a thread's later posts as replies to the one before (or, once the person
 * chose so, as separate posts), images uploaded first and each description sent to X right after its image. Resumes after posts already published from it. Deletes the
 * draft once X has confirmed every post. A second call for the same draft while one runs joins it (never a second
 * POST /2/tweets).
 * @returns the ids of every post of the draft, in order.
 * @throws ComposeError ('no-draft', 'invalid-post', 'outcome-unknown'; 'reply-refused' when X refuses a later post
 *   of a thread as a reply: the posts before it stay published, the refusal is kept with the draft), XApiError when
 *   X refuses otherwise (the draft stays).
 */
export function publishDraft(client: XClient, accountId: string, context: string, options: PublishOptions = {}): Promise<string[]> {
  // Single-flight per draft: a second press (a double click, the popup and the side panel at once) joins the
  // publish under way instead of sending its posts a second time.
  const key = draftKey(accountId, context);
  let run = publishing.get(key);
  if (!run) {
    run = publishOnce(client, accountId, context, options).finally(() => {
      publishing.delete(key);
      progress.delete(key);
    });
    publishing.set(key, run);
  }
  return run;
}

/** The publish under way for each draft key. */
const publishing = new Map<string, Promise<string[]>>();

/** How far the upload of a GIF or video is, while a draft is being published: the file's name and X's progress. */
export type PublishProgress = UploadProgress & { name: string };
const progress = new Map<string, PublishProgress>();

/** How far the publish of this draft has got with its GIF or video, or null when none is uploading. */
export function publishProgress(accountId: string, context: string): PublishProgress | null {
  return progress.get(draftKey(accountId, context)) ?? null;
}

async function publishOnce(client: XClient, accountId: string, context: string, options: PublishOptions): Promise<string[]> {
  const key = draftKey(accountId, context);
  const draft = await db().drafts.get(key);
  if (!isReadableDraft(draft)) throw new ComposeError('no-draft', { kind: 'no-draft' });
  // A new attempt: the last refusal no longer stands. Choosing separate posts is kept for every later attempt.
  const separateFrom = options.separately ? (draft.separateFrom ?? Math.max(1, draft.publishedIds.length)) : draft.separateFrom;
  if (draft.replyRefused || separateFrom !== draft.separateFrom) {
    await db().drafts.update(key, { replyRefused: undefined, ...(separateFrom !== undefined ? { separateFrom } : {}) });
  }
  // The post whose outcome is unknown may already be on X: a refusal of it is most likely X's duplicate check, so
  // it is not taken for a reply refusal (posting it separately would not help).
  const unknownAt = draft.state === 'unknown' ? draft.publishedIds.length : -1;
  const remaining = draft.posts.slice(draft.publishedIds.length);
  // The account's own limit: long posts only when X said (GET /2/users/me) its subscription allows them.
  const account = (await readSessionView()).accounts.find((a) => a.id === accountId);
  const limit = postLimitFor(account?.subscriptionType);
  // An edit is one post's new text (x-api--fundamentals--edit-posts): a thread or an image has no place in it.
  const editOf = editedPostId(context);
  if (editOf && (draft.posts.length > 1 || draft.posts.some((p) => p.mediaIds.length))) {
    throw new ComposeError('invalid-post', { kind: 'edit-one-post' }, draft.publishedIds);
  }
  // Counting a post's URLs needs the TLD list, which the background reads on first use (lib/text/tld-list.ts).
  await loadTldList();
  for (const [offset, post] of remaining.entries()) {
    const reason =
      whyInvalid(post, draft.publishedIds.length + offset, draft.posts.length, limit) ??
      quoteWithMedia(draft.quoteId, post, draft.publishedIds.length + offset, draft.posts.length) ??
      (await notAlone(key, post, draft.publishedIds.length + offset, draft.posts.length)) ??
      (await altInvalid(key, post, draft.publishedIds.length + offset, draft.posts.length));
    if (reason) throw new ComposeError('invalid-post', reason, draft.publishedIds);
  }
  for (const [offset, post] of remaining.entries()) {
    const reason = await mediaUnsendable(key, post, draft.publishedIds.length + offset, draft.posts.length);
    if (reason) throw new ComposeError('invalid-image', reason, draft.publishedIds);
  }
  const published = [...draft.publishedIds];
  for (let i = published.length; i < draft.posts.length; i++) {
    const post = draft.posts[i]!;
    const mediaIds: string[] = [];
    for (const id of post.mediaIds) {
      // Another draft's image (listed by a draft saved before drafts kept to their own) is gone from this one.
      const [media] = await ownMedia(key, [id]);
      if (!media) {
        throw new ComposeError('invalid-image', { kind: 'media-gone' }, published);
      }
      // A thread's post is named in the words if X does not have its file ready: the posts before it are on X.
      const mediaId = await uploadMedia(client, media.blob, media.name, {
        ...whereInThread(i, draft.posts.length),
        onProgress: (p) => progress.set(key, { ...p, name: media.name }),
      });
      progress.delete(key);
      // Described once uploaded and before the post is created, so the post goes out with its description.
      if (media.alt?.trim()) await sendAlt(client, mediaId, media.name, media.alt.trim(), published);
      mediaIds.push(mediaId);
    }
    const separate = separateFrom !== undefined && i >= separateFrom;
    const replyTo = i === 0 ? draft.replyToId : separate ? undefined : published[i - 1];
    try {
      const created = await createPost(client, {
        text: post.text,
        ...(replyTo ? { reply: { in_reply_to_tweet_id: replyTo } } : {}),
        ...(i === 0 && draft.quoteId ? { quote_tweet_id: draft.quoteId } : {}),
        ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
        ...(editOf ? { edit_options: { previous_post_id: editOf } } : {}),
      });
      published.push(created.id);
      await db().drafts.update(key, { publishedIds: [...published], state: 'editing' });
    } catch (error) {
      if (outcomeUnknown(error)) {
        await db().drafts.update(key, { state: 'unknown' });
        throw new ComposeError('outcome-unknown', { kind: 'outcome-unknown', ...whereInThread(i, draft.posts.length) }, published, {
          cause: error,
        });
      }
      // X would not take the edit (window over, no edits left, not editable: edit-posts): said, and the text stays.
      if (editOf && error instanceof XApiError && (error.kind === 'forbidden' || error.kind === 'invalid-request')) {
        throw new ComposeError('invalid-post', { kind: 'edit-refused' }, published, { cause: error, said: xWords(error.problem) });
      }
      // A later post of a thread refused as a reply (403, and not about the token, scopes, plan or credits: 'forbidden').
      if (i > 0 && replyTo !== undefined && i !== unknownAt && error instanceof XApiError && error.kind === 'forbidden') {
        const reason = xWords(error.problem);
        await db().drafts.update(key, { replyRefused: { index: i, ...(reason ? { reason } : {}) } });
        throw new ComposeError('reply-refused', { kind: 'reply-refused', post: i + 1 }, published, { cause: error, said: reason });
      }
      throw error;
    }
  }
  await discardDraft(accountId, context);
  return published;
}
