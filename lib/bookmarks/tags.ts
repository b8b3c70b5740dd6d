import { RefusedError } from '../refused-error';
import { namedTags } from '../reply-words';
import { TAG_MAX, TAGS_PER_ACCOUNT_MAX, TAGS_PER_BOOKMARK_MAX } from './tag-limits';

export { TAG_MAX, TAGS_PER_ACCOUNT_MAX, TAGS_PER_BOOKMARK_MAX } from './tag-limits';

/**
 * Bookmark tags (issue 14): the person's own words for their bookmarks, kept only in Perch and never sent to X. A tag
 * is stored normalised, so "#Rust", "rust" and " RUST " are one tag.
 */

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

/**
 * Tags the person gave that cannot be tags: answered as the kind 'tags-invalid' naming them (lib/reply-words.ts), which
 * the screen words in its reader's language; its `message` names the kind only, for logs.
 */
export class InvalidTagError extends RefusedError {
  constructor(readonly tags: readonly string[]) {
    super('error', { kind: 'tags-invalid', ...namedTags(tags) });
    this.name = 'InvalidTagError';
  }
}

/**
 * A bookmark's tags as stored: each normalised, no repeats, sorted (by code point: the same order in every locale).
 * @throws InvalidTagError naming the tags that are not ones; RefusedError 'tags-too-many' for more than
 *   TAGS_PER_BOOKMARK_MAX.
 */
export function normaliseTags(input: readonly string[]): string[] {
  const bad = input.filter((t) => normaliseTag(t) === undefined);
  if (bad.length) throw new InvalidTagError(bad);
  const tags = [...new Set(input.map((t) => normaliseTag(t)!))].sort(byCodePoint);
  if (tags.length > TAGS_PER_BOOKMARK_MAX) throw new RefusedError('error', { kind: 'tags-too-many', count: tags.length });
  return tags;
}

/** Compares strings by code point, the same in every locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The different tags some rows carry. */
export function distinctTags(rows: Iterable<{ readonly tags: readonly string[] }>): Set<string> {
  const tags = new Set<string>();
  for (const row of rows) for (const tag of row.tags) tags.add(tag);
  return tags;
}

/**
 * Refuses a change that takes an account from `before` different tags to `after` past TAGS_PER_ACCOUNT_MAX (an
 * account already past it, from before the bound, may still change without adding to it).
 * @throws RefusedError 'tags-account-full' naming how many there would be.
 */
export function checkAccountTags(before: number, after: number): void {
  if (after > TAGS_PER_ACCOUNT_MAX && after > before) throw new RefusedError('error', { kind: 'tags-account-full', count: after });
}
