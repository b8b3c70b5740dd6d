/**
 * The X API v2 objects Perch reads, as zod schemas. Every object is a `z.looseObject`, so fields X adds (or
 * that a caller asked for with its own `*.fields`) pass through untouched; only what Perch relies on is checked.
 * Ids stay strings of digits: a JSON number in an id field is refused rather than silently rounded past 2^53
 * (fundamentals--x-ids). Field lists: x-api--fundamentals--data-dictionary.
 *
 * This module imports nothing else from lib/x, so resource modules and pages.ts can share it without cycles.
 */
import { z } from 'zod';

/** An id in an answer from X: a string of digits, never a number. */
export const idSchema = z.string().regex(/^\d+$/);

/** A count (public_metrics, member_count…): an integer; X's description sets no minimum, so neither does Perch. */
const count = z.number().int();

/** A user (data dictionary, "User"); `id`, `name` and `username` are X's default fields. */
export const userSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  username: z.string(),
  profile_image_url: z.string().optional(),
  description: z.string().optional(),
  protected: z.boolean().optional(),
  verified: z.boolean().optional(),
  verified_type: z.string().optional(),
  created_at: z.string().optional(),
  location: z.string().optional(),
  url: z.string().optional(),
  pinned_tweet_id: idSchema.optional(),
  public_metrics: z
    .looseObject({
      followers_count: count.optional(),
      following_count: count.optional(),
      tweet_count: count.optional(),
      listed_count: count.optional(),
    })
    .optional(),
});
export type XUser = z.infer<typeof userSchema>;

/** One URL entity of a post (data dictionary, "Tweet" sample: `entities.urls`). */
export const urlEntitySchema = z.looseObject({
  start: z.number().int(),
  end: z.number().int(),
  url: z.string(),
  expanded_url: z.string().optional(),
  display_url: z.string().optional(),
  unwound_url: z.string().optional(),
  media_key: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
});
export type XUrlEntity = z.infer<typeof urlEntitySchema>;

/**
 * A long post's whole text (data dictionary, `note_tweet`: "the full text of a Post for long-form Posts (>280
 * characters)"; the description's `Tweet.note_tweet`). The post's own `text` then holds only the start, and its
 * `entities` index that start; these `entities` index the whole `text`. X's description requires neither field.
 */
export const noteTweetSchema = z.looseObject({
  text: z.string().optional(),
  entities: z
    .looseObject({
      urls: z.array(urlEntitySchema).optional(),
      mentions: z
        .array(z.looseObject({ start: z.number().int(), end: z.number().int(), username: z.string(), id: idSchema.optional() }))
        .optional(),
    })
    .optional(),
});
export type XNoteTweet = z.infer<typeof noteTweetSchema>;

/**
 * A post (data dictionary, "Post (Tweet)"); `id`, `text` and `edit_history_tweet_ids` are X's default fields.
 * `attachments.media_keys` marks a post with media, a `referenced_tweets` entry of type `quoted` a quote post
 * (`retweeted` and `replied_to` are the other types X documents).
 */
export const postSchema = z.looseObject({
  id: idSchema,
  text: z.string(),
  author_id: idSchema.optional(),
  created_at: z.string().optional(),
  edit_history_tweet_ids: z.array(idSchema).optional(),
  conversation_id: idSchema.optional(),
  in_reply_to_user_id: idSchema.optional(),
  lang: z.string().optional(),
  possibly_sensitive: z.boolean().optional(),
  entities: z.looseObject({ urls: z.array(urlEntitySchema).optional() }).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional(), poll_ids: z.array(idSchema).optional() }).optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: idSchema })).optional(),
  note_tweet: noteTweetSchema.optional(),
  public_metrics: z
    .looseObject({
      retweet_count: count.optional(),
      reply_count: count.optional(),
      like_count: count.optional(),
      quote_count: count.optional(),
      bookmark_count: count.optional(),
      impression_count: count.optional(),
    })
    .optional(),
});
export type XPost = z.infer<typeof postSchema>;

/** A media object (data dictionary, "Media"); `media_key` and `type` (photo, video, animated_gif) are default fields. */
export const mediaSchema = z.looseObject({
  media_key: z.string(),
  type: z.string(),
  url: z.string().optional(),
  preview_image_url: z.string().optional(),
  alt_text: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  duration_ms: z.number().int().optional(),
});
export type XMedia = z.infer<typeof mediaSchema>;

/** A List (data dictionary, "List"); `id` and `name` are X's default fields. */
export const listSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  description: z.string().optional(),
  private: z.boolean().optional(),
  owner_id: idSchema.optional(),
  member_count: count.optional(),
  follower_count: count.optional(),
  created_at: z.string().optional(),
});
export type XList = z.infer<typeof listSchema>;

/** A bookmark folder (GET /2/users/:id/bookmarks/folders): its id and name. */
export const folderSchema = z.looseObject({ id: idSchema, name: z.string() });
export type XBookmarkFolder = z.infer<typeof folderSchema>;

/** A post as a bookmark folder lists it: only its id (hydrate it with getPosts). */
export const postRefSchema = z.looseObject({ id: idSchema });
export type XPostRef = z.infer<typeof postRefSchema>;

/**
 * An array of included objects without those that lack a field Perch needs (`needed`), the rest read with `item`.
 * X's description requires no `id` or `text` of a post and no `media_key` of a media object, so an answer may
 * carry such an object: Perch cannot use it, and leaves it out rather than refuse the page. An object that breaks
 * the description (a numeric id) still makes the whole answer malformed.
 */
function usable<T>(item: z.ZodType<T>, needed: readonly string[]) {
  return z
    .array(z.unknown())
    .transform((items) =>
      items.filter((i) => !!i && typeof i === 'object' && needed.every((k) => (i as Record<string, unknown>)[k] !== undefined)),
    )
    .pipe(z.array(item));
}

/**
 * `includes` of an answer: the objects its expansions pulled in, parsed with the same schemas as `data`. Users
 * carry `id`, `name` and `username` by the description; an included post or media object lacking what Perch
 * needs is left out (see `usable`).
 */
export const includesSchema = z.looseObject({
  users: z.array(userSchema).optional(),
  tweets: usable(postSchema, ['id', 'text']).optional(),
  media: usable(mediaSchema, ['media_key', 'type']).optional(),
});
