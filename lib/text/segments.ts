/**
 * A stored post's text as the screens and exports show it: split into plain text and links by its URL entities,
 * with X's HTML escapes undone, or flattened with the full URLs in place of the t.co links.
 */

/** A piece of a post's text: plain text, or a link (a t.co link shown as X shows it). */
export type TextSegment = { text: string; href?: undefined } | { text: string; href: string };

/** The URL entity of a stored post (lib/db PostUrl). */
export interface UrlEntity {
  url: string;
  expandedUrl?: string;
  displayUrl?: string;
  start: number;
  end: number;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** X's post text escapes &, < and >; shown text must not. */
function unescapeX(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/**
 * Splits a post's text into plain text and links using its URL entities (code-point indices, as X gives them;
 * when an index does not match, the t.co link is looked up in the text). Each link points at the expanded URL
 * and reads as X's display URL. Only http(s) URLs become links.
 */
export function postTextSegments(text: string, urls: readonly UrlEntity[]): TextSegment[] {
  const chars = Array.from(text);
  const spans: { start: number; end: number; entity: UrlEntity }[] = [];
  for (const entity of [...urls].sort((a, b) => a.start - b.start)) {
    let { start, end } = entity;
    if (chars.slice(start, end).join('') !== entity.url) {
      const at = text.indexOf(entity.url);
      if (at < 0) continue;
      start = Array.from(text.slice(0, at)).length;
      end = start + Array.from(entity.url).length;
    }
    if (spans.some((s) => start < s.end && end > s.start)) continue;
    spans.push({ start, end, entity });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: TextSegment[] = [];
  let cursor = 0;
  for (const { start, end, entity } of spans) {
    if (start > cursor) out.push({ text: unescapeX(chars.slice(cursor, start).join('')) });
    const href = isWebUrl(entity.expandedUrl) ? entity.expandedUrl : isWebUrl(entity.url) ? entity.url : undefined;
    const label = entity.displayUrl ?? entity.expandedUrl ?? entity.url;
    out.push(href ? { text: label, href } : { text: label });
    cursor = end;
  }
  if (cursor < chars.length) out.push({ text: unescapeX(chars.slice(cursor).join('')) });
  return out;
}

/** A post's text with its t.co links replaced by the full URLs (for search and exports). */
export function expandedText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.href ?? s.text).join('');
}
