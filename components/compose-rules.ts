// What the composer checks before posting, and how it splits an over-long post: pure, so unit tests cover them.
import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import {
  ALT_TEXT_MAX,
  GIF_TYPE,
  MAX_IMAGES_PER_POST,
  MAX_POSTS_IN_THREAD,
  POST_MAX_WEIGHT,
  VIDEO_MAX_BYTES,
  VIDEO_MAX_SECS,
  VIDEO_MIN_SECS,
  VIDEO_TYPES,
} from '@/lib/limits';
import { tooManyCashtags } from '@/lib/self-serve';
import { parsePost } from '@/lib/text/parse-post';
import { isolateBidi } from '@/lib/text/bidi';
import { listOf } from '@/lib/reader-locale';
import { splitIntoThread } from '@/lib/text/split-thread';
import type { EditablePost } from './use-draft';

/**
 * Why the Post button is disabled, or undefined when it is not. `enterprise`: the person's X app is on the
 * Enterprise plan, so X's self-serve cashtag limit does not apply (lib/self-serve). `limit`: the most one post of the
 * account may weigh (280, or X's long-post limit: lib/text/post-limit.ts). `quote`: the first post quotes another,
 * so it carries no media (createPosts: `media` is "mutually exclusive from Quote Tweet Id").
 */
export function whyCannotPost(posts: EditablePost[], enterprise = false, limit = POST_MAX_WEIGHT, quote = false): string | undefined {
  const thread = posts.length > 1;
  for (const [i, post] of posts.entries()) {
    if (!post.text.trim() && post.media.length === 0) {
      return thread ? i18n.t('composer_reason_empty_nth', [numberOf(i + 1)]) : i18n.t('composer_reason_empty');
    }
    if (quote && i === 0 && post.media.length) return i18n.t('composer_reason_quote_media');
    const media = whyMediaRefused(post, i, thread);
    if (media) return media;
    if (!post.text.trim()) continue;
    const parsed = parsePost(post.text, limit);
    const over = parsed.weightedLength - limit;
    if (over > 0) {
      const max = numberOf(limit);
      return thread
        ? i18n.t('composer_reason_over_nth', over, [numberOf(i + 1), numberOf(over), max])
        : i18n.t('composer_reason_over', over, [numberOf(over), max]);
    }
    if (!parsed.valid) return thread ? i18n.t('composer_reason_invalid_nth', [numberOf(i + 1)]) : i18n.t('composer_reason_invalid');
    const cashtags = tooManyCashtags(post.text, enterprise);
    if (cashtags) {
      const named = listOf(cashtags.map((t) => `$${t}`));
      return thread
        ? i18n.t('composer_reason_cashtags_nth', [numberOf(i + 1), numberOf(cashtags.length), named])
        : i18n.t('composer_reason_cashtags', [numberOf(cashtags.length), named]);
    }
  }
  return undefined;
}

/** Whether a file is a video. */
export const isVideo = (type: string) => type.startsWith('video/');

/** Whether a file is one X takes only alone in a post: an animated GIF, or a video. */
const goesAlone = (type: string) => type === GIF_TYPE || isVideo(type);

/** Characters of an image description as X counts them against its limit: code points. */
export const altLength = (alt: string) => [...alt].length;

/**
 * Why X would refuse the post's media, or undefined: X's media rule (4 images, or 1 GIF, or 1 video:
 * x-api--media--quickstart--best-practices) and its descriptions — one added cannot be left blank, and is at most
 * X's 1000 characters (`AltText`, createMediaMetadata).
 */
function whyMediaRefused(post: EditablePost, i: number, thread: boolean): string | undefined {
  if (post.media.length > 1 && post.media.some((m) => isVideo(m.type))) {
    return thread ? i18n.t('composer_reason_video_mix_nth', [numberOf(i + 1)]) : i18n.t('composer_reason_video_mix');
  }
  if (post.media.length > 1 && post.media.some((m) => goesAlone(m.type))) {
    return thread ? i18n.t('composer_reason_media_mix_nth', [numberOf(i + 1)]) : i18n.t('composer_reason_media_mix');
  }
  for (const m of post.media) {
    if (m.alt === undefined) continue;
    if (!m.alt.trim()) {
      return thread ? i18n.t('composer_reason_alt_blank_nth', [numberOf(i + 1), m.name]) : i18n.t('composer_reason_alt_blank', [m.name]);
    }
    if (altLength(m.alt) > ALT_TEXT_MAX) {
      return thread
        ? i18n.t('composer_reason_alt_over_nth', [numberOf(i + 1), m.name, numberOf(ALT_TEXT_MAX)])
        : i18n.t('composer_reason_alt_over', [m.name, numberOf(ALT_TEXT_MAX)]);
    }
  }
  return undefined;
}

