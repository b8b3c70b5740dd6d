/**
 * What the share composer starts from for an ordinary page: its title and address as a post may carry them. A page
 * sets its own title and the address may hold a sign-in, while the post and its saved draft are the person's words:
 * the address loses its user name and password, and the title becomes one plain line of bounded length.
 */
import { withoutBidiControls } from './text/bidi';

/** The most characters of a page's title a shared page's post starts with (X's own post limit), "…" included. */
export const SHARE_TITLE_MAX = 280;

/**
 * Characters a title is drawn with that are no text of its own, besides the bidi controls (`withoutBidiControls`,
 * which reorder the words around them in the post): the zero-width space, word joiner and byte-order mark, which hide
 * inside a word. Right-to-left letters are text, and so are the zero-width joiner and non-joiner, which join emoji and
 * write Persian and Indic words.
 */
const HIDDEN = /[\u200B\u2060\uFEFF]/g;

/** Line and paragraph breaks, tabs and the other control characters: each run becomes one space. */
const BREAKS = /[\s\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** `text` cut to at most `max` characters (never inside a surrogate pair), ending with "…" when cut. */
function bounded(text: string, max: number): string {
  // At most 2 units a character: `max * 2` units hold more than `max` characters whenever the text is longer.
  const head = [...text.slice(0, max * 2)];
  if (head.length <= max && text.length <= max * 2) return text;
  return `${head
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** The address without its user name and password (`https://ada:s3cret@host/` → `https://host/`); else as it is. */
function withoutSignIn(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The page's title as one plain line of at most {@link SHARE_TITLE_MAX} characters (invisible controls dropped,
 * breaks made spaces), and its address without a user name or password. Never throws.
 */
export function sharedPage(title: string, url: string): { title: string; url: string } {
  return {
    title: bounded(withoutBidiControls(title).replace(HIDDEN, '').replace(BREAKS, ' ').trim(), SHARE_TITLE_MAX),
    url: withoutSignIn(url),
  };
}
