import { i18n } from '#i18n';
import { accountWho } from '@/components/account-words';
import { withoutBidiControls } from '@/lib/text/bidi';
import { postTextSegments } from '@/lib/text/segments';
import type { BookmarkItem } from '../use-bookmarks';

/** How much of a post's text names its card's controls: enough to tell two cards apart, short enough to hear. */
const EXCERPT_CHARS = 40;

/** The first words of a post as a card shows them (links as displayed), on one line, cut at a word with "…". */
function excerpt(item: BookmarkItem): string {
  if (!item.post) return '';
  const text = withoutBidiControls(
    postTextSegments(item.post.text, item.post.urls)
      .map((s) => s.text)
      .join(''),
  )
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  if (chars.length <= EXCERPT_CHARS) return text;
  const cut = chars.slice(0, EXCERPT_CHARS).join('');
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > EXCERPT_CHARS / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

interface Names {
  name: string;
  username: string;
}

/**
 * A post's author as its card names them, when their stored names read (a name that is not text reads as none:
 * stored-rows.ts): an author with neither name nor @username is as unknown as one the store has not seen, and the
 * card says "Unknown author", never a bare "@".
 */
export function knownAuthor<T extends Names>(author: T | undefined): T | undefined {
  return author && (author.name || author.username) ? author : undefined;
}

/** The author's names in one line, as far as they read: "Grace Hopper @gracehop", "@ada" or "Grace Hopper". */
export function authorLine({ name, username }: Names): string {
  return [name, username ? `@${username}` : ''].filter(Boolean).join(' ');
}

/**
 * Names the controls of one bookmark's card after its post, the visible label first ("Remove — @ana: “first
 * words…”"), so in a list of hundreds of cards each Remove, Add note or Add tag says which post it acts on.
 */
export function cardControlNamer(item: BookmarkItem): (label: string) => string {
  // By the @username, else the name; "Unknown author" when neither reads.
  const who = withoutBidiControls((item.author && accountWho(item.author)) || '') || i18n.t('bookmarks_unknown_author');
  const words = excerpt(item);
  return (label) =>
    words ? i18n.t('bookmarks_control_named', [label, who, words]) : i18n.t('bookmarks_control_named_short', [label, who]);
}
