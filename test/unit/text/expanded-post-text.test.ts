import { describe, expect, it } from 'vitest';
import { expandedPostText, expandedText, postTextSegments, type UrlEntity } from '@/lib/text/segments';

/**
 * The background words no link's label: it turns a post's t.co links into where they go (the text an edit starts
 * from, lib/services/post-edit.ts) with expandedPostText, which must give exactly what the screens' expandedText of
 * postTextSegments gives, for every kind of entity X sends.
 */
const CASES: [string, string, UrlEntity[]][] = [
  ['no links, X’s escapes undone', 'a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;', []],
  [
    'a link at its code-point place after an emoji and CJK',
    '日本 🐦 see https://t.co/abc now',
    [{ url: 'https://t.co/abc', expandedUrl: 'https://example.com/a/long/path', displayUrl: 'example.com/a/long/…', start: 8, end: 24 }],
  ],
  [
    'a link whose indices are off, found in the text',
    'x https://t.co/q y',
    [{ url: 'https://t.co/q', expandedUrl: 'https://example.org/', start: 40, end: 54 }],
  ],
  ['a link not in the text at all, left as text', 'nothing here', [{ url: 'https://t.co/zz', start: 0, end: 15 }]],
  [
    'a link to a non-web address: X’s display URL stays',
    'go https://t.co/j',
    [{ url: 'https://t.co/j', expandedUrl: 'javascript:alert(1)', displayUrl: 'example.com', start: 3, end: 17 }],
  ],
  [
    'a display URL naming another host',
    'go https://t.co/k &amp; more',
    [{ url: 'https://t.co/k', expandedUrl: 'https://evil.example/x', displayUrl: 'bank.example', start: 3, end: 17 }],
  ],
  [
    'two links, given out of order, and one overlapping the first',
    'https://t.co/a and https://t.co/b',
    [
      { url: 'https://t.co/b', expandedUrl: 'https://b.example/', start: 19, end: 33 },
      { url: 'https://t.co/a', expandedUrl: 'https://a.example/', start: 0, end: 14 },
      { url: 'https://t.co/a', expandedUrl: 'https://c.example/', start: 2, end: 16 },
    ],
  ],
  ['a t.co link without its expansion', 'see https://t.co/n', [{ url: 'https://t.co/n', start: 4, end: 18 }]],
];

describe('an edit’s starting text, made in the background', () => {
  it.each(CASES)('is what the screens show expanded: %s', (_case, text, urls) => {
    expect(expandedPostText(text, urls)).toBe(expandedText(postTextSegments(text, urls)));
  });

  it('puts where each link goes in place of its t.co link', () => {
    const [, text, urls] = CASES[1]!;
    expect(expandedPostText(text, urls)).toBe('日本 🐦 see https://example.com/a/long/path now');
  });
});
