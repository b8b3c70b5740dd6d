/**
 * The privacy policy page bundled with Perch (`privacy.html`, linked from the settings), rendered at build time from
 * PRIVACY.md by wxt.config.ts — one text, so the page and the file cannot drift. Used by the build only (never
 * bundled into the extension). PRIVACY.md uses a small part of Markdown, and only that part is understood here:
 * `#`/`##` headings, paragraphs, `- ` lists (continued by indented lines), `**bold**`, `` `code` `` and
 * `[text](https://…)` links. Anything else is kept as plain text, escaped.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of Markdown text to HTML: code spans first (their insides stay literal), then bold and links. */
function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (/^`[^`]+`$/.test(part)) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>');
    })
    .join('');
}

type Block = { kind: 'h1' | 'h2' | 'p'; text: string } | { kind: 'ul'; items: string[] };

/** Splits Markdown into headings, paragraphs and lists; a blank line ends a block. */
export function privacyBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const raw of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    if (line === '') {
      current = undefined;
    } else if (heading) {
      blocks.push({ kind: heading[1] === '#' ? 'h1' : 'h2', text: heading[2]! });
      current = undefined;
    } else if (line.startsWith('- ')) {
      if (current?.kind !== 'ul') blocks.push((current = { kind: 'ul', items: [] }));
      current.items.push(line.slice(2).trim());
    } else if (current?.kind === 'ul' && /^\s/.test(raw)) {
      current.items[current.items.length - 1] += ` ${line.trim()}`;
    } else if (current?.kind === 'p') {
      current.text += ` ${line.trim()}`;
    } else {
      blocks.push((current = { kind: 'p', text: line.trim() }));
    }
  }
  return blocks;
}

/**
 * The whole page: PRIVACY.md's text as HTML, its first heading as the title, styled by `privacy.css` (the pages' CSP
 * allows styles from the extension only, so no inline style).
 */
export function renderPrivacyPage(markdown: string): string {
  const blocks = privacyBlocks(markdown);
  const title = blocks.find((b) => b.kind === 'h1');
  const body = blocks
    .map((b) =>
      b.kind === 'ul'
        ? `<ul>\n${b.items.map((i) => `  <li>${inline(i)}</li>`).join('\n')}\n</ul>`
        : `<${b.kind}>${inline(b.text)}</${b.kind}>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${title && title.kind === 'h1' ? escapeHtml(title.text) : 'Privacy'}</title>`,
    '<link rel="stylesheet" href="/privacy.css" />',
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page's style: readable width, the system's light or dark scheme. The page's own colours are the scheme's
 * Canvas and CanvasText: Firefox shows a dark page with no background of its own on a dark canvas that axe (and any
 * tool reading computed styles) takes for white, under light text.
 */
export const PRIVACY_CSS = `:root { color-scheme: light dark; background: Canvas; color: CanvasText; font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; padding: 24px 16px; }
main { max-width: 42rem; margin: 0 auto; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
li { margin: 0.4rem 0; }
code { font-size: 0.9em; }
a { color: LinkText; }
`;
