import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { extractUrls, parsePost, prepareCounter } from '../../../lib/text/parse-post';

const weight = (text: string) => parsePost(text).weightedLength;

describe('parsePost: examples from X’s “Counting characters” page (fundamentals--counting-characters)', () => {
  it.each([
    ['👾', 'a single emoji'],
    ['🙋🏽', 'an emoji with a skin tone'],
    ['👨‍🎤', 'emoji combined with a ZWJ'],
    ['👨‍👩‍👧‍👦', 'a family sequence of 4 emoji and 3 ZWJs'],
  ])('counts %s (%s) as 2', (emoji) => {
    expect(weight(emoji)).toBe(2);
  });

  it('counts "Hello, world! 👋" as 16 and valid', () => {
    expect(parsePost('Hello, world! 👋')).toMatchObject({ weightedLength: 16, valid: true });
  });

  it('counts café as 4 whether composed (NFC) or decomposed (NFD)', () => {
    expect(weight('caf\u00e9')).toBe(4);
    expect(weight('cafe\u0301')).toBe(4);
  });

  it.each(['https://example.com', 'https://example.com/very/long/path'])('counts %s as 23', (url) => {
    expect(weight(url)).toBe(23);
  });

  it('counts a hashtag normally, # plus the tag', () => {
    expect(weight('#buildinpublic')).toBe(14);
  });

  it('allows 280 Latin characters, 140 CJK characters and 140 emoji', () => {
    expect(parsePost('a'.repeat(280)).valid).toBe(true);
    expect(parsePost('字'.repeat(140)).valid).toBe(true);
    expect(parsePost('😀'.repeat(140)).valid).toBe(true);
    expect(parsePost('字'.repeat(141)).valid).toBe(false);
    expect(parsePost('😀'.repeat(141)).valid).toBe(false);
  });
});

describe('parsePost: emoji', () => {
  // Emoji 12–17: twitter-text (emoji data of Emoji 11) counts the sequences per code point.
  it.each([
    ['🫠', 'melting face (Emoji 14)'],
    ['🫨', 'shaking face (Emoji 15)'],
    ['🐦‍🔥', 'phoenix (Emoji 15.1)'],
    ['🙂‍↕️', 'head shaking vertically (Emoji 15.1)'],
    ['🧑🏽‍💻', 'technologist with a skin tone (Emoji 12.1)'],
    ['🏳️‍⚧️', 'transgender flag (Emoji 13)'],
    ['🫶🏽', 'heart hands with a skin tone (Emoji 14)'],
    ['🫱🏻‍🫲🏿', 'handshake with two skin tones (Emoji 14)'],
    ['🧑‍🧑‍🧒‍🧒', 'family: adult, adult, child, child (Emoji 15.1)'],
    ['🐈‍⬛', 'black cat (Emoji 13)'],
    ['❤️‍🔥', 'heart on fire (Emoji 13.1)'],
    ['🏃‍➡️', 'person running facing right (Emoji 15.1)'],
    ['🧑🏿‍🦼‍➡️', 'person in wheelchair facing right, skin tone (Emoji 15.1)'],
    ['🫩', 'face with bags under eyes (Emoji 16)'],
    ['🇨🇶', 'flag of Sark (Emoji 16)'],
    ['🫈', 'hairy creature (Emoji 17)'],
    ['🧑🏻‍🐰‍🧑🏼', 'people with bunny ears, skin tones (Emoji 17)'],
    ['🤝🏻', 'handshake with a skin tone (Emoji 14)'],
    ['👁️‍🗨️', 'eye in speech bubble, fully qualified'],
  ])('counts %s (%s) as 2', (emoji) => {
    expect(weight(emoji)).toBe(2);
  });

  it('counts 🐦‍🔥 as 2 where twitter-text counts 5', () => {
    expect(weight('🐦‍🔥')).toBe(2);
    expect(twitterText.parseTweet('🐦‍🔥').weightedLength).toBe(5);
  });

  it.each([
    ['👍🏻', 'light skin tone'],
    ['👍🏿', 'dark skin tone'],
    ['👩‍👩‍👦', 'ZWJ family'],
    ['👨‍❤️‍💋‍👨', 'kiss'],
    ['🇯🇵', 'flag'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'tag-sequence flag of Scotland'],
    ['#️⃣', 'keycap with U+FE0F'],
    ['#⃣', 'keycap without U+FE0F'],
    ['1️⃣', 'digit keycap with U+FE0F'],
    ['1⃣', 'digit keycap without U+FE0F'],
    ['©️', 'copyright sign with U+FE0F'],
    ['™️', 'trade mark sign with U+FE0F'],
    ['❤️', 'red heart with U+FE0F'],
    ['⌚️', 'emoji-presentation watch with a redundant U+FE0F'],
    ['✌️🏻', 'victory hand with U+FE0F before the skin tone'],
    ['👁‍🗨', 'eye in speech bubble without U+FE0F'],
  ])('counts %s (%s) as 2, as twitter-text does', (emoji) => {
    expect(weight(emoji)).toBe(2);
    expect(twitterText.parseTweet(emoji).weightedLength).toBe(2);
  });

  it('counts two adjacent flags as two emoji', () => {
    expect(weight('🇺🇸🇬🇧')).toBe(4);
  });

  it.each([
    ['©', 1, 'U+00A9 is in the weight-1 range'],
    ['®', 1, 'U+00AE is in the weight-1 range'],
    ['™', 2, 'U+2122 is outside the weight-1 ranges'],
    ['❤', 2, 'U+2764 is outside the weight-1 ranges'],
    ['‼', 2, 'U+203C is outside the weight-1 ranges'],
    ['1\uFE0F', 3, 'a digit and a variation selector are no keycap'],
    ['😀\uFE0F', 4, 'a redundant U+FE0F after 😀 is a character of its own'],
    ['❤\uFE0E', 4, 'a text-presentation selector keeps ❤ text'],
  ])('weighs %s without U+FE0F by range, not as an emoji: %i (%s)', (text, expected) => {
    expect(weight(text)).toBe(expected);
    expect(twitterText.parseTweet(text).weightedLength).toBe(expected);
  });

  it('counts a ZWJ between emoji that form no sequence as 1', () => {
    expect(weight('🐝\u200D🦖')).toBe(5);
  });
});

