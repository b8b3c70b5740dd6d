/**
 * X's limits that Perch checks before it asks X, each said once, with the page of X's docs (or the OpenAPI
 * description, /work/shared/x-openapi) it comes from. Plain constants: the screens and the background import them
 * alike, so a counter, a form's hint and the background's check never disagree.
 */

/** A post weighs at most 280 (fundamentals--counting-characters: `maxWeightedTweetLength`). */
export const POST_MAX_WEIGHT = 280;

/**
 * Posts in one thread Perch publishes. X's API has no thread limit (each post is a reply to the one before,
 * x-api--posts--manage-tweets--introduction); 25 is x.com's own composer limit, which Perch keeps.
 */
export const MAX_POSTS_IN_THREAD = 25;

/** Images in a post: "up to 4 photos, 1 animated GIF or 1 video in a Post" (x-api--media--quickstart--best-practices). */
export const MAX_IMAGES_PER_POST = 4;

/** Image types X accepts for a post (x-api--media--quickstart--best-practices, "Supported image media types"). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
/** An animated GIF: it goes in a post on its own, through the chunked upload (x-api--media--quickstart--best-practices). */
export const GIF_TYPE = 'image/gif';

/**
 * A description (alt text) of an image or GIF is at most 1000 characters: `AltText.text` in X's OpenAPI description
 * ("Description of media ( <= 1000 characters )", maxLength 1000; createMediaMetadata), counted as code points.
 */
export const ALT_TEXT_MAX = 1000;

const MB = 1024 * 1024;
/** An image is at most 5 MB (x-api--media--quickstart--best-practices, "Image size"; x-api--media--introduction). */
export const IMAGE_MAX_BYTES = 5 * MB;
/** An animated GIF is at most 15 MB (x-api--media--quickstart--best-practices, "Animated GIF size"). */
export const GIF_MAX_BYTES = 15 * MB;
/**
 * Video types Perch sends for a post: MP4 and QuickTime, both in initializeMediaUpload's `media_type` enum
 * (openapi.json `MediaUploadConfigRequest`); MP4 is what X recommends (x-api--media--quickstart--best-practices).
 */
export const VIDEO_TYPES = ['video/mp4', 'video/quicktime'] as const;
/** A video is at most 512 MB (x-api--media--quickstart--best-practices, "File size: must not exceed 512 mb"). */
export const VIDEO_MAX_BYTES = 512 * MB;
/** A video lasts 0.5 to 140 seconds (x-api--media--quickstart--best-practices, "Duration"). */
export const VIDEO_MIN_SECS = 0.5;
export const VIDEO_MAX_SECS = 140;

/**
 * A List name is 1 to 25 characters (Unicode code points), a description at most 100: the POST /2/lists and
 * PUT /2/lists/:id body schema in X's API reference (x-api--lists--manage-lists--introduction; the local pages are
 * one-line stubs).
 */
export const LIST_NAME_MAX = 25;
/** See LIST_NAME_MAX. */
export const LIST_DESCRIPTION_MAX = 100;

/**
 * An id as X makes them (a post's, a user's, a List's): openapi.json's `TweetId`/`UserId` are `^[0-9]{1,19}$`, and X
 * writes its ids without leading zeros, so '0001' and '1' are never two posts. Any 19 digits are X's: the ids are
 * 64-bit *unsigned* integers (fundamentals--x-ids), so past 2^63 − 1 too. Used where the id comes from outside X's
 * answers: a file (there '0001' would be a second row for post 1) or a tab's address (lib/x-url.ts).
 */
export function isXId(id: string): boolean {
  return /^[1-9]\d{0,18}$/.test(id);
}

/** An X username: 1 to 15 letters, digits or underscores (openapi.json `UserName` pattern). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,15}$/;

// Perch's own limits on what the person organises locally (issue 14): none of it ever reaches X.

/** A private note on a bookmark is at most 500 characters (code points). */
export const BOOKMARK_NOTE_MAX = 500;
/** A saved search's name, and its query, in characters. */
export const SAVED_SEARCH_NAME_MAX = 60;
export const SAVED_SEARCH_QUERY_MAX = 500;
/** The largest bookmarks export Perch imports (characters of JSON: far above 800 bookmarks with notes). */
export const IMPORT_MAX_CHARS = 20 * MB;
/** The most entries one imported file may hold. */
export const IMPORT_MAX_ENTRIES = 50_000;
