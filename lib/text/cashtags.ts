/**
 * Cashtags ($TICKER) as X finds them in a post's text: twitter-text's `validCashtag` rule (v3.1.0,
 * regexp/validCashtag.js) — a `$` at the start or after a space, 1–6 ASCII letters, optionally `.` or `_` and 1–2
 * more, then the end, a space or punctuation. X refuses posts with more than one from self-serve (pay-per-use)
 * apps (x-api--posts--manage-tweets--introduction, --integrate "Cashtag limit"; x-api--posts--create-post).
 */

/** twitter-text's `spacesGroup`: the characters a cashtag may follow. */
const SPACES = '\\t-\\r \\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
/** twitter-text's `punct`: the characters that may end a cashtag besides a space. */
const PUNCT = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$";
const CASHTAG = new RegExp(`(^|[${SPACES}])\\$([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\\s|[${PUNCT}])`, 'gi');

/** The most cashtags a self-serve app may put in one post. */
export const MAX_SELF_SERVE_CASHTAGS = 1;

/** The cashtags of `text`, without their `$`, in order (duplicates kept, as twitter-text's extractCashtags). */
export function extractCashtags(text: string): string[] {
  if (!text.includes('$')) return [];
  return [...text.matchAll(CASHTAG)].map((m) => m[2]!);
}