describe('parsePost: the 280 limit and the valid range', () => {
  it.each([
    [279, true, 278, 996],
    [280, true, 279, 1000],
    [281, false, 279, 1003],
  ])('with %i Latin characters: valid %s, validRangeEnd %i, permillage %i', (n, valid, end, permillage) => {
    expect(parsePost('a'.repeat(n))).toEqual({
      weightedLength: n,
      valid,
      permillage,
      validRangeStart: 0,
      validRangeEnd: end,
      displayRangeStart: 0,
      displayRangeEnd: n - 1,
    });
  });

  it('ends the valid range before an emoji that crosses 280', () => {
    const parsed = parsePost('a'.repeat(279) + '😀');
    expect(parsed).toMatchObject({ weightedLength: 281, valid: false, validRangeEnd: 278, displayRangeEnd: 280 });
  });

  it('ends the valid range after an emoji that reaches exactly 280', () => {
    const parsed = parsePost('a'.repeat(278) + '🧑🏽‍💻');
    expect(parsed).toMatchObject({ weightedLength: 280, valid: true, validRangeEnd: 278 + '🧑🏽‍💻'.length - 1 });
  });

  it('ends the valid range before a URL that crosses 280', () => {
    const parsed = parsePost(`${'a'.repeat(260)} https://example.com`);
    expect(parsed).toMatchObject({ weightedLength: 284, valid: false, validRangeEnd: 260 });
  });

  it('ends the valid range at the 140th CJK character', () => {
    expect(parsePost('字'.repeat(141))).toMatchObject({ weightedLength: 282, valid: false, validRangeEnd: 139 });
  });

  it('shifts the valid range by what NFC normalisation removed, as twitter-text does', () => {
    const text = 'e\u0301'.repeat(300);
    expect(parsePost(text)).toEqual(twitterText.parseTweet(text));
    expect(parsePost(text).validRangeEnd).toBe(279 + 300);
  });

  it('treats empty text as invalid with weight 0', () => {
    expect(parsePost('')).toEqual({
      weightedLength: 0,
      valid: false,
      permillage: 0,
      validRangeStart: 0,
      validRangeEnd: 0,
      displayRangeStart: 0,
      displayRangeEnd: 0,
    });
  });
});

describe('parsePost: invalid characters', () => {
  it.each(['\uFFFE', '\uFFFF', '\uFEFF'])('makes text with %j invalid and ends the valid range before it', (ch) => {
    expect(parsePost(`abc${ch}def`)).toMatchObject({ valid: false, validRangeEnd: 2 });
  });

  // twitter-text 3.1.0 and its conformance case "Tweet text containing directional characters
  // should be considered valid": U+202A–U+202E are no invalid characters, they weigh 2.
  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E'])('accepts the directional formatting character %j (weight 2)', (ch) => {
    expect(parsePost(`abc${ch}`)).toMatchObject({ valid: true, weightedLength: 5 });
  });
});

