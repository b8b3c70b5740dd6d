/**
 * The X API v2 objects Perch reads, as zod schemas. Every object is a `z.looseObject`, so fields X adds (or
 * that a caller asked for with its own `*.fields`) pass through untouched; only what Perch relies on is checked.
 * Ids stay strings of digits: a JSON number in an id field is refused rather than silently rounded past 2^53
 * (fundamentals--x-ids). Field lists: x-api--fundamentals--data-dictionary.
 *
 * This module imports nothing else from lib/x, so resource modules and pages.ts can share it without cycles.
 * Each object schema is `z.lazy`: built on its first answer from X, not when the background loads, so a woken worker
 * answering a screen does not build schemas it will not use (issue 13; the resource modules do the same).
 */
import * as z from 'zod/mini';

/** An id in an answer from X: a string of digits, never a number. */
export const idSchema = z.string().check(z.regex(/^\d+$/));

/** A count (public_metrics, member_count…): an integer; X's description sets no minimum, so neither does Perch. */
const count = z.int();

/** A user (data dictionary, "User"); `id`, `name` and `username` are X's default fields. */
export const userSchema = z.lazy(() =>
  z.looseObject({
    id: idSchema,
    name: z.string(),
    username: z.string(),
    profile_image_url: z.optional(z.string()),
    description: z.optional(z.string()),
    protected: z.optional(z.boolean()),
    verified: z.optional(z.boolean()),
    verified_type: z.optional(z.string()),
    /** Only for the authenticated user, when asked for (GET /2/users/me; data dictionary, User: `subscription_type`). */
    subscription_type: z.optional(z.string()),
    created_at: z.optional(z.string()),
    location: z.optional(z.string()),
    url: z.optional(z.string()),
    pinned_tweet_id: z.optional(idSchema),
    public_metrics: z.optional(
      z.looseObject({
        followers_count: z.optional(count),
        following_count: z.optional(count),
        tweet_count: z.optional(count),
        listed_count: z.optional(count),
      }),
    ),
  }),
);
export type XUser = z.infer<typeof userSchema>;

/** One URL entity of a post (data dictionary, "Tweet" sample: `entities.urls`). */
export const urlEntitySchema = z.lazy(() =>
  z.looseObject({
    start: z.int(),
    end: z.int(),
    url: z.string(),
    expanded_url: z.optional(z.string()),
    display_url: z.optional(z.string()),
    unwound_url: z.optional(z.string()),
    media_key: z.optional(z.string()),
    title: z.optional(z.string()),
    description: z.optional(z.string()),
  }),
);
export type XUrlEntity = z.infer<typeof urlEntitySchema>;

/**
 * A long post's whole text (data dictionary, `note_tweet`: "the full text of a Post for long-form Posts (>280
 * characters)"; the description's `Tweet.note_tweet`). The post's own `text` then holds only the start, and its
 * `entities` index that start; these `entities` index the whole `text`. X's description requires neither field.
 */
export const noteTweetSchema = z.lazy(() =>
  z.looseObject({
    text: z.optional(z.string()),
    entities: z.optional(
      z.looseObject({
        urls: z.optional(z.array(urlEntitySchema)),
        mentions: z.optional(z.array(z.looseObject({ start: z.int(), end: z.int(), username: z.string(), id: z.optional(idSchema) }))),
      }),
    ),
  }),
);
export type XNoteTweet = z.infer<typeof noteTweetSchema>;

/**
 * A post (data dictionary, "Post (Tweet)"); `id`, `text` and `edit_history_tweet_ids` are X's default fields.
 * `attachments.media_keys` marks a post with media, a `referenced_tweets` entry of type `quoted` a quote post
 * (`retweeted` and `replied_to` are the other types X documents).
 */
export const postSchema = z.lazy(() =>
  z.looseObject({
    id: idSchema,
    text: z.string(),
    author_id: z.optional(idSchema),
    created_at: z.optional(z.string()),
    edit_history_tweet_ids: z.optional(z.array(idSchema)),
    /** Asked for by name (x-api--fundamentals--edit-posts; the description's Tweet.edit_controls, all three required). */
    edit_controls: z.optional(z.looseObject({ is_edit_eligible: z.boolean(), editable_until: z.string(), edits_remaining: z.int() })),
    conversation_id: z.optional(idSchema),
    in_reply_to_user_id: z.optional(idSchema),
    lang: z.optional(z.string()),
    possibly_sensitive: z.optional(z.boolean()),
    entities: z.optional(z.looseObject({ urls: z.optional(z.array(urlEntitySchema)) })),
    attachments: z.optional(z.looseObject({ media_keys: z.optional(z.array(z.string())), poll_ids: z.optional(z.array(idSchema)) })),
    referenced_tweets: z.optional(z.array(z.looseObject({ type: z.string(), id: idSchema }))),
    note_tweet: z.optional(noteTweetSchema),
    public_metrics: z.optional(
      z.looseObject({
        retweet_count: z.optional(count),
        reply_count: z.optional(count),
        like_count: z.optional(count),
        quote_count: z.optional(count),
        bookmark_count: z.optional(count),
        impression_count: z.optional(count),
      }),
    ),
  }),
);
export type XPost = z.infer<typeof postSchema>;

