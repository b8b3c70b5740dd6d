import { describe, expect, it } from 'vitest';
import {
  csvField,
  escapeMarkdown,
  exportFileName,
  markdownLink,
  toCsv,
  toJson,
  toMarkdownList,
  toMarkdownTable,
  type Column,
} from '@/lib/export';
import { FSI, PDI } from '@/lib/text/bidi';
import { looksLikeFormula, readCsv as parseCsv } from './csv-reader';

describe('CSV fields', () => {
  it.each([
    ['plain text', 'hello', '"hello"'],
    ['a comma', 'a,b', '"a,b"'],
    ['a semicolon', 'a;b', '"a;b"'],
    ['a double quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['CJK and emoji', '日本語 🐦', '"日本語 🐦"'],
    ['an empty string', '', '""'],
    ['undefined', undefined, ''],
    ['null', null, ''],
    ['a number', 42, '42'],
    ['a negative number', -3, '-3'],
    ['a boolean', true, 'true'],
  ])('writes %s as RFC 4180 wants, every text cell quoted', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['= (=1+1)', '=1+1', `"'=1+1"`],
    ['+', '+1+1', `"'+1+1"`],
    ['-', '-2+3', `"'-2+3"`],
    ['@', '@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['a space before =', ' =1+1', `"' =1+1"`],
    ['spaces and a line feed before +', '  \n+1', `"'  \n+1"`],
    ['a tab', '\t=1', `"'\t=1"`],
    ['a tab alone', '\tx', `"'\tx"`],
    ['a NUL', '\0=1', `"'\0=1"`],
    ['a carriage return', '\r=1', `"'\r=1"`],
    ['a zero-width space before @', '\u200B@x', `"'\u200B@x"`],
    ['a full-width =', '＝1+1', `"'＝1+1"`],
    ['a small =', '\uFE661+1', `"'\uFE661+1"`],
    ['a small +', '\uFE621', `"'\uFE621"`],
    ['a small -', '\uFE632', `"'\uFE632"`],
    ['a small @', '\uFE6BSUM(1)', `"'\uFE6BSUM(1)"`],
    ['a NEL before =', '\u0085=1', `"'\u0085=1"`],
    ['a Mongolian vowel separator before =', '\u180E=1', `"'\u180E=1"`],
  ])('neutralises text starting with %s so no spreadsheet runs it', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves a formula character inside the text alone', () => {
    expect(csvField('a=b')).toBe('"a=b"');
    expect(csvField('mail me @ada')).toBe('"mail me @ada"');
  });

  it('isolates text holding bidi controls between FSI and PDI, so it cannot reverse the cells after it', () => {
    expect(csvField('Evil\u202E')).toBe(`"${FSI}Evil\u202E${PDI}"`);
    expect(csvField('Ada')).toBe('"Ada"');
  });
});

describe('CSV read by a spreadsheet, with , or ; as the separator', () => {
  const hostile = ['=1+1', ' =1+1', '\t=1', '\0=1', '+1', '-1', '@SUM(A1)', 'a;=1+1', 'x; -2', 'a,b;c', 'q "x";@y', 'Evil\u202E'];
  const columns: Column<{ t: string; n: number }>[] = [
    { header: 'text', value: (r) => r.t },
    { header: 'n', value: (r) => r.n },
  ];
  const csv = toCsv(
    hostile.map((t, n) => ({ t, n })),
    columns,
  );

  it('reads back with , as the same cells, a formula only losing to a leading apostrophe', () => {
    const rows = parseCsv(csv, ',');
    expect(rows[0]).toEqual(['text', 'n']);
    rows.slice(1).forEach((cells, i) => {
      const t = hostile[i]!;
      const expected = t.includes('\u202E') ? `${FSI}${t}${PDI}` : looksLikeFormula(t) || t.startsWith('\t') ? `'${t}` : t;
      expect(cells).toEqual([expected, String(i)]);
    });
  });

  it('never yields a formula cell when read with ;, and never splits X’s text into cells', () => {
    const rows = parseCsv(csv, ';');
    expect(rows).toHaveLength(hostile.length + 1);
    for (const cells of rows) {
      expect(cells).toHaveLength(1);
      for (const cell of cells) expect(looksLikeFormula(cell), cell).toBe(false);
    }
  });
});

describe('toCsv', () => {
  const columns: Column<{ name: string; note: string; n: number }>[] = [
    { header: 'name', value: (r) => r.name },
    { header: 'note', value: (r) => r.note },
    { header: 'n', value: (r) => r.n },
  ];

  it('writes a header and one CRLF-terminated line per row', () => {
    expect(toCsv([{ name: 'Ada', note: 'hi', n: 1 }], columns)).toBe('"name","note","n"\r\n"Ada","hi",1\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv([], columns)).toBe('"name","note","n"\r\n');
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
