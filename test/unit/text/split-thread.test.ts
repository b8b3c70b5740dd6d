import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractUrls, parsePost } from '@/lib/text/parse-post';
import { splitIntoThread } from '@/lib/text/split-thread';

const NUMBER = / (\d+)\/(\d+)$/;
const SPACE = /\s/u;

/** The parts without their numbering, checking the numbering says "i/n" in order. */
function unnumbered(parts: string[]): string[] {
  return parts.map((part, i) => {
    const m = NUMBER.exec(part);
    expect(m, `part ${i + 1} ends with its number: ${JSON.stringify(part)}`).not.toBeNull();
    expect([Number(m![1]), Number(m![2])]).toEqual([i + 1, parts.length]);
    return part.slice(0, m!.index);
  });
}

/**
 * Where in `text` each part was cut, checking the parts are the text itself with only whitespace dropped at the
 * cuts (and at both ends).
 */
function cutsOf(text: string, pieces: string[]): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (const [i, piece] of pieces.entries()) {
    while (at < text.length && SPACE.test(text[at]!)) at++;
    if (i > 0) cuts.push(at);
    expect(text.startsWith(piece, at), `part ${i + 1} continues the text at ${at}`).toBe(true);
    at += piece.length;
  }
  expect(text.slice(at).trim()).toBe('');
  return cuts;
}

const graphemeEnds = (text: string) =>
  new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index));
const sentenceStarts = (text: string) =>
  new Set([...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)].map((s) => s.index));