/** A media object (data dictionary, "Media"); `media_key` and `type` (photo, video, animated_gif) are default fields. */
export const mediaSchema = z.lazy(() =>
  z.looseObject({
    media_key: z.string(),
    type: z.string(),
    url: z.optional(z.string()),
    preview_image_url: z.optional(z.string()),
    alt_text: z.optional(z.string()),
    width: z.optional(z.int()),
    height: z.optional(z.int()),
    duration_ms: z.optional(z.int()),
  }),
);
export type XMedia = z.infer<typeof mediaSchema>;

/** A List (data dictionary, "List"); `id` and `name` are X's default fields. */
export const listSchema = z.lazy(() =>
  z.looseObject({
    id: idSchema,
    name: z.string(),
    description: z.optional(z.string()),
    private: z.optional(z.boolean()),
    owner_id: z.optional(idSchema),
    member_count: z.optional(count),
    follower_count: z.optional(count),
    created_at: z.optional(z.string()),
  }),
);
export type XList = z.infer<typeof listSchema>;

/** A bookmark folder (GET /2/users/:id/bookmarks/folders): its id and name. */
export const folderSchema = z.lazy(() => z.looseObject({ id: idSchema, name: z.string() }));
export type XBookmarkFolder = z.infer<typeof folderSchema>;

/** A post as a bookmark folder lists it: only its id (hydrate it with getPosts). */
export const postRefSchema = z.lazy(() => z.looseObject({ id: idSchema }));
export type XPostRef = z.infer<typeof postRefSchema>;

/**
 * An array of included objects without those that lack a field Perch needs (`needed`), the rest read with `item`.
 * X's description requires no `id` or `text` of a post and no `media_key` of a media object, so an answer may
 * carry such an object: Perch cannot use it, and leaves it out rather than refuse the page. So is one whose needed
 * field is not a string (`text: null`, a numeric id): that object alone, not the other 99 with it. A needed field that
 * is a string but breaks the description otherwise (an id not of digits) still makes the whole answer malformed.
 */
export function usable<T>(item: z.ZodMiniType<T>, needed: readonly string[]): z.ZodMiniType<T[]> {
  const items = z.array(item);
  const readable = (i: unknown) =>
    !!i && typeof i === 'object' && needed.every((k) => typeof (i as Record<string, unknown>)[k] === 'string');
  // A check that replaces the value rather than z.pipe(z.transform(…)): the background then bundles neither of zod's
  // pipe and transform types, which nothing else in it uses (issue 13). Same result, same issues at the same paths.
  return z.array(z.unknown()).check((payload) => {
    const kept: unknown[] = [];
    const left: LeftOut[] = [];
    for (const [at, i] of payload.value.entries()) {
      const id = readable(i) ? undefined : idOf(i);
      if (readable(i)) kept.push(i);
      else left.push(id === undefined ? { at } : { at, id });
    }
    const parsed = items.safeParse(kept);
    if (parsed.success) {
      // What was left out rides on the array, unseen by anything that walks it ({@link droppedFrom}).
      Object.defineProperty(parsed.data, DROPPED, { value: left, enumerable: false });
      payload.value = parsed.data;
    } else payload.issues.push(...(parsed.error.issues as z.core.$ZodRawIssue[]));
  }) as unknown as z.ZodMiniType<T[]>;
}

/**
 * An object {@link usable} left out: where it stood in what X sent (`at`, 0 first), and its `id` when it carried one
 * Perch can trust (a string of digits; a numeric one may be rounded past 2^53, fundamentals--x-ids).
 */
export interface LeftOut {
  at: number;
  id?: string;
}

function idOf(i: unknown): string | undefined {
  const id = i && typeof i === 'object' ? (i as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined;
}

const DROPPED = Symbol('dropped');

/** The objects X sent that {@link usable} left out of this array, in X's order (none for any other array). */
export function droppedFrom(items: unknown): readonly LeftOut[] {
  const left = Array.isArray(items) ? (items as unknown as Record<symbol, unknown>)[DROPPED] : undefined;
  return Array.isArray(left) ? (left as LeftOut[]) : [];
}

/**
 * `includes` of an answer: the objects its expansions pulled in, parsed with the same schemas as `data`. Users
 * carry `id`, `name` and `username` by the description; an included post or media object lacking what Perch
 * needs is left out (see `usable`).
 */
export const includesSchema = z.lazy(() =>
  z.looseObject({
    users: z.optional(z.array(userSchema)),
    tweets: z.optional(usable(postSchema, ['id', 'text'])),
    media: z.optional(usable(mediaSchema, ['media_key', 'type'])),
  }),
);
