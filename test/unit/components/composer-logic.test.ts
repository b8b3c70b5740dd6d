import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSplit, splitPostInThread, whyCannotPost } from '@/components/compose-rules';
import { segmentsOf } from '@/components/PostEditor';
import type { EditablePost } from '@/components/use-draft';
import { parsePost } from '@/lib/text/parse-post';

const image = { id: 'img-1', name: 'photo.png', type: 'image/png', size: 1234 };
const post = (text: string, media: EditablePost['media'] = []): EditablePost => ({ text, media });
const URL_23 = 'https://example.com/a/rather/long/path/that/still/counts/as/23';

describe('why the Post button is disabled', () => {
  it.each([
    ['an empty post', [post('')], 'write something to post.'],
    ['a post of spaces and line breaks', [post('  \n\t ')], 'write something to post.'],
    ['a post of 281 characters', [post('a'.repeat(281))], '1 character over X’s limit of 280.'],
    ['a post of 300 characters', [post('a'.repeat(300))], '20 characters over X’s limit of 280.'],
    ['141 CJK characters (2 each)', [post('日'.repeat(141))], '2 characters over X’s limit of 280.'],
    ['a link that pushes 258 characters to 281', [post(`${'a'.repeat(257)} ${URL_23}`)], '1 character over X’s limit of 280.'],
    ['a character X does not allow (U+FFFF)', [post('hello \uFFFF')], 'the text has a character X does not allow.'],
    ['a character X does not allow (U+FFFE)', [post('\uFFFEhello')], 'the text has a character X does not allow.'],
    ['an image with text over the limit', [post('a'.repeat(281), [image])], '1 character over X’s limit of 280.'],
  ])('names %s', (_case, posts, reason) => {
    expect(whyCannotPost(posts)).toBe(reason);
  });

  it.each([
    ['a short post', [post('Hello, X')]],
    ['exactly 280 characters', [post('a'.repeat(280))]],
    ['140 CJK characters (280)', [post('日'.repeat(140))]],
    ['a link that brings 257 characters to exactly 280', [post(`${'a'.repeat(256)} ${URL_23}`)]],
    ['an image and no text', [post('', [image])]],
    ['an image and only spaces', [post('   ', [image])]],
    ['a thread of valid posts', [post('one'), post('two', [image]), post('c'.repeat(280))]],
  ])('allows %s', (_case, posts) => {
    expect(whyCannotPost(posts)).toBeUndefined();
  });

  it.each([
    ['an empty 2nd post', [post('fine'), post('')], 'Post 2: write something to post.'],
    ['a 3rd post one over', [post('one'), post('two'), post('x'.repeat(281))], 'Post 3: 1 character over X’s limit of 280.'],
    ['an invalid character in post 2', [post('one'), post('bad \uFFFF')], 'Post 2: the text has a character X does not allow.'],
    ['the first of several problems', [post('a'.repeat(290)), post('')], 'Post 1: 10 characters over X’s limit of 280.'],
  ])('names the post number in a thread with %s', (_case, posts, reason) => {
    expect(whyCannotPost(posts)).toBe(reason);
  });

  it('agrees with the counter on any single post with text: postable exactly when X would count it valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 320 }), (text) => {
        fc.pre(text.trim() !== '');
        // Enterprise: no cashtag limit, so only X's count decides.
        expect(whyCannotPost([post(text)], true) === undefined).toBe(parsePost(text).valid);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cashtags on a self-serve app (at most one per post)', () => {
  it('names how many and which, before posting', () => {
    expect(whyCannotPost([post('$AAPL beats $MSFT and $GOOG')])).toBe(
      'your X app’s plan allows one cashtag per post, and this one has 3 ($AAPL, $MSFT, and $GOOG).',
    );
    expect(whyCannotPost([post('one $AAPL'), post('$AAPL $TSLA')])).toBe(
      'Post 2: your X app’s plan allows one cashtag per post, and this one has 2 ($AAPL and $TSLA).',
    );
  });
  it('allows one cashtag, prices, and any number on the Enterprise plan', () => {
    expect(whyCannotPost([post('Only $AAPL, up $5.20 today')])).toBeUndefined();
    expect(whyCannotPost([post('$AAPL beats $MSFT')], true)).toBeUndefined();
  });
});

describe('the highlight segments of a post', () => {
  const joined = (text: string) => segmentsOf(text, parsePost(text));

  it('marks a URL as a link, and nothing else', () => {
    const text = `read ${URL_23} now`;
    expect(joined(text)).toEqual([
      { text: 'read ', url: false, over: false },
      { text: URL_23, url: true, over: false },
      { text: ' now', url: false, over: false },
    ]);
  });

  it('marks each of several URLs, including bare domains', () => {
    const urls = joined('see example.com and https://x.com/home.').filter((s) => s.url);
    expect(urls.map((s) => s.text)).toEqual(['example.com', 'https://x.com/home']);
  });

  it.each([
    ['a short post', 'Hello, X'],
    ['exactly 280 characters', 'a'.repeat(280)],
    ['140 CJK characters', '日'.repeat(140)],
    ['a post of emoji 🐦‍🔥 and 👍🏽', `${'🐦‍🔥'.repeat(100)} 👍🏽`],
    ['empty text', ''],
  ])('marks nothing as over the limit in %s', (_case, text) => {
    expect(joined(text).some((s) => s.over)).toBe(false);
  });

  it.each([
    ['Latin text', 'a'.repeat(300)],
    ['CJK text (2 each)', '日'.repeat(150)],
    ['emoji (2 each)', '🐦‍🔥'.repeat(150)],
    ['a URL that crosses the limit', `${'a'.repeat(270)} ${URL_23} tail`],
    ['mixed text', `${'Ünïcödé 日本 👍🏽 '.repeat(30)}`],
    ['an invalid character mid-text', 'before \uFFFF after'],
    ['decomposed accents NFC shortens', 'e\u0301'.repeat(290)],
  ])('starts the overflow exactly after validRangeEnd in %s', (_case, text) => {
    const parsed = parsePost(text);
    const segments = segmentsOf(text, parsed);
    const firstOver = segments.findIndex((s) => s.over);
    expect(firstOver).toBeGreaterThanOrEqual(0);
    const before = segments.slice(0, firstOver).map((s) => s.text);
    expect(before.join('')).toBe(text.slice(0, parsed.validRangeEnd + 1));
    expect(
      segments
        .slice(firstOver)
        .map((s) => s.text)
        .join(''),
    ).toBe(text.slice(parsed.validRangeEnd + 1));
    expect(segments.slice(firstOver).every((s) => s.over)).toBe(true);
  });

  it('marks a URL that crosses the limit as over as a whole, since it counts 23 at once', () => {
    const text = `${'a'.repeat(270)} ${URL_23} tail`;
    expect(parsePost(text).validRangeEnd).toBe(270);
    expect(joined(text)).toEqual([
      { text: `${'a'.repeat(270)} `, url: false, over: false },
      { text: URL_23, url: true, over: true },
      { text: ' tail', url: false, over: true },
    ]);
  });

  it('marks exactly the 281st Latin character onward', () => {
    const text = `${'a'.repeat(280)}bcd`;
    expect(joined(text)).toEqual([
      { text: 'a'.repeat(280), url: false, over: false },
      { text: 'bcd', url: false, over: true },
    ]);
  });

  it('gives segments that concatenate back to the text, none empty, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc
            .array(fc.constantFrom('a', ' ', '日', '👍🏽', 'https://x.com/a', 'example.com', '\uFFFF', 'e\u0301', '\n'), { maxLength: 200 })
            .map((parts) => parts.join('')),
        ),
        (text) => {
          const segments = joined(text);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          expect(segments.every((s) => s.text.length > 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Split into a thread, in the composer', () => {
  const long = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of a post that grew too long for X.`).join(' ');

  it('is offered only for a post over the limit', () => {
    expect(canSplit(post(long))).toBe(true);
    expect(canSplit(post('a'.repeat(280)))).toBe(false);
    expect(canSplit(post(''))).toBe(false);
  });

  it('replaces the post by its numbered parts, images on the first, other posts as they were', () => {
    const result = splitPostInThread([post('Before.'), post(long, [image]), post('After.')], 1);
    if (!('posts' in result)) throw new Error('expected a split');
    const texts = result.posts.map((p) => p.text);
    expect(texts[0]).toBe('Before.');
    expect(texts.at(-1)).toBe('After.');
    const parts = result.posts.slice(1, -1);
    expect(parts).toHaveLength(result.parts);
    expect(parts.map((p) => p.media)).toEqual([[image], ...parts.slice(1).map(() => [])]);
    parts.forEach((p, i) => expect(p.text).toMatch(new RegExp(` ${i + 1}/${parts.length}$`)));
    expect(whyCannotPost(result.posts)).toBeUndefined();
  });

  it('refuses a split that would pass 25 posts in a thread', () => {
    const essay = Array.from({ length: 200 }, (_, i) => `This is sentence ${i + 1} of a very long essay about posting.`).join(' ');
    expect(splitPostInThread([post(essay)], 0)).toEqual({ tooLong: 25 });
  });
});
