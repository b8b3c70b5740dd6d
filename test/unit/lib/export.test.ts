import { describe, expect, it } from 'vitest';
import {
  bookmarksToCsv,
  bookmarksToJson,
  bookmarksToMarkdown,
  csvField,
  escapeMarkdown,
  exportFileName,
  expandedText,
  markdownLink,
  postTextSegments,
  toCsv,
  toJson,
  toMarkdownList,
  toMarkdownTable,
  type Column,
  type ExportedBookmark,
} from '@/lib/export';

/** A minimal RFC 4180 reader, to check that what toCsv writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('CSV fields', () => {
  it.each([
    ['plain text', 'hello', 'hello'],
    ['a comma', 'a,b', '"a,b"'],
    ['a double quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['CJK and emoji', '日本語 🐦', '日本語 🐦'],
    ['an empty string', '', ''],
    ['undefined', undefined, ''],
    ['null', null, ''],
    ['a number', 42, '42'],
    ['a negative number', -3, '-3'],
    ['a boolean', true, 'true'],
  ])('writes %s as RFC 4180 wants', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+', '+1+1', "'+1+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', `"'\r=1"`],
    ['a full-width =', '＝1+1', "'＝1+1"],
  ])('neutralises text starting with %s so no spreadsheet runs it', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves a formula character inside the text alone', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('mail me @ada')).toBe('mail me @ada');
  });
});

describe('toCsv', () => {
  const columns: Column<{ name: string; note: string; n: number }>[] = [
    { header: 'name', value: (r) => r.name },
    { header: 'note', value: (r) => r.note },
    { header: 'n', value: (r) => r.n },
  ];

  it('writes a header and one CRLF-terminated line per row', () => {
    expect(toCsv([{ name: 'Ada', note: 'hi', n: 1 }], columns)).toBe('name,note,n\r\nAda,hi,1\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv([], columns)).toBe('name,note,n\r\n');
  });

  it('reads back as the same cells, whatever the text holds', () => {
    const rows = [
      { name: 'Zoë "Z" Ångström', note: 'line one\nline two, with a comma', n: 2 },
      { name: 'a,b', note: '"quoted"\r\n', n: -1 },
      { name: '山田 花子', note: '', n: 0 },
    ];
    expect(parseCsv(toCsv(rows, columns))).toEqual([
      ['name', 'note', 'n'],
      ['Zoë "Z" Ångström', 'line one\nline two, with a comma', '2'],
      ['a,b', '"quoted"\r\n', '-1'],
      ['山田 花子', '', '0'],
    ]);
  });
});

describe('toJson', () => {
  it('pretty-prints with a final newline and keeps non-ASCII text as is', () => {
    expect(toJson({ a: '日本' })).toBe('{\n  "a": "日本"\n}\n');
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['emphasis', '*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['code', 'use `x`', 'use \\`x\\`'],
    ['a link', '[click](http://x)', '\\[click\\](http://x)'],
    ['HTML', '<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['a pipe', 'a | b', 'a \\| b'],
    ['a backslash', 'C:\\path', 'C:\\\\path'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['a heading marker', '# not a heading', '\\# not a heading'],
    ['a list marker', '- not a list', '\\- not a list'],
    ['an ordered list marker', '1. not a list', '1\\. not a list'],
    ['an entity', 'AT&amp;T', 'AT\\&amp;T'],
    ['a bare ampersand', 'R&D', 'R&D'],
    ['a hashtag mid-line', 'I love #dev', 'I love #dev'],
    ['CJK', '日本語のテキスト', '日本語のテキスト'],
  ])('escapes %s', (_name, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('escapes markers at the start of every line', () => {
    expect(escapeMarkdown('ok\n# two\n> three')).toBe('ok\n\\# two\n\\> three');
  });

  it('writes a link whose label is escaped and whose URL cannot break out', () => {
    expect(markdownLink('a [b]', 'https://example.com/a (b)<c>')).toBe('[a \\[b\\]](https://example.com/a%20%28b%29%3Cc%3E)');
  });
});

describe('Markdown tables and lists', () => {
  const columns: Column<{ who: string; why: string }>[] = [
    { header: 'who', value: (r) => r.who },
    { header: 'why', value: (r) => r.why },
  ];

  it('writes a GFM table with escaped cells and line breaks as <br>', () => {
    expect(toMarkdownTable([{ who: '@a|b', why: 'one\ntwo' }], columns)).toBe('| who | why |\n| --- | --- |\n| @a\\|b | one<br>two |\n');
  });

  it('indents the further lines of a list entry under its bullet', () => {
    expect(toMarkdownList(['one\ntwo', 'three'], (s) => s)).toBe('- one\n  two\n- three\n');
  });
});

describe('file names', () => {
  it('dates the file in the local time zone', () => {
    expect(exportFileName('bookmarks', 'csv', new Date(2026, 0, 5, 23, 59))).toBe('perch-bookmarks-2026-01-05.csv');
  });
});

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

  it('never links anything but http(s)', () => {
    const segments = postTextSegments(`x ${tco}`, [
      { url: tco, expandedUrl: 'javascript:alert(1)', displayUrl: 'evil', start: 2, end: 25 },
    ]);
    expect(segments[1]).toEqual({ text: 'evil', href: tco });
  });

  it('shows X’s escaped &, < and > as the characters', () => {
    expect(postTextSegments('a &amp; b &lt;3', [])).toEqual([{ text: 'a & b <3' }]);
  });
});

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
    ]);
    expect(rows[2]).toEqual(['2', 'https://x.com/i/status/2', '', '', '', '東京 🗼', '', '0', '', '']);
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
        '- **Zoë Ångström 🌿** [@zoe](https://x.com/zoe) · 2025-08-01 · [Open on X](https://x.com/zoe/status/1)  \n' +
        '  \\=cmd\\| "hi", \\*all\\*  \n' +
        '  [example.com](https://example.com/)  \n' +
        '  2 media · [Quoted post](https://x.com/i/status/9)\n' +
        '- [Open on X](https://x.com/i/status/2)  \n' +
        '  東京 🗼\n',
    );
  });
});
