import { describe, expect, it } from 'vitest';
import { RefusedError } from '@/lib/refused-error';
import { InvalidTagError, normaliseTag, normaliseTags, TAG_MAX, TAGS_PER_BOOKMARK_MAX } from '@/lib/bookmarks/tags';

describe('a tag', () => {
  it.each([
    ['rust', 'rust'],
    ['  Rust  ', 'rust'],
    ['#Rust', 'rust'],
    ['# rust', 'rust'],
    ['to read', 'to-read'],
    ['to   read', 'to-read'],
    ['snake_case', 'snake_case'],
    ['web-dev', 'web-dev'],
    ['2024', '2024'],
    ['ÉCOLE', 'école'],
    // Decomposed É (E + U+0301) is the same tag as the composed one.
    ['E\u0301cole', 'école'],
    ['東京', '東京'],
    ['読みたい', '読みたい'],
    ['Ελληνικά', 'ελληνικά'],
    ['हिन्दी', 'हिन्दी'],
  ])('%j is stored as %j', (input, tag) => {
    expect(normaliseTag(input)).toBe(tag);
  });

  it('is lower-cased the same in every locale: "I" never becomes a dotless ı', () => {
    expect(normaliseTag('TITLE')).toBe('title');
    expect(normaliseTag('İstanbul')).toBe('i̇stanbul'.normalize('NFC'));
  });

  it.each(['', '   ', '#', '##', 'c++', 'a/b', 'what?', 'emoji🙂', '@someone', '-', '__', 'a'.repeat(TAG_MAX + 1)])(
    '%j is no tag',
    (input) => {
      expect(normaliseTag(input)).toBeUndefined();
    },
  );

  it(`may be ${TAG_MAX} characters long, counted as characters not UTF-16 units`, () => {
    expect(normaliseTag('a'.repeat(TAG_MAX))).toBe('a'.repeat(TAG_MAX));
    expect(normaliseTag('𠮷'.repeat(TAG_MAX))).toBe('𠮷'.repeat(TAG_MAX));
  });
});

/** The words a refusal carries to the screen (lib/reply-words.ts), from what `run` threw. */
function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e instanceof RefusedError ? e.replyWords : e;
  }
  throw new Error('expected a refusal');
}

describe("a bookmark's tags", () => {
  it('are normalised, without repeats, in one order whatever the locale', () => {
    expect(normaliseTags(['Zed', '#alpha', 'ALPHA', 'beta'])).toEqual(['alpha', 'beta', 'zed']);
  });

  it('refuse every invalid tag by name, and keep nothing of the list', () => {
    expect(() => normaliseTags(['ok', 'c++', 'a/b'])).toThrow(InvalidTagError);
    expect(refusal(() => normaliseTags(['ok', 'c++', 'a/b']))).toMatchObject({ kind: 'tags-invalid', tags: ['c++', 'a/b'], count: 2 });
  });

  it(`are at most ${TAGS_PER_BOOKMARK_MAX}`, () => {
    const many = Array.from({ length: TAGS_PER_BOOKMARK_MAX + 1 }, (_, i) => `t${i}`);
    expect(refusal(() => normaliseTags(many))).toEqual({ kind: 'tags-too-many', count: TAGS_PER_BOOKMARK_MAX + 1 });
    expect(normaliseTags(many.slice(1))).toHaveLength(TAGS_PER_BOOKMARK_MAX);
  });
});
