import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { displaySegments, type DisplayUrl } from '@/components/post-text';
import { PostText } from '@/components/PostText';

const TCO = 'https://t.co/abc123DEF0';
const PIC = 'https://t.co/pic4567890';
const link: DisplayUrl = {
  url: TCO,
  expandedUrl: 'https://example.com/a/long/path',
  displayUrl: 'example.com/a/long/…',
  start: 5,
  end: 28,
};
const media: DisplayUrl = {
  url: PIC,
  expandedUrl: 'https://x.com/gracehop/status/1/photo/1',
  displayUrl: 'pic.x.com/pic4567890',
  start: 29,
  end: 52,
  mediaKey: '3_1',
};
const text = `Read ${TCO} ${PIC}`;

describe('a post’s text as a card shows it', () => {
  it('shows a t.co link as X’s display URL leading to the expanded URL', () => {
    expect(displaySegments(text, [link, media])).toEqual([
      { text: 'Read ' },
      { text: 'example.com/a/long/…', href: 'https://example.com/a/long/path' },
      { text: ' ' },
      { text: 'pic.x.com/pic4567890', href: 'https://x.com/gracehop/status/1/photo/1' },
    ]);
    const html = renderToStaticMarkup(<PostText text={text} urls={[link, media]} />);
    expect(html).toContain('<a href="https://example.com/a/long/path" target="_blank" rel="noreferrer">example.com/a/long/…</a>');
    expect(html).not.toContain('t.co');
  });

  it('drops the link to the post’s own media where its thumbnail shows, with the space before it', () => {
    expect(displaySegments(text, [link, media], { dropMedia: true })).toEqual([
      { text: 'Read ' },
      { text: 'example.com/a/long/…', href: 'https://example.com/a/long/path' },
    ]);
    expect(displaySegments(`A photo ${PIC}`, [{ ...media, start: 8, end: 31 }], { dropMedia: true })).toEqual([{ text: 'A photo' }]);
    expect(renderToStaticMarkup(<PostText text={text} urls={[link, media]} dropMedia />)).not.toContain('pic.x.com');
  });

  it('keeps an ordinary link whose text looks like the media link, and text that is only a media link becomes empty', () => {
    expect(displaySegments(PIC, [{ ...media, start: 0, end: 23 }], { dropMedia: true })).toEqual([]);
    expect(displaySegments(text, [link], { dropMedia: true })).toEqual([
      { text: 'Read ' },
      { text: 'example.com/a/long/…', href: 'https://example.com/a/long/path' },
      { text: ` ${PIC}` },
    ]);
  });

  it.each([
    ['indices past the end', { ...link, start: 90, end: 113 }],
    ['negative indices', { ...link, start: -5, end: -1 }],
    ['an end before its start', { ...link, start: 28, end: 5 }],
    ['indices off by one', { ...link, start: 4, end: 27 }],
  ])('finds the link in the text when X sends %s', (_, entity) => {
    const segments = displaySegments(text, [entity, media], { dropMedia: true });
    expect(segments).toEqual([{ text: 'Read ' }, { text: 'example.com/a/long/…', href: 'https://example.com/a/long/path' }]);
  });

  it('does not crash on overlapping entities or a link missing from the text, and keeps all the text', () => {
    const overlapping = { ...link, start: 10, end: 33, url: 'https://t.co/zzzzzzzzzz' };
    const segments = displaySegments(text, [link, overlapping, media], { dropMedia: true });
    expect(segments.map((s) => s.text).join('')).toBe('Read example.com/a/long/…');
    const missing = displaySegments('No links here', [link]);
    expect(missing).toEqual([{ text: 'No links here' }]);
  });

  it('never makes a link of an address that is not http(s)', () => {
    const script = { url: TCO, expandedUrl: 'javascript:alert(1)', displayUrl: 'click.me', start: 5, end: 28 };
    const html = renderToStaticMarkup(<PostText text={text} urls={[script]} />);
    expect(html).not.toContain('javascript:');
  });

  it('undoes X’s HTML escapes in the text', () => {
    expect(displaySegments('Tom &amp; Jerry &lt;3', [])).toEqual([{ text: 'Tom & Jerry <3' }]);
  });

  describe('a link’s shown address names where it goes', () => {
    const shown = (entity: Partial<DisplayUrl>) => displaySegments(text, [{ ...link, ...entity }]).find((s) => s.href !== undefined);

    it('shows the host a link goes to when X’s display URL names another one', () => {
      const lure = { displayUrl: 'x.com/…', expandedUrl: 'https://evil.example/login/verify-account' };
      expect(shown(lure)).toEqual({ text: 'evil.example/login/verify-a…', href: 'https://evil.example/login/verify-account' });
      const html = renderToStaticMarkup(<PostText text={text} urls={[{ ...link, ...lure }]} />);
      expect(html).toContain('>evil.example/login/verify-a…</a>');
      expect(html).not.toContain('x.com/…');
    });

    it.each([
      ['a host hidden behind a user name', 'x.com@evil.example/a', 'https://x.com@evil.example/a', 'evil.example/a'],
      ['a look-alike longer host', 'x.com/home', 'https://x.com.evil.example/', 'x.com.evil.example'],
      ['a bidi override', 'evil.example/\u202Emoc.x', 'https://evil.example/', 'evil.example'],
      ['a link whose expanded URL is not a web address', 'x.com/home', 'javascript:alert(1)', 't.co/abc123DEF0'],
    ])('shows where the link goes for %s', (_, displayUrl, expandedUrl, label) => {
      expect(shown({ displayUrl, expandedUrl })?.text).toBe(label);
    });

    it.each([
      ['an ordinary cut display URL', 'example.com/a/long/…', 'https://example.com/a/long/path'],
      ['www. and capitals', 'Example.com/Path', 'https://www.example.com/Path'],
      ['X’s old name for its own posts', 'twitter.com/AureliaSpecker…', 'https://x.com/AureliaSpecker/status/1195000047089389573'],
      ['a plain http link', 'example.com/plain', 'http://example.com/plain'],
    ])('keeps X’s display URL for %s', (_, displayUrl, expandedUrl) => {
      expect(shown({ displayUrl, expandedUrl })).toEqual({ text: displayUrl, href: expandedUrl });
    });

    it('never links to data: or other non-web addresses', () => {
      const url = 'data:text/html,hi';
      const segments = displaySegments(`Read ${url}`, [
        { url, expandedUrl: 'data:text/html,<b>1</b>', displayUrl: 'x.com', start: 5, end: 22 },
      ]);
      expect(segments).toEqual([{ text: 'Read ' }, { text: 'x.com' }]);
      expect(renderToStaticMarkup(<PostText text={`Read ${url}`} urls={[{ url, start: 5, end: 22 }]} />)).not.toContain('href');
    });
  });
});
