import { hasBidiControls } from './bidi';

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
export function unescapeX(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

/** Whether `url` is an http(s) address the URL parser reads (never `javascript:`, `data:` and the like). */
function isWebUrl(url: string | undefined): url is string {
  if (!url || !/^https?:\/\//i.test(url)) return false;
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** X's own hosts, named as one: its media links read `pic.x.com/…` and lead to x.com, and older ones say twitter.com. */
const X_HOSTS = new Set(['x.com', 'twitter.com', 'pic.x.com', 'pic.twitter.com']);
/** How much of a link's path X keeps in a display URL before it cuts with "…" (as in X's own answers). */
const DISPLAY_PATH_CHARS = 15;

/** `host` as compared: lower case, punycode (as the URL parser gives it), without "www.", X's hosts as one. */
function siteOf(host: string): string | undefined {
  try {
    const parsed = new URL(`https://${host}/`);
    if (parsed.username || parsed.password) return undefined;
    const site = parsed.host.replace(/^www\./, '');
    return X_HOSTS.has(site) ? 'x.com' : site;
  } catch {
    return undefined;
  }
}

/** The host a shown address names: before its first "/", "?" or "#", without any "…" and without a scheme. */
function shownHost(shown: string): string {
  return shown
    .replace(/\u2026/g, '')
    .replace(/^https?:\/\//i, '')
    .split(/[/?#\\]/, 1)[0]!;
}

/** A display form of `href` as X makes one: host (without "www.") and path, the path cut after 15 characters. */
function displayFormOf(href: string): string {
  const url = new URL(href);
  const host = url.host.replace(/^www\./, '');
  let rest = `${url.pathname}${url.search}${url.hash}`;
  if (rest === '/') rest = '';
  const chars = Array.from(rest);
  return chars.length > DISPLAY_PATH_CHARS ? `${host}${chars.slice(0, DISPLAY_PATH_CHARS).join('')}\u2026` : `${host}${rest}`;
}

/**
 * The text a link shows: X's display URL when it names the host the link goes to, or else (a display URL naming
 * another host, or holding bidi controls that could reorder it) a display form made from where the link goes, so
 * that what a person reads is where they land.
 */
function linkLabel(shown: string, href: string): string {
  const site = siteOf(shownHost(shown));
  if (site !== undefined && site === siteOf(new URL(href).host) && !hasBidiControls(shown)) return shown;
  return displayFormOf(href);
}

/** Where a URL entity's link goes: its expanded URL, else its t.co URL, when it is http(s) and parses; else none. */
function entityHref(entity: UrlEntity): string | undefined {
  return [entity.expandedUrl, entity.url].find((url): url is string => isWebUrl(url));
}

/** The text of a URL entity's link as the screens show it (see linkLabel); as X sent it when it links nowhere. */
export function entityLabel(entity: UrlEntity): string {
  const href = entityHref(entity);
  const shown = entity.displayUrl ?? entity.expandedUrl ?? entity.url;
  return href ? linkLabel(shown, href) : shown;
}

/** A URL entity placed in a post's text: its span in code points. */
interface LinkSpan {
  start: number;
  end: number;
  entity: UrlEntity;
}

/**
 * Where `text`'s URL entities are (code-point indices, as X gives them; when an index does not match, the t.co link
 * is looked up in the text), in order, overlapping ones left out.
 */
function linkSpans(chars: readonly string[], text: string, urls: readonly UrlEntity[]): LinkSpan[] {
  const spans: LinkSpan[] = [];
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
  return spans.sort((a, b) => a.start - b.start);
}

/** The pieces of `text`: plain text between the spans (X's escapes undone), and what `link` makes of each span. */
function splitAt<T>(text: string, urls: readonly UrlEntity[], link: (entity: UrlEntity) => T): (T | { text: string })[] {
  const chars = Array.from(text);
  const out: (T | { text: string })[] = [];
  let cursor = 0;
  for (const { start, end, entity } of linkSpans(chars, text, urls)) {
    if (start > cursor) out.push({ text: unescapeX(chars.slice(cursor, start).join('')) });
    out.push(link(entity));
    cursor = end;
  }
  if (cursor < chars.length) out.push({ text: unescapeX(chars.slice(cursor).join('')) });
  return out;
}

/**
 * Splits a post's text into plain text and links using its URL entities (see linkSpans). Each link points at the
 * expanded URL and reads as X's display URL — unless that names another host, when it reads as the expanded URL's
 * own host and path (entityLabel). Only http(s) URLs become links; plain http is kept, as X allows it.
 */
export function postTextSegments(text: string, urls: readonly UrlEntity[]): TextSegment[] {
  return splitAt<TextSegment>(text, urls, (entity) => {
    const href = entityHref(entity);
    const label = entityLabel(entity);
    return href ? { text: label, href } : { text: label };
  });
}

/** A post's text with its t.co links replaced by the full URLs (for search and exports). */
export function expandedText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.href ?? s.text).join('');
}

/**
 * `expandedText(postTextSegments(text, urls))` without wording any link's label: the background's form (an edit's
 * text, lib/services/post-edit.ts), so the worker loads none of the screens' link display code on its starts.
 */
export function expandedPostText(text: string, urls: readonly UrlEntity[]): string {
  return splitAt(text, urls, (entity) => ({ text: entityHref(entity) ?? entity.displayUrl ?? entity.expandedUrl ?? entity.url }))
    .map((piece) => piece.text)
    .join('');
}
