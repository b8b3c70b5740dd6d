import { hasBidiControls, isolateBidi } from '@/lib/text/bidi';
import { expandedText, type TextSegment } from '@/lib/text/segments';
import { postUrl, profileUrl } from './x-url';

/**
 * Exports of the manager's local copies (bookmarks, muted and blocked accounts) as JSON, CSV and Markdown: pure
 * converters, and `downloadFile` to hand the text to the person as a real download. The generic helpers
 * (`toCsv`, `toJson`, `toMarkdownTable`, `toMarkdownList`) take plain rows and columns; the bookmark converters
 * build on them.
 */

/** A cell value: strings are written as text, numbers and booleans as they print, null/undefined as empty. */
export type Cell = string | number | boolean | null | undefined;

/** One column of a CSV file or Markdown table: its header and how to read the value from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

/**
 * Text a spreadsheet would read as a formula: `=`, `+`, `-` or `@` (or their full-width and small forms) after any run
 * of whitespace, NUL, tab or invisible formatting characters, which spreadsheets skip (also NEL U+0085 and the
 * Mongolian vowel separator U+180E, which JavaScript's `\s` leaves out); or a cell that starts with a tab, CR, LF or
 * NUL at all (OWASP "CSV Injection"). Wider than any one spreadsheet is known to need: a cell marked when it need not
 * be only gains a leading `'`.
 */
const FORMULA_START =
  /^[\s\0\u0085\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B]|^[\t\r\n\0]/;

/**
 * One CSV field, RFC 4180. Every text cell is quoted (inner quotes doubled), so no separator — `,` here, `;` where a
 * European spreadsheet expects it — and no line break splits a cell. Text a spreadsheet would run as a formula gets
 * a leading `'` (see FORMULA_START). Text holding bidi controls (a name ending in U+202E) is put between FSI and
 * PDI so that it cannot reverse the cells after it when the file is read as text. Numbers and booleans are
 * written as they are, null and undefined as an empty field.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  let text = hasBidiControls(value) ? isolateBidi(value) : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A CSV file (RFC 4180): a header line, then one line per row, every line ending in CRLF. */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const line = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
  return line(columns.map((c) => c.header)) + rows.map((row) => line(columns.map((c) => c.value(row)))).join('');
}

/** Pretty-printed JSON with a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An export as a JSON document: what it is and when (`meta`), how many, then the rows under `key`, each by `row`. */
export function toJsonDocument<T>(meta: Record<string, string>, key: string, rows: readonly T[], row: (r: T) => unknown): string {
  return toJson({ ...meta, count: rows.length, [key]: rows.map(row) });
}

