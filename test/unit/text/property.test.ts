// Property tests against twitter-text 3.1.0 itself, on generated posts mixing Latin and CJK text,
// punctuation, URL pieces and emoji up to Emoji 11 (the emoji twitter-text knows): everything
// parsePost and extractUrls report must be identical.
import fc from 'fast-check';
import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { extractUrls, parsePost } from '../../../lib/text/parse-post';

const LATIN = ['hello', 'World', 'foo', 'bar', 'example', 'naïve', 'café', 'cafe\u0301', 'x', 'a', 'Ünï', '0', '42', 'ſ', 'ʀ'];
const CJK = ['日本', '字', 'あ', 'テスト', '한국어', '中文', '𠀋'];
const PUNCTUATION = [
  ' ',
  ' ',
  ' ',
  '\n',
  '.',
  '.',
  ',',
  '!',
  '?',
  ':',
  ';',
  '-',
  '_',
  '/',
  '(',
  ')',
  '@',
  '#',
  '$',
  '&',
  '=',
  '"',
  "'",
  '…',
  '—',
  '\u3000',
  '。',
  '\u200B',
  '\u202A',
  '\u2066',
  '\uFEFF',
];
const URL_PIECES = [
  'http://',
  'https://',
  'HTTPS://',
  'www.',
  't.co/',
  'T.CO/',
  'bit.ly/',
  '.com',
  '.co',
  '.jp',
  '.org',
  '.uk',
  '.みんな',
  '.рус',
  '.xn--p1ai',
  '.嘉里',
  ':8080',
  '/path',
  '/a_(b)',
  '?q=1',
  '&x=y',
  '#frag',
  'ex-ample',
  'a_b',
];
// Emoji of Emoji 11 or older, none of which combines with a neighbour into a newer sequence
// (no lone skin tones, regional indicators or ZWJs).
const EMOJI = [
  '😀',
  '👍',
  '👍🏽',
  '❤️',
  '❤',
  '☺️',
  '✌️',
  '✌🏻',
  '🇯🇵',
  '🇺🇸',
  '👨‍👩‍👧‍👦',
  '👩‍💻',
  '🏳️‍🌈',
  '🏴‍☠️',
  '👨‍🎤',
  '#️⃣',
  '1⃣',
  '©️',
  '©',
  '™',
  '⌚️',
  '🏋️‍♀️',
  '🤷🏾‍♂️',
  '🧕🏾',
  '🤪',
  '🥰',
  '🦝',
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  '\uFE0F',
  '‼️',
];

const post = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LATIN),
      fc.constantFrom(...CJK),
      fc.constantFrom(...PUNCTUATION),
      fc.constantFrom(...URL_PIECES),
      fc.constantFrom(...EMOJI),
    ),
    {
      maxLength: 80,
    },
  )
  .map((tokens) => tokens.join(''));

// Long enough to cross the 280 limit often.
const longPost = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LATIN),
      fc.constantFrom(...CJK),
      fc.constantFrom(...PUNCTUATION),
      fc.constantFrom(...URL_PIECES),
      fc.constantFrom(...EMOJI),
    ),
    {
      minLength: 60,
      maxLength: 200,
    },
  )
  .map((tokens) => tokens.join(''));

describe('parsePost and extractUrls against twitter-text', () => {
  it('report the same weighted length, validity and ranges as parseTweet', () => {
    fc.assert(
      fc.property(post, (text) => {
        expect(parsePost(text)).toEqual(twitterText.parseTweet(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('report the same valid range as parseTweet around the 280 limit', () => {
    fc.assert(
      fc.property(longPost, (text) => {
        expect(parsePost(text)).toEqual(twitterText.parseTweet(text));
      }),
      { numRuns: 300 },
    );
  });

  it('extract the same URLs with the same indices as extractUrlsWithIndices', () => {
    fc.assert(
      fc.property(post, (text) => {
        expect(extractUrls(text)).toEqual(twitterText.extractUrlsWithIndices(text));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('parsePost on arbitrary strings', () => {
  it('never throws and returns consistent figures', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const parsed = parsePost(text);
        expect(parsed.weightedLength).toBeGreaterThanOrEqual(0);
        expect(parsed.permillage).toBe(Math.floor((parsed.weightedLength / 280) * 1000));
        expect(parsed.displayRangeEnd).toBe(Math.max(0, text.length - 1));
        if (parsed.valid) expect(parsed.weightedLength).toBeGreaterThan(0);
        if (parsed.valid) expect(parsed.weightedLength).toBeLessThanOrEqual(280);
        for (const url of extractUrls(text)) expect(url.indices[1]).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
