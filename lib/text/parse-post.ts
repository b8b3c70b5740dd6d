// Weighted character counting of a post, "Count like X".
//
// Why this is hand-written rather than using the twitter-text package (which X's docs point to):
// - twitter-text is unmaintained since 2020 (3.1.0); its emoji data (twemoji-parser 11) stops at
//   Emoji 11, so newer emoji are counted per code point: 🐦‍🔥 counts 5 instead of 2, 🫠 and 🫨
//   count by default weight only by luck.
// - Its URL extraction is a backtracking regex that is quadratic in the input: one call on a
//   10,000-character paste of 'あ.' takes ~0.7–1 s, and counting runs on every keystroke.
// - Its ESM build has no named exports, and it pulls core-js 2 and twemoji-parser: ~35–40 KB gzip
//   bundled (this module, TLD list included: ~10 KB).
// This module reproduces twitter-text 3.1.0's parseTweet exactly (checked against its conformance
// data and, by a property test, against twitter-text itself), runs in linear time, takes emoji
// from the runtime's Unicode data, and adds the TLDs delegated since 2020.

import { emojiEnd, nextEmoji } from './emoji';
import { extractUrls } from './extract-urls';

export { extractUrls } from './extract-urls';
export type { ExtractedUrl } from './extract-urls';
import type { ExtractedUrl } from './extract-urls';

/** The result of {@link parsePost}: twitter-text's parseTweet result, field for field. */
export interface ParsedPost {
  /** Weighted length: most Latin characters 1, CJK and other characters 2, any emoji 2, any URL 23. */
  weightedLength: number;
  /** True when the text is non-empty, has no invalid character and weighs at most the limit (280 by default). */
  valid: boolean;
  /** floor(weightedLength / limit × 1000). */
  permillage: number;
  /** Always 0. */
  validRangeStart: number;
  /** Inclusive UTF-16 index of the last character within the limit (280 by default), before any invalid one. */
  validRangeEnd: number;
  /** Always 0. */
  displayRangeStart: number;
  /** Inclusive UTF-16 index of the last character of the text (0 when empty). */
  displayRangeEnd: number;
}

/**
 * X's counting configuration: twitter-text's config/v3.json, verbatim (a unit test compares them).
 * Weights are per code unit, scaled by 100; code units outside `ranges` weigh `defaultWeight`.
 */
export const COUNTING_CONFIG = {
  version: 3,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  emojiParsingEnabled: true,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
} as const;

const { maxWeightedTweetLength, scale, defaultWeight, transformedURLLength, ranges } = COUNTING_CONFIG;
const URL_WEIGHT = transformedURLLength * scale;
const RANGE_COUNT = ranges.length;
const RANGE_START = Int32Array.from(ranges, (r) => r.start);
const RANGE_END = Int32Array.from(ranges, (r) => r.end);
const RANGE_WEIGHT = Int32Array.from(ranges, (r) => r.weight);

/** Scaled weight of one UTF-16 code unit (twitter-text's getCharacterWeight). */
function weightOf(unit: number): number {
  for (let k = 0; k < RANGE_COUNT; k++) {
    if (unit >= (RANGE_START[k] as number) && unit <= (RANGE_END[k] as number)) return RANGE_WEIGHT[k] as number;
  }
  return defaultWeight;
}

/** U+FFFE, U+FEFF and U+FFFF: twitter-text's invalidChars. */
function isInvalid(unit: number): boolean {
  return unit === 0xfffe || unit === 0xfeff || unit === 0xffff;
}

/**
 * Counts a post the way X does (twitter-text 3.1.0's `parseTweet` with the v3 config), so the
 * composer can show the remaining characters and highlight the overflow.
 *
 * The text is NFC-normalised; each URL (as found by {@link extractUrls}) weighs 23, each emoji 2
 * (including emoji newer than twitter-text knows), each other UTF-16 code unit 1 if it is in one of
 * the v3 weight-1 ranges and 2 otherwise (a surrogate pair counts once, 2). Ranges are inclusive
 * UTF-16 indices into the text as given, computed exactly as twitter-text does, quirks included
 * (`validRangeEnd` is shifted by the length change from normalisation).
 *
 * @param text The post text; any string, including lone surrogates.
 * @param limit The most a post may weigh: X's 280 (the default), or a long post's limit for an account whose
 *   subscription allows long posts (lib/text/post-limit.ts). Only `valid`, `permillage` and `validRangeEnd` depend on it.
 * @returns The weighted length, validity and ranges.
 * @throws Never, for any string. Linear time in `text.length`.
 */
