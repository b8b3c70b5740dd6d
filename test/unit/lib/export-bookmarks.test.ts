import { describe, expect, it } from 'vitest';
import { bookmarksToCsv, bookmarksToJson, bookmarksToMarkdown, type ExportedBookmark } from '@/lib/export';
import { FSI, PDI } from '@/lib/text/bidi';
import { expandedText, postTextSegments } from '@/lib/text/segments';
import { readCsv as parseCsv } from './csv-reader';

/**
 * Bookmarks exported as CSV, JSON and Markdown, post text with its links written out. The formats' own rules
 * (CSV fields, Markdown escaping, file names): export.test.ts.
 */

describe('post text with links', () => {
  const tco = 'https://t.co/abcdefghij';

  it('replaces a t.co link by its display URL, linking to the expanded one', () => {
    const text = `日本語 🐦 read ${tco} now`;
    const start = Array.from(`日本語 🐦 read `).length;
    const segments = postTextSegments(text, [
      { url: tco, expandedUrl: 'https://example.com/a/long/path', displayUrl: 'example.com/a/long/…', start, end: start + 23 },
    ]);
    expect(segments).toEqual([
      { text: '日本語 🐦 read ' },
      { text: 'example.com/a/long/…', href: 'https://example.com/a/long/path' },
      { text: ' now' },
    ]);
    expect(expandedText(segments)).toBe('日本語 🐦 read https://example.com/a/long/path now');
  });

  it('finds the link by its text when the indices do not match', () => {
    const segments = postTextSegments(`see ${tco}`, [{ url: tco, expandedUrl: 'https://a.example/', start: 0, end: 3 }]);
    expect(segments).toEqual([{ text: 'see ' }, { text: 'https://a.example/', href: 'https://a.example/' }]);
  });

  it('never links anything but http(s), and the link reads as where it goes', () => {
    const segments = postTextSegments(`x ${tco}`, [
      { url: tco, expandedUrl: 'javascript:alert(1)', displayUrl: 'evil', start: 2, end: 25 },
    ]);
    expect(segments[1]).toEqual({ text: 't.co/abcdefghij', href: tco });
  });

  it('shows X’s escaped &, < and > as the characters', () => {
    expect(postTextSegments('a &amp; b &lt;3', [])).toEqual([{ text: 'a & b <3' }]);
  });
});

const pick = (o: object, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));

