import { entityLabel, postTextSegments, type TextSegment, type UrlEntity } from '@/lib/text/segments';

/** A URL entity of a post as the screens get it: a stored post's (lib/db PostUrl), or a view's. */
export interface DisplayUrl extends UrlEntity {
  mediaKey?: string;
}

/**
 * A post's text as a card shows it: its t.co links read as X's `display_url` and lead to the `expanded_url`
 * (lib/text/segments), and — when the card shows the post's media (`dropMedia`) — without the link X appends for
 * that media (`pic.x.com/…`, the URL entity carrying a `media_key`), whose thumbnail is there instead. Indices from
 * X that overlap or do not match the text never throw: such a link is looked up in the text, or left as text.
 */
export function displaySegments(text: string, urls: readonly DisplayUrl[], options: { dropMedia?: boolean } = {}): TextSegment[] {
  const segments = postTextSegments(text, urls);
  if (!options.dropMedia) return segments;
  const media = urls.filter((u) => u.mediaKey !== undefined);
  if (!media.length) return segments;
  const isMediaLink = (s: TextSegment) =>
    media.some((m) => s.text === entityLabel(m) && (s.href === undefined || s.href === (m.expandedUrl ?? m.url)));
  const kept = segments.filter((s) => !isMediaLink(s));
  // The media link ends X's text after a space: that space goes with it.
  const last = kept.at(-1);
  if (last && last.href === undefined) {
    const trimmed = last.text.trimEnd();
    if (trimmed) kept[kept.length - 1] = { text: trimmed };
    else kept.pop();
  }
  return kept;
}