describe('parsePost: URLs', () => {
  it('counts a URL as 23 whatever its length', () => {
    expect(weight('http://a.co')).toBe(23);
    expect(weight(`https://example.com/${'x'.repeat(200)}`)).toBe(23);
    expect(weight('see https://t.co/abc and example.org/path?q=1')).toBe(4 + 23 + 5 + 23);
  });

  it('counts a URL without a protocol only when its TLD is known', () => {
    expect(weight('example.com')).toBe(23);
    expect(weight('example.notatld')).toBe('example.notatld'.length);
  });

  it('counts the path after a t.co slug as text, as twitter-text does', () => {
    expect(extractUrls('https://t.co/abc/def')).toEqual([{ url: 'https://t.co/abc', indices: [0, 16] }]);
    expect(weight('https://t.co/abc/def')).toBe(23 + 4);
  });

  it('extracts t.co URLs with query parameters', () => {
    expect(extractUrls('text https://t.co/UqIyJAJTfo?amp=1').map((u) => u.url)).toEqual(['https://t.co/UqIyJAJTfo?amp=1']);
  });

  it('links TLDs delegated after twitter-text 3.1.0 (a deliberate difference)', () => {
    expect(extractUrls('listen at example.music')).toEqual([{ url: 'example.music', indices: [10, 23] }]);
    expect(twitterText.extractUrlsWithIndices('listen at example.music')).toEqual([]);
  });

  it('skips a URL whose host label is longer than 63 characters after punycode', () => {
    const kana = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ';
    // punycode.toASCII of the first 36 kana has 62 characters, of the first 37 it has 64.
    expect(extractUrls(`http://${kana.slice(0, 36)}.com`).length).toBe(1);
    expect(extractUrls(`http://${kana.slice(0, 37)}.com`)).toEqual([]);
  });

  it('skips a URL longer than 4096 characters', () => {
    expect(extractUrls(`https://example.com/${'a'.repeat(4096)}`)).toEqual([]);
  });

  it('reports the indices twitter-text reports when a host repeats an earlier domain', () => {
    const text = 'bit.ly1あжbit.ly';
    expect(extractUrls(text)).toEqual(twitterText.extractUrlsWithIndices(text));
  });
});

describe('extractUrls: edge cases of twitter-text’s URL rules', () => {
  it.each([
    ['a t.co slug over 40 characters', `https://t.co/${'a'.repeat(41)}`],
    ['a t.co slug of 40 characters', `https://t.co/${'a'.repeat(40)}`],
    ['an underscore in a subdomain', 'see a_b.example.com now'],
    ['an underscore in the registered domain', 'see example.a_b.com now'],
    ['a port and a query without a path, no protocol', 'example.com:8080?x=1'],
    ['a port and a query without a path, with protocol', 'http://example.com:8080?x=1'],
    ['an ASCII domain inside a longer IDN host', 'foo.com日本.jp/path'],
    ['an ideographic full stop in a host', 'http://例え。テスト.jp/x'],
    ['an xn-- host without an ASCII domain', 'http://xn--あ.com'],
    ['a punycode TLD', 'http://example.xn--p1ai/x'],
    ['a trailing dot', 'www.example.com.'],
    ['@, $ and # before a domain', '@example.com $example.com #example.com'],
    ['a hyphen, underscore, dot or slash before a protocol-less domain', '-a.com _b.com .c.com /d.com'],
    ['an @ in a path', 'http://foo.com/@user/ http://foo.com/@user'],
    ['nested balanced parentheses', 'http://en.wikipedia.org/wiki/Foo_(bar_(baz))_x'],
    ['parentheses after a dot', 'x a.co/b.(c)~%? a.co/b(c)~'],
    ['unbalanced parentheses', 'http://a.co/((x) http://a.co/x)'],
    ['upper-case protocol and TLD', 'HTTPS://EXAMPLE.COM/A'],
    ['Cyrillic and Latin accents in a path', 'http://example.com/жж/éé/ʀ'],
    ['a TLD followed by a non-ASCII letter', 'example.comé example.みんなです'],
    ['the longer of two Unicode TLDs', 'http://a.嘉里大酒店 http://b.嘉里'],
    ['a URL right after another', 'http://a.comhttp://b.com a.com/b.com'],
    ['a 63- and a 64-character label', `http://${'a'.repeat(63)}.com http://${'a'.repeat(64)}.com`],
  ])('agrees with twitter-text on %s', (_, text) => {
    expect(extractUrls(text)).toEqual(twitterText.extractUrlsWithIndices(text));
    expect(parsePost(text)).toEqual(twitterText.parseTweet(text));
  });
});

describe('parsePost: robustness', () => {
  it.each([
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', 'x\uDC00y'],
    ['only directional marks', '\u2066\u202A\u202C\u2069'],
    ['a URL followed by 10,000 hyphens', `https://example.com/${'-'.repeat(10_000)}`],
    ['deeply nested parentheses', `http://a.co/${'('.repeat(500)}x${')'.repeat(500)}`],
    ['a long run of ZWJs', `👨${'\u200D'.repeat(1000)}`],
  ])('does not throw on %s and agrees with twitter-text', (_, text) => {
    expect(parsePost(text)).toEqual(twitterText.parseTweet(text));
  });

  it('counts the same after prepareCounter() has built its tables', () => {
    const text = 'hi https://example.com 👍🏽 🐦‍🔥';
    const before = parsePost(text);
    prepareCounter();
    expect(parsePost(text)).toEqual(before);
  });

  it('does not throw on a non-string passed from untyped code', () => {
    expect(parsePost(undefined as unknown as string).weightedLength).toBe(0);
  });
});