describe('bookmark exports', () => {
  const items: ExportedBookmark[] = [
    {
      id: '1',
      url: 'https://x.com/zoe/status/1',
      createdAt: '2025-08-01T10:00:00.000Z',
      authorName: 'Zoë Ångström 🌿',
      authorUsername: 'zoe',
      segments: [{ text: '=cmd| "hi", *all*\n' }, { text: 'example.com', href: 'https://example.com/' }],
      mediaCount: 2,
      quotedId: '9',
      folders: ['Read later 📚'],
      tags: ['rust', '東京'],
      note: '=SUM(A1) is *my* note\n# not a heading',
      read: true,
    },
    { id: '2', url: 'https://x.com/i/status/2', segments: [{ text: '東京 🗼' }], mediaCount: 0, folders: [] },
  ];

  it('writes CSV that a spreadsheet reads back as the same text, without running formulas', () => {
    const rows = parseCsv(bookmarksToCsv(items));
    expect(rows[0]).toEqual([
      'id',
      'url',
      'created_at',
      'author_name',
      'author_username',
      'text',
      'links',
      'media_count',
      'quoted_post_url',
      'folders',
      'tags',
      'note',
      'read',
    ]);
    expect(rows[1]).toEqual([
      '1',
      'https://x.com/zoe/status/1',
      '2025-08-01T10:00:00.000Z',
      'Zoë Ångström 🌿',
      'zoe',
      `'=cmd| "hi", *all*\nhttps://example.com/`,
      'https://example.com/',
      '2',
      'https://x.com/i/status/9',
      'Read later 📚',
      'rust 東京',
      `'=SUM(A1) is *my* note\n# not a heading`,
      'true',
    ]);
    expect(rows[2]).toEqual(['2', 'https://x.com/i/status/2', '', '', '', '東京 🗼', '', '0', '', '', '', '', 'false']);
  });

  it('writes JSON with the expanded text and links', () => {
    const json = JSON.parse(bookmarksToJson(items, { account: 'adaperch', exportedAt: '2026-11-23T00:00:00.000Z' })) as {
      count: number;
      bookmarks: { text: string; links: string[]; author: unknown }[];
    };
    expect(json.count).toBe(2);
    expect(json.bookmarks[0]).toMatchObject({
      text: '=cmd| "hi", *all*\nhttps://example.com/',
      links: ['https://example.com/'],
      author: { name: 'Zoë Ångström 🌿', username: 'zoe' },
    });
    expect(json.bookmarks[1]?.author).toBeNull();
    // The person's own organising, which an import restores: none, '' and unread where there is none.
    expect(json.bookmarks.map((b) => pick(b, ['tags', 'note', 'read']))).toEqual([
      { tags: ['rust', '東京'], note: '=SUM(A1) is *my* note\n# not a heading', read: true },
      { tags: [], note: '', read: false },
    ]);
  });

  it('writes Markdown with escaped text, links and one bullet per bookmark', () => {
    const md = bookmarksToMarkdown(items, {
      title: 'Bookmarks of @ada',
      openOnX: 'Open on X',
      quoted: 'Quoted post',
      media: (n) => `${n} media`,
    });
    expect(md).toBe(
      '# Bookmarks of @ada\n\n' +
        `- **${FSI}Zoë Ångström 🌿${PDI}** [${FSI}@zoe${PDI}](https://x.com/zoe) · 2025-08-01 · [Open on X](https://x.com/zoe/status/1) · Read  \n` +
        '  \\=cmd\\| "hi", \\*all\\*  \n' +
        '  [example.com](https://example.com/)  \n' +
        '  2 media · [Quoted post](https://x.com/i/status/9)  \n' +
        '  Tags: `rust` `東京`  \n' +
        '  Note: =SUM(A1) is \\*my\\* note  \n' +
        '  \\# not a heading\n' +
        '- [Open on X](https://x.com/i/status/2)  \n' +
        '  東京 🗼\n',
    );
  });

  it('writes each tag as one code span, whatever backticks a stored tag holds', () => {
    // Tags are normalised when written, but a row edited by hand (or from another version) can hold anything: a
    // backtick must not end the span and let the rest be read as a link.
    const tagged: ExportedBookmark = { ...items[1]!, tags: ['x` [a](javascript:alert(1)) `', '``', 'a\nb'] };
    const md = bookmarksToMarkdown([tagged], { title: 'B', openOnX: 'Open on X', quoted: 'Q', media: () => '' });
    expect(md).toContain('Tags: `` x` [a](javascript:alert(1)) ` `` ``` `` ``` `a b`');
  });

  describe('with an author whose name ends in U+202E (RIGHT-TO-LEFT OVERRIDE)', () => {
    const evil: ExportedBookmark[] = [
      {
        id: '7',
        url: 'https://x.com/paypal_support/status/7',
        authorName: 'Evil\u202E',
        authorUsername: 'paypal_support',
        segments: [{ text: 'refund\u202E now' }],
        mediaCount: 0,
        folders: [],
      },
    ];
    const words = { title: 'Bookmarks', openOnX: 'Open on X', quoted: 'Quoted post', media: (n: number) => `${n} media` };

    it('isolates the name and @username in Markdown, so the override cannot reverse what follows', () => {
      const md = bookmarksToMarkdown(evil, words);
      expect(md).toContain(`**${FSI}Evil\u202E${PDI}** [${FSI}@paypal\\_support${PDI}](https://x.com/paypal_support)`);
      expect(md).toContain(`${FSI}refund\u202E now${PDI}`);
      // Every override is closed by a PDI before the end of its line.
      for (const line of md.split('\n')) {
        const at = line.indexOf('\u202E');
        if (at >= 0) expect(line.indexOf(PDI, at)).toBeGreaterThan(at);
      }
    });

    it('isolates the name in CSV and keeps the other cells as they are', () => {
      const rows = parseCsv(bookmarksToCsv(evil));
      expect(rows[1]?.slice(3, 6)).toEqual([`${FSI}Evil\u202E${PDI}`, 'paypal_support', `${FSI}refund\u202E now${PDI}`]);
    });

    it('keeps X’s raw text in JSON, which is parsed and never rendered', () => {
      const json = JSON.parse(bookmarksToJson(evil, { account: 'ada', exportedAt: '2026-11-23T00:00:00.000Z' })) as {
        bookmarks: { author: { name: string }; text: string }[];
      };
      expect(json.bookmarks[0]?.author.name).toBe('Evil\u202E');
      expect(json.bookmarks[0]?.text).toBe('refund\u202E now');
    });
  });
});
