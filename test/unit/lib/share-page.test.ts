import { describe, expect, it } from 'vitest';
import { SHARE_TITLE_MAX, sharedPage } from '@/lib/share-page';

/** The title and address a post sharing an ordinary page starts from (the popup's share composer and its gate). */

const URL_ = 'https://example.com/a';
const titleOf = (title: string) => sharedPage(title, URL_).title;

describe('a shared page’s address', () => {
  it.each([
    ['a user name and password', 'https://ada:s3cret@intranet.example/report?q=1#top', 'https://intranet.example/report?q=1#top'],
    ['a user name alone', 'https://ada@intranet.example/', 'https://intranet.example/'],
    ['a password alone', 'http://:s3cret@intranet.example/', 'http://intranet.example/'],
  ])('loses %s', (_case, url, shared) => {
    expect(sharedPage('', url).url).toBe(shared);
  });

  it('is kept exactly as it is without one', () => {
    const url = 'https://example.com/a%20b/?q=%E2%9C%93&x=1#Frag';
    expect(sharedPage('', url).url).toBe(url);
  });
});

describe('a shared page’s title', () => {
  it.each([
    [
      'bidi overrides and isolates',
      'Sale\u202Emoc.live\u202C \u2066a\u2069\u2067b\u2069\u2068c\u2069 \u202Ad\u202B\u202C',
      'Salemoc.live abc d',
    ],
    ['bidi marks', '\u200Fx\u200E\u061Cy', 'xy'],
    ['zero-width spaces, word joiners and byte-order marks', 'pay\u200Bpal\u2060.com\uFEFF', 'paypal.com'],
    ['line breaks and tabs, each run one space', 'One\r\n\nTwo\u2028Three\u2029Four\tFive\u0085Six', 'One Two Three Four Five Six'],
    ['spaces at its ends', '  \n Title \n ', 'Title'],
  ])('drops %s', (_case, title, shared) => {
    expect(titleOf(title)).toBe(shared);
  });

  it.each([
    ['Hebrew', 'שלום עולם'],
    ['Arabic', 'مرحبا بالعالم'],
    ['Persian with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['an emoji joined by zero-width joiners', '👩\u200D👩\u200D👧'],
  ])('keeps %s as it is written', (_case, title) => {
    expect(titleOf(title)).toBe(title);
  });

  it('keeps a title of the longest length whole', () => {
    const title = 'x'.repeat(SHARE_TITLE_MAX);
    expect(titleOf(title)).toBe(title);
  });

  it('cuts a megabyte title to the longest length, ending with "…"', () => {
    const shared = titleOf(`A ${'x'.repeat(1_000_000)}`);
    expect([[...shared].length, shared.endsWith('x…')]).toEqual([SHARE_TITLE_MAX, true]);
  });

  it('never cuts a character in two', () => {
    const shared = titleOf('😀'.repeat(SHARE_TITLE_MAX + 1));
    expect(shared).toBe(`${'😀'.repeat(SHARE_TITLE_MAX - 1)}…`);
  });

  it('keeps a title of the longest length in characters whole, though longer in UTF-16 units', () => {
    const title = '😀'.repeat(SHARE_TITLE_MAX);
    expect(titleOf(title)).toBe(title);
  });
});
