/** Texts for the composer tests, weighed by hand (and by the unit tests of the counter). */

/** 😀 2 + space 1 + 日本語 6 + space 1 + URL 23 + space 1 = 34 weighted characters. */
export const MIXED_HEAD = '😀 日本語 https://example.com/a/rather/long/path/that/still/counts/23 ';
export const MIXED_HEAD_WEIGHT = 34;

/** A post of exactly `weight` weighted characters with emoji, CJK and a URL. */
export function postOfWeight(weight: number): string {
  return MIXED_HEAD + 'a'.repeat(weight - MIXED_HEAD_WEIGHT);
}

/**
 * 599 characters of prose in twelve sentences: over X's limit, it splits at sentence ends into three posts (five,
 * five and two sentences, each with its " 1/3" under 280).
 */
export const SPLIT_600 = Array.from(
  { length: 12 },
  (_, i) => `Sentence ${String(i + 1).padStart(2, '0')} tells a bit more about this X thread.`,
).join(' ');
