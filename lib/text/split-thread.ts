// Splitting an over-long post into a numbered thread, counted with our own counter (parse-post.ts).
//
// Each part is cut where a reader expects a pause: at the end of a sentence (Intl.Segmenter, sentence
// granularity) when a whole sentence fits, else between words, and only for a run longer than a post with no
// word break at all, between user-perceived characters (graphemes). No cut ever falls inside a URL, a
// @mention, a #hashtag or $cashtag, or a grapheme (an emoji ZWJ sequence, a flag, a letter with its accents).
// Whitespace at a cut is dropped; every other character of the text is kept, in order. Each part ends with its
// number, " 1/3" style (what X users commonly write), and weighs at most the limit with that number included.

import { extractUrls } from './extract-urls';
import { parsePost } from './parse-post';

/**
 * A mention, hashtag or cashtag: a sigil and the word it names (twitter-text's characters, loosely). Capped so
 * a run of letters longer than any name still fits in a post.
 */
const ENTITY = /[@＠#＃$][\p{L}\p{M}\p{N}_]{1,60}/gu;
const SPACE = /\s/u;

/** The numbering added to part `index` (0-based) of `total`: " 1/3". */
export function partNumber(index: number, total: number): string {
  return ` ${index + 1}/${total}`;
}

/** Ranges [start, end) no cut may fall strictly inside. */
function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = extractUrls(text).map((u) => [u.indices[0], u.indices[1]]);
  for (const m of text.matchAll(ENTITY)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/**
 * Boundaries of `granularity` in `text` between `from` and `to`, as offsets into `text`, excluding `from` and,
 * unless it is the end of the text, `to` (the window's edge is not a boundary of the text). Segments a window
 * only: V8's segmenter takes time growing with the offset for each segment, so a whole long text is slow.
 */
function boundaries(text: string, from: number, to: number, granularity: 'sentence' | 'word' | 'grapheme'): number[] {
  const out: number[] = [];
  for (const s of new Intl.Segmenter(undefined, { granularity }).segment(text.slice(from, to))) {
    if (s.index > 0) out.push(from + s.index);
  }
  if (to === text.length) out.push(to);
  return out;
}

/**
 * Cut points in (from, to] by preference, each kind worked out only when asked for: sentence ends, word ends
 * before a space, any word boundary, any grapheme boundary; none inside a protected range (`inside`).
 */
function* cutTiers(text: string, from: number, to: number, inside: Uint8Array): Generator<number[]> {
  yield boundaries(text, from, to, 'sentence').filter((c) => !inside[c]);
  const graphemes = boundaries(text, from, to, 'grapheme').filter((c) => !inside[c]);
  const between = new Set(graphemes);
  const words = boundaries(text, from, to, 'word').filter((c) => between.has(c));
  yield words.filter((c) => c === text.length || SPACE.test(text[c] ?? ''));
  yield words;
  yield graphemes;
}

/** The text of a part: trimmed of whitespace at both cuts. */
function piece(text: string, start: number, end: number): string {
  return text.slice(start, end).trim();
}

/** Cuts `text` into parts each weighing at most `room` (before numbering); undefined if some cannot fit. */
function cut(text: string, inside: Uint8Array, weigh: (part: string) => number, room: number): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  // A URL weighs 23 however long, so a longer piece can weigh less than a shorter one (its end becoming a
  // URL): look a little past the limit before giving up.
  const beyond = room + 23;
  while (piece(text, start, text.length) !== '') {
    // The window holding every cut that may fit: grown until what it holds weighs more than can fit.
    let to = Math.min(text.length, start + 2 * beyond);
    while (to < text.length && weigh(piece(text, start, to)) <= beyond) to = Math.min(text.length, start + 2 * (to - start));
    let end: number | undefined;
    // The farthest cut of the most preferred kind that fits: a finer kind only when no cut of the one before fits.
    for (const tier of cutTiers(text, start, to, inside)) {
      for (const c of tier) {
        const part = piece(text, start, c);
        if (part === '') continue;
        const weight = weigh(part);
        if (weight <= room) end = c;
        else if (weight > beyond) break;
      }
      if (end !== undefined) break;
    }
    if (end === undefined) return undefined;
    parts.push(piece(text, start, end));
    start = end;
  }
  return parts;
}

/**
 * Splits a post that is over X's limit into a thread: parts cut at sentence ends where a whole sentence fits,
 * else between words, never inside a URL, a mention, a hashtag or cashtag, or a grapheme; each ending with its
 * number (" 1/3") and weighing at most `limit` by {@link parsePost}, number included. Whitespace at the cuts
 * is dropped; nothing else is.
 *
 * @param text The post's text.
 * @param limit The weighted limit of one post (X: 280).
 * @returns The numbered parts; `[text]` unchanged when it already fits; `[]` when it is only whitespace.
 * @throws Never. Text that cannot be split (a character X does not allow is no reason to split) comes back as
 *   parts that still fail X's count for that reason.
 */
export function splitIntoThread(text: string, limit = 280): string[] {
  if (text.trim() === '') return [];
  if (parsePost(text).weightedLength <= limit) return [text];
  const inside = new Uint8Array(text.length + 1);
  for (const [start, end] of protectedRanges(text)) inside.fill(1, start + 1, end);
  const weigh = (part: string) => parsePost(part).weightedLength;
  // The numbering's width depends on the count of parts, which depends on the room left by the numbering:
  // reserve room for the widest number of each width, from " 9/9" up, until the count fits that width.
  for (let digits = 1; digits <= 4; digits++) {
    const widest = 10 ** digits - 1;
    const parts = cut(text, inside, weigh, limit - weigh(partNumber(widest - 1, widest)));
    if (!parts) break;
    if (parts.length <= widest) return parts.map((part, i) => part + partNumber(i, parts.length));
  }
  return [text];
}
