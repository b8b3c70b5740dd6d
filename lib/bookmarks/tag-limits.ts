/**
 * How long a bookmark's tag may be and how many a bookmark carries (issue 14), in a module of its own so both the
 * tags' rules (lib/bookmarks/tags.ts) and the bounds of their refusals' words (lib/reply-words.ts) read them.
 */

/** A tag is at most 32 characters (code points). */
export const TAG_MAX = 32;
/** A bookmark carries at most 20 tags. */
export const TAGS_PER_BOOKMARK_MAX = 20;