const wordStarts = (text: string) => new Set([...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].map((s) => s.index));
const mentions = (text: string) =>
  [...text.matchAll(/[@＠#＃$][\p{L}\p{M}\p{N}_]+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
/** Sentence starts not inside a URL, a mention, a hashtag or a cashtag: the sentence ends a split may cut at. */
const cuttableSentenceStarts = (text: string) => {
  const kept = [...extractUrls(text).map((u) => u.indices), ...mentions(text)];
  return new Set([...sentenceStarts(text)].filter((c) => kept.every(([start, end]) => c <= start || c >= end)));
};

/** Checks every property a split must have; returns the cuts. */
function checkSplit(text: string): { parts: string[]; cuts: number[] } {
  const parts = splitIntoThread(text);
  expect(parts.length).toBeGreaterThan(1);
  for (const part of parts) expect(parsePost(part).weightedLength).toBeLessThanOrEqual(280);
  const cuts = cutsOf(text, unnumbered(parts));
  const graphemes = graphemeEnds(text);
  const urls = extractUrls(text).map((u) => u.indices);
  const names = mentions(text);
  for (const c of cuts) {
    expect(graphemes.has(c), `cut ${c} is between graphemes`).toBe(true);
    for (const [start, end] of urls) expect(c <= start || c >= end, `cut ${c} is outside the URL ${start}–${end}`).toBe(true);
    for (const [start, end] of names) expect(c <= start || c >= end, `cut ${c} is outside the mention ${start}–${end}`).toBe(true);
  }
  return { parts, cuts };
}

const WORDS = [
  'the',
  'quick',
  'brown',
  'fox',
  'naïve',
  'cafe\u0301',
  '日本語',
  'テスト',
  '한국어',
  '👍🏽',
  '🐦‍🔥',
  '🧑🏽‍💻',
  '🇯🇵',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '#️⃣',
  '@ada_lovelace',
  '@grace',
  '#perch',
  '$TWTR',
  'https://example.com/a/rather/long/path?with=query&and=more',
  'example.org',
  'https://t.co/AbCdEf',
  'x.com/ada/status/123',
  '42',
  '3.14',
  '“quoted”',
];
const word = fc.constantFrom(...WORDS);
// A sentence starts with a capital (after ". " a lower-case word continues the sentence, in Unicode's rules) and
// always fits in a post (8 words of at most 23).
const sentence = fc
  .tuple(
    fc.constantFrom('The', 'A', 'Then', 'Ça', '日本', '@grace'),
    fc.array(word, { maxLength: 7 }),
    fc.constantFrom('.', '!', '?', '…', '。'),
  )
  .map(([first, words, end]) => [first, ...words].join(' ') + end);
const gap = fc.constantFrom(' ', ' ', '  ', '\n', '\n\n');

describe('splitting an over-long post into a thread', () => {
  it('gives parts that fit, numbered 1/n…n/n, that are the text itself cut only at whitespace, URLs, mentions and graphemes kept whole', () => {
    const text = fc
      .tuple(fc.array(fc.tuple(sentence, gap), { minLength: 1, maxLength: 60 }), fc.array(word, { maxLength: 120 }))
      .map(([sentences, run]) => sentences.map(([s, g]) => s + g).join('') + run.join(' '))
      .filter((t) => parsePost(t).weightedLength > 280);
    fc.assert(
      fc.property(text, (t) => {
        checkSplit(t);
      }),
      { numRuns: 100 },
    );
  });

  it('cuts only at sentence ends when every sentence fits in a post', () => {
    const text = fc
      .array(fc.tuple(sentence, gap), { minLength: 2, maxLength: 40 })
      .map((sentences) => sentences.map(([s, g]) => s + g).join(''))
      .filter((t) => parsePost(t).weightedLength > 280);
    fc.assert(
      fc.property(text, (t) => {
        // A sentence end inside a URL or a mention (Unicode ends a sentence at the "?" of a URL's query) is no place
        // to cut, so the sentences are those between the other ends: the premise is that each of them fits beside the widest
        // number (" 9998/9999").
        const starts = cuttableSentenceStarts(t);
        const ends = [...starts, t.length].sort((a, b) => a - b);
        fc.pre(ends.every((end, i) => i === 0 || parsePost(t.slice(ends[i - 1], end).trim()).weightedLength <= 280 - 10));
        const { cuts } = checkSplit(t);
        for (const c of cuts) expect(starts.has(c), `cut ${c} starts a sentence in ${JSON.stringify(t)}`).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('cuts a sentence longer than a post between words, at a space', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 80, maxLength: 200 }).map((w) => w.join(' ')),
        (t) => {
          fc.pre(parsePost(t).weightedLength > 280);
          const { cuts } = checkSplit(t);
          for (const c of cuts) expect(SPACE.test(t[c - 1]!), `cut ${c} follows a space`).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('splits 600 characters of prose into 3 posts at sentence ends', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i + 1} says a little more about splitting posts.`);
    const text = sentences.join(' ');
    expect(text.length).toBeGreaterThan(580);
    const parts = splitIntoThread(text);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^Sentence number 1 says/);
    for (const [i, part] of parts.entries()) expect(part).toMatch(new RegExp(`posts\\. ${i + 1}/3$`));
    checkSplit(text);
  });

  it('cuts a run with no spaces between graphemes, never inside an emoji', () => {
    const text = '🧑🏽‍💻'.repeat(200);
    const { parts } = checkSplit(text);
    for (const part of unnumbered(parts)) expect(part.length % '🧑🏽‍💻'.length).toBe(0);
  });

  it('cuts Japanese without spaces at its sentence ends', () => {
    const text = '今日はとても良い天気ですね。'.repeat(30);
    const { cuts } = checkSplit(text);
    for (const c of cuts) expect(text[c - 1]).toBe('。');
  });

  it('cuts a long word-only run of CJK between words', () => {
    const text = '日本語のテキスト'.repeat(40);
    const { cuts } = checkSplit(text);
    const words = wordStarts(text);
    for (const c of cuts) expect(words.has(c)).toBe(true);
  });

  it('numbers ten or more parts with room for the wider numbers', () => {
    const text = Array.from({ length: 60 }, (_, i) => `This is sentence ${i + 1} of a long essay, with some padding words.`).join(' ');
    const { parts } = checkSplit(text);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts.at(-1)).toMatch(new RegExp(` ${parts.length}/${parts.length}$`));
  });

  it('leaves a post that fits as it is, and an empty one empty', () => {
    expect(splitIntoThread('Short and sweet.')).toEqual(['Short and sweet.']);
    expect(splitIntoThread('a'.repeat(280))).toEqual(['a'.repeat(280)]);
    expect(splitIntoThread('  \n ')).toEqual([]);
  });

  it('keeps a URL whole even where a long one sits across the limit', () => {
    const url = `https://example.com/${'p'.repeat(400)}`;
    const text = `${'word '.repeat(50)}${url} ${'more '.repeat(20)}`;
    const { parts } = checkSplit(text);
    expect(unnumbered(parts).some((p) => p.includes(url))).toBe(true);
  });
});