export function parsePost(text: string, limit: number = maxWeightedTweetLength): ParsedPost {
  const maxScaled = limit * scale;
  const raw = typeof text === 'string' ? text : '';
  const normalized = raw.normalize('NFC');
  const length = normalized.length;
  const urls = extractUrls(normalized);

  let weighted = 0;
  let valid = true;
  let validDisplayIndex = 0;
  let urlIndex = 0;
  // Emoji are found by a left-to-right scan over the whole text that ignores URLs (as
  // twemoji-parser's global regex does); the next one found is [emojiStart, emojiStop).
  let emojiStart = -1;
  let emojiStop = 0;

  // twitter-text visits index by index: a URL starting here weighs 23 and is skipped by the length
  // of its url string, else an emoji starting here weighs 2 and is skipped, else one code unit
  // (two for a surrogate pair) weighs by range. After each step the last unit visited is checked
  // for validity and, while the total is within the limit, becomes the valid range's end.
  let i = 0;
  while (i < length) {
    while (urlIndex < urls.length && (urls[urlIndex] as ExtractedUrl).indices[0] < i) urlIndex++;
    while (emojiStart < i) {
      const start = nextEmoji(normalized, emojiStop);
      if (start < 0) {
        emojiStart = emojiStop = length;
      } else {
        emojiStart = start;
        emojiStop = emojiEnd(normalized, start);
      }
    }
    const url = urls[urlIndex];
    const urlStart = url ? url.indices[0] : length;
    if (urlStart === i || emojiStart === i) {
      if (url && urlStart === i) {
        weighted += URL_WEIGHT;
        i += url.url.length - 1; // twitter-text skips url.length, not the indices' span
        urlIndex++;
      } else {
        weighted += defaultWeight;
        i = emojiStop - 1;
      }
      if (valid) valid = !isInvalid(normalized.charCodeAt(i));
      if (valid && weighted <= maxScaled) validDisplayIndex = i;
      i++;
      continue;
    }
    // Plain code units up to the next URL or emoji.
    const stop = urlStart < emojiStart ? urlStart : emojiStart;
    for (; i < stop; i++) {
      let unit = normalized.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
        const low = normalized.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          // Like twitter-text, weigh the last unit visited: the low surrogate.
          i++;
          unit = low;
        }
      }
      weighted += weightOf(unit);
      if (valid) {
        if (isInvalid(unit)) valid = false;
        else if (weighted <= maxScaled) validDisplayIndex = i;
      }
    }
  }

  const weightedLength = weighted / scale;
  valid = valid && weightedLength > 0 && weightedLength <= limit;
  return {
    weightedLength,
    valid,
    permillage: Math.floor((weightedLength / limit) * 1000),
    validRangeStart: 0,
    validRangeEnd: validDisplayIndex + (raw.length - length),
    displayRangeStart: 0,
    displayRangeEnd: raw.length > 0 ? raw.length - 1 : 0,
  };
}

/**
 * Optionally builds, ahead of the first keystroke, the tables parsePost creates lazily: the TLD
 * set, character classes, and the runtime's RGI emoji sets (compiling those takes ~30 ms once,
 * mostly for ZWJ sequences). Call it when the composer mounts or from requestIdleCallback;
 * calling it again is cheap.
 *
 * @throws Never.
 */
export function prepareCounter(): void {
  parsePost('a https://t.co/x b.com/c?d 日本 👍🏽🙋🏽 🇯🇵🇺🇸 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🐦‍🔥 🧑🏽‍💻 #️⃣');
}
