import { i18n } from '#i18n';
import { listOf } from '../reader-locale';
/**
 * Bookmark tags (issue 14): the person's own words for their bookmarks, kept only in Perch and never sent to X. A tag
 * is stored normalised, so "#Rust", "rust" and " RUST " are one tag.
 */

/** A tag is at most 32 characters (code points). */
export const TAG_MAX = 32;
/** A bookmark carries at most 20 tags. */
export const TAGS_PER_BOOKMARK_MAX = 20;

/** Letters of any script (with their combining marks), decimal digits, '_' and '-'; at least one letter or digit. */
const TAG = /^[\p{L}\p{M}\p{Nd}_-]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/**
 * A tag as Perch stores it: trimmed, without a leading '#', in Unicode's composed form (NFC), lower-cased the same
 * way in every locale (`toLowerCase`, never `toLocaleLowerCase`: a Turkish browser must not make "I" another tag),
 * with a run of spaces inside written as one '-'. Letters of any script, digits, '_' and '-' only, 1 to TAG_MAX
 * characters. Returns undefined when what is left is not such a tag (empty, too long, or holding anything else:
 * "c++" is refused, not silently turned into "c").
 */
export function normaliseTag(input: string): string | undefined {
  const tag = input.trim().replace(/^#/, '').trim().normalize('NFC').toLowerCase().replace(/\s+/gu, '-');
  if (!tag || [...tag].length > TAG_MAX || !TAG.test(tag) || !LETTER_OR_DIGIT.test(tag)) return undefined;
  return tag;
}

/** Tags as a sentence names them: each quoted the reader's way, listed in their language ("“a” and “b”", "「a」、「b」"). */
export function tagList(tags: readonly string[]): string {
  return listOf(tags.map((tag) => i18n.t('bookmarks_tag_quoted', { tag })));
}

/** Tags the person gave that cannot be tags, in a clear error. */
export class InvalidTagError extends Error {
  readonly kind = 'error';
  constructor(readonly tags: readonly string[]) {
    super(i18n.t('bookmarks_tags_invalid', tags.length, { tags: tagList(tags), max: String(TAG_MAX) }));
    this.name = 'InvalidTagError';
  }
}

/**
 * A bookmark's tags as stored: each normalised, no repeats, sorted (by code point: the same order in every locale).
 * @throws InvalidTagError naming every tag that is not one; Error when there are more than TAGS_PER_BOOKMARK_MAX.
 */
export function normaliseTags(input: readonly string[]): string[] {
  const bad = input.filter((t) => normaliseTag(t) === undefined);
  if (bad.length) throw new InvalidTagError(bad);
  const tags = [...new Set(input.map((t) => normaliseTag(t)!))].sort(byCodePoint);
  if (tags.length > TAGS_PER_BOOKMARK_MAX)
    throw new Error(i18n.t('bookmarks_tags_too_many', { max: String(TAGS_PER_BOOKMARK_MAX), count: String(tags.length) }));
  return tags;
}

/** Compares strings by code point, the same in every locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