/**
 * Which of the files picked for a post it can take under X's media rule (4 images, or 1 GIF, or 1 video), in order,
 * and the first one refused for it: a GIF or video where the post has media or another file is picked, or an image
 * where the post already has a GIF or video (`why` names the one that goes alone). Decided before anything is stored
 * or uploaded. Files past the image count are not refused here (the caller says "up to 4").
 */
export function pickMedia<F extends { name: string; type: string }>(
  post: EditablePost,
  files: readonly F[],
): { take: F[]; refused?: { name: string; why: 'gif-alone' | 'video-alone' } } {
  const take: F[] = [];
  let refused: { name: string; why: 'gif-alone' | 'video-alone' } | undefined;
  const types = post.media.map((m) => m.type);
  for (const file of files) {
    const alone = goesAlone(file.type);
    const clash = alone ? types.length > 0 : types.some(goesAlone);
    if (clash || types.length >= MAX_IMAGES_PER_POST) {
      const video = isVideo(file.type) || types.some(isVideo);
      if (clash) refused ??= { name: file.name, why: video ? 'video-alone' : 'gif-alone' };
      continue;
    }
    take.push(file);
    types.push(file.type);
  }
  return refused ? { take, refused } : { take };
}

/** Whether the post can take another file at all: fewer than 4 images, and no GIF or video. */
export function roomForMedia(post: EditablePost): boolean {
  return post.media.length < MAX_IMAGES_PER_POST && !post.media.some((m) => goesAlone(m.type));
}

/**
 * Why X would refuse a video picked for a post, read before it is stored: its type, its size (at most 512 MB) and its
 * length (0.5 to 140 seconds; `durationSecs` undefined when the file could not be read as a video). Words for the
 * person, or undefined when X would take it (x-api--media--quickstart--best-practices, "Video specifications").
 */
export function whyVideoRefused(video: { name: string; type: string; size: number }, durationSecs: number | undefined): string | undefined {
  if (!(VIDEO_TYPES as readonly string[]).includes(video.type) || durationSecs === undefined || !Number.isFinite(durationSecs)) {
    return i18n.t('composer_video_unreadable', [isolateBidi(video.name)]);
  }
  if (video.size > VIDEO_MAX_BYTES) return i18n.t('composer_video_too_big', [isolateBidi(video.name)]);
  if (durationSecs < VIDEO_MIN_SECS || durationSecs > VIDEO_MAX_SECS) {
    const secs = numberOf(Math.round(durationSecs * 10) / 10);
    return i18n.t('composer_video_length_refused', [isolateBidi(video.name), secs, numberOf(VIDEO_MIN_SECS), numberOf(VIDEO_MAX_SECS)]);
  }
  return undefined;
}

/** A video's length as a clock shows it: 0:05, 2:20. */
export function clockLength(secs: number): string {
  const whole = Math.max(0, Math.round(secs));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The thread with image `id` of post `index` given the description `alt`, or none when `alt` is undefined. */
export function withAlt(posts: EditablePost[], index: number, id: string, alt: string | undefined): EditablePost[] {
  return posts.map((p, j) =>
    j !== index
      ? p
      : {
          ...p,
          media: p.media.map((m) => {
            if (m.id !== id) return m;
            const { alt: _old, ...rest } = m;
            return alt === undefined ? rest : { ...rest, alt };
          }),
        },
  );
}

/**
 * Whether post `post` is over X's limit only by its length, so splitting it into a thread would help: only when it
 * cuts into two posts or more (one grapheme heavier than a post cannot be cut).
 */
export function canSplit(post: EditablePost, limit = POST_MAX_WEIGHT): boolean {
  return parsePost(post.text).weightedLength > limit && splitIntoThread(post.text, limit).length >= 2;
}

/**
 * The thread with post `index` split into numbered parts (" 1/3"), its images kept on the first part; or
 * `{ tooLong }` when the result would hold more posts than X takes in one thread.
 */
export function splitPostInThread(
  posts: EditablePost[],
  index: number,
  limit = POST_MAX_WEIGHT,
): { posts: EditablePost[]; parts: number } | { tooLong: number } {
  const post = posts[index];
  if (!post) return { posts, parts: 0 };
  const parts = splitIntoThread(post.text, limit);
  if (parts.length < 2) return { posts, parts: parts.length };
  if (posts.length - 1 + parts.length > MAX_POSTS_IN_THREAD) return { tooLong: MAX_POSTS_IN_THREAD };
  const split = parts.map((text, i) => ({ text, media: i === 0 ? post.media : [] }));
  return { posts: [...posts.slice(0, index), ...split, ...posts.slice(index + 1)], parts: parts.length };
}
