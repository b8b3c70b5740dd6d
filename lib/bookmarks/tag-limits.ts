/**
 * How long a bookmark's tag may be and how many a bookmark carries (issue 14), in a module of its own so both the
 * tags' rules (lib/bookmarks/tags.ts) and the bounds of their refusals' words (lib/reply-words.ts) read them.
 */

/** A tag is at most 32 characters (code points). */
export const TAG_MAX = 32;
/** A bookmark carries at most 20 tags. */
export const TAGS_PER_BOOKMARK_MAX = 20;
/**
 * An account's bookmarks carry at most 1,000 different tags: far more than a person sorts by, and few enough that
 * the Bookmarks tab's row of tag chips and its counts stay quick. An import or a new tag past it is refused in words.
 */
export const TAGS_PER_ACCOUNT_MAX = 1000;