/**
 * Escapes text so Markdown shows it literally, on one line of inline content: emphasis, code, links, HTML and
 * table pipes are backslash-escaped, as are the markers that would start a heading, list or quote at the start
 * of a line, and `&` when it would read as an HTML entity. Line breaks are kept; callers decide how to join lines.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~]/g, '\\$&')
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
        .replace(/^(\s*)([#+\-=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** A link destination Markdown cannot misread (spaces, parentheses and angle brackets percent-encoded). */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[label](url)`, the label escaped. */
export function markdownLink(label: string, url: string): string {
  return `[${escapeMarkdown(label).replace(/\n/g, ' ')}](${markdownUrl(url)})`;
}

/**
 * `text` as one Markdown code span, shown literally whatever it holds (CommonMark 6.1): fenced by one more backtick
 * than its longest run of backticks, padded with a space when it starts or ends with a backtick, and on one line, so
 * nothing inside — a backtick, a `[label](javascript:…)` — can end the span early and be read as Markdown.
 */
export function markdownCode(text: string): string {
  const line = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A piece of X's text (a name, @username, list name) for Markdown: escaped, on one line, and isolated between FSI
 * and PDI so that it cannot reorder the text beside it (lib/text/bidi).
 */
export function markdownXText(text: string): string {
  return isolateBidi(escapeMarkdown(text).replace(/\n/g, ' '));
}

/** `[label](url)` for a label that is X's text (an @username): escaped and bidi-isolated, as markdownXText. */
export function markdownXLink(label: string, url: string): string {
  return `[${markdownXText(label)}](${markdownUrl(url)})`;
}

/**
 * A Markdown (GFM) table; cell text is escaped and line breaks become `<br>`; text holding bidi controls is isolated
 * between FSI and PDI so that it cannot reverse the cells after it.
 */
export function toMarkdownTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cell = (v: Cell) => {
    if (v === null || v === undefined) return '';
    const text = escapeMarkdown(String(v)).replace(/\n/g, '<br>');
    return hasBidiControls(text) ? isolateBidi(text) : text;
  };
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  return (
    line(columns.map((c) => cell(c.header))) +
    line(columns.map(() => '---')) +
    rows.map((r) => line(columns.map((c) => cell(c.value(r))))).join('')
  );
}

/**
 * A Markdown bullet list: `item` returns each entry's Markdown (already escaped); its further lines are indented
 * under the bullet.
 */
export function toMarkdownList<T>(rows: readonly T[], item: (row: T) => string): string {
  return rows.map((r) => `- ${item(r).split('\n').join('\n  ')}\n`).join('');
}

/** `perch-<what>-YYYY-MM-DD.<ext>`, the date in the person's time zone. */
export function exportFileName(what: string, ext: string, date = new Date()): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `perch-${what}-${day}.${ext}`;
}

/** The MIME types of the three export formats. */
export const EXPORT_MIME = { json: 'application/json', csv: 'text/csv', md: 'text/markdown' } as const;
export type ExportFormat = keyof typeof EXPORT_MIME;

/**
 * Saves `text` as a file the browser downloads (a Blob behind an object URL, clicked through `<a download>`).
 * CSV gets a UTF-8 byte-order mark, which spreadsheets need to read non-Latin text correctly.
 * Browser pages only (needs `document`).
 */
export function downloadFile(name: string, mime: string, text: string): void {
  const bom = mime.startsWith('text/csv') ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom, text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click returns; revoke a little later for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------------------------------
// Bookmarks
// ---------------------------------------------------------------------------------------------------------------

/** One bookmark as the exports write it. */
export interface ExportedBookmark {
  id: string;
  url: string;
  createdAt?: string;
  authorName?: string;
  authorUsername?: string;
  segments: TextSegment[];
  mediaCount: number;
  quotedId?: string;
  folders: string[];
  /** The person's own tags, note and read state of the bookmark (issue 14): none, '' and unread when absent. */
  tags?: readonly string[];
  note?: string;
  read?: boolean;
}

export const BOOKMARK_COLUMNS: readonly Column<ExportedBookmark>[] = [
  { header: 'id', value: (b) => b.id },
  { header: 'url', value: (b) => b.url },
  { header: 'created_at', value: (b) => b.createdAt },
  { header: 'author_name', value: (b) => b.authorName },
  { header: 'author_username', value: (b) => b.authorUsername },
  { header: 'text', value: (b) => expandedText(b.segments) },
  { header: 'links', value: (b) => b.segments.flatMap((s) => (s.href ? [s.href] : [])).join(' ') },
  { header: 'media_count', value: (b) => b.mediaCount },
  { header: 'quoted_post_url', value: (b) => (b.quotedId ? postUrl(b.quotedId) : '') },
  { header: 'folders', value: (b) => b.folders.join('; ') },
  // A tag holds no space or ';' (lib/bookmarks/tags.ts), so one space parts them.
  { header: 'tags', value: (b) => (b.tags ?? []).join(' ') },
  { header: 'note', value: (b) => b.note ?? '' },
  { header: 'read', value: (b) => b.read ?? false },
];

/**
 * Bookmarks as JSON: who exported them and when, then each bookmark, newest first. Names and text are X's own,
 * unchanged (no FSI/PDI added): JSON is data that is parsed, not rendered, and its readers want X's raw text.
 */
export function bookmarksToJson(items: readonly ExportedBookmark[], meta: { account: string; exportedAt: string }): string {
  return toJsonDocument({ account: meta.account, exportedAt: meta.exportedAt }, 'bookmarks', items, (b) => ({
    id: b.id,
    url: b.url,
    createdAt: b.createdAt ?? null,
    author: b.authorUsername ? { name: b.authorName ?? null, username: b.authorUsername } : null,
    text: expandedText(b.segments),
    links: b.segments.flatMap((s) => (s.href ? [s.href] : [])),
    mediaCount: b.mediaCount,
    quotedPostUrl: b.quotedId ? postUrl(b.quotedId) : null,
    folders: b.folders,
    // What lib/bookmarks/import.ts reads back.
    tags: b.tags ?? [],
    note: b.note ?? '',
    read: b.read ?? false,
  }));
}

/** Bookmarks as CSV (BOOKMARK_COLUMNS), newest first. */
export function bookmarksToCsv(items: readonly ExportedBookmark[]): string {
  return toCsv(items, BOOKMARK_COLUMNS);
}

/** The words of the Markdown export about the person's own organising; English when a caller gives none. */
const ORGANISE_WORDS = { tags: 'Tags', note: 'Note', read: 'Read' };

/**
 * Bookmarks as a Markdown document: a heading, then one bullet per bookmark — author, date and a link to the
 * post (and "Read" when it is), then the text with its links, then the person's tags and note. The author's name and
 * @username are bidi-isolated (FSI…PDI).
 * @param words the few words around the data, in the person's language.
 */
export function bookmarksToMarkdown(
  items: readonly ExportedBookmark[],
  words: {
    title: string;
    openOnX: string;
    quoted: string;
    media: (count: number) => string;
    tags?: string;
    note?: string;
    read?: string;
  },
): string {
  const own = { ...ORGANISE_WORDS, ...words };
  const entry = (b: ExportedBookmark) => {
    const who = b.authorUsername
      ? `**${markdownXText(b.authorName ?? b.authorUsername)}** ${markdownXLink(`@${b.authorUsername}`, profileUrl(b.authorUsername))}`
      : '';
    const head = [
      who,
      b.createdAt ? escapeMarkdown(b.createdAt.slice(0, 10)) : '',
      markdownLink(words.openOnX, b.url),
      b.read ? escapeMarkdown(own.read) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const body = b.segments.map((s) => (s.href ? markdownLink(s.text, s.href) : escapeMarkdown(s.text))).join('');
    const extras = [
      b.mediaCount ? escapeMarkdown(words.media(b.mediaCount)) : '',
      b.quotedId ? markdownLink(words.quoted, postUrl(b.quotedId)) : '',
    ].filter(Boolean);
    // A line of the post that holds bidi controls is isolated, so that it cannot reverse what follows it.
    const bodyLines = body.split('\n').map((l) => (hasBidiControls(l) ? isolateBidi(l) : l));
    const tags = b.tags?.length ? [`${escapeMarkdown(own.tags)}: ${b.tags.map(markdownCode).join(' ')}`] : [];
    const note = b.note
      ? escapeMarkdown(`${own.note}: ${b.note}`)
          .split('\n')
          .map((l) => (hasBidiControls(l) ? isolateBidi(l) : l))
      : [];
    const lines = [head, ...bodyLines, ...(extras.length ? [extras.join(' · ')] : []), ...tags, ...note];
    // A hard line break (two spaces) between lines of one entry.
    return lines.join('  \n');
  };
  return `# ${escapeMarkdown(words.title)}\n\n${toMarkdownList(items, entry)}`;
}
