import { i18n } from '#i18n';
import { searchable } from '@/lib/bookmarks/query';
import type { PostRow, PostUrl, UserRow } from '@/lib/db';
import { entityLabel, unescapeX } from '@/lib/text/segments';
import { authorLine, knownAuthor } from './card-names';

/** What a bookmark's card shows, as far as its words go: the post, its author (the users table's row), tags and note. */
export interface ShownBookmark {
  post: PostRow | undefined;
  author: Pick<UserRow, 'name' | 'username'> | undefined;
  tags: readonly string[];
  note: string;
}

/**
 * The words of a link as the card shows it: X's display URL ("example.com/torpedo-gu…") and the full address. When
 * the display URL is not the address's start (it names another site, or X gave none) the card shows a form made from
 * the address (lib/text/segments.ts `entityLabel`), made here too; only then, as parsing addresses for every link
 * took ten times as long as the rest over thousands of bookmarks.
 */
function linkWords(u: PostUrl): string {
  const address = u.expandedUrl ?? '';
  const shown = u.displayUrl;
  if (shown && address.replace(/^https?:\/\/(?:www\.)?/i, '').startsWith(shown.replace(/\u2026$/, ''))) return `${shown} ${address}`;
  return `${entityLabel(u)} ${address}`;
}

/**
 * A text as a card shows it (X's escapes undone: "R&D", not "R&amp;D") and its links' words. Not split into segments
 * as the card does: that took as long again as the rest, over thousands of bookmarks.
 */
function textWords(text: string, urls: readonly PostUrl[]): string[] {
  return [unescapeX(text), ...urls.map(linkWords)];
}

/** The screen's words cards show ("Replying to", "Quoted post"…): read once for a whole list, not once per card. */
export interface CardLabels {
  unknownAuthor: string;
  postGone: string;
  replyingTo: string;
  replyingToPost: string;
  quotedPost: string;
  quote: string;
  media: (count: number) => string;
}

/** The screen's words cards show, in its language now. */
export function cardLabels(): CardLabels {
  const media = new Map<number, string>();
  return {
    unknownAuthor: i18n.t('bookmarks_unknown_author'),
    postGone: i18n.t('bookmarks_post_gone'),
    replyingTo: i18n.t('bookmarks_replying_to'),
    replyingToPost: i18n.t('bookmarks_replying_to_post'),
    quotedPost: i18n.t('bookmarks_quoted_post'),
    quote: i18n.t('bookmarks_quote'),
    media: (count) => {
      const words = media.get(count) ?? i18n.t('bookmarks_media', count);
      media.set(count, words);
      return words;
    },
  };
}

/** "Replying to @turing" (or "Replying to a post", when X did not say whom) as the card's ReplyingTo shows it. */
function replyWords(post: PostRow, labels: CardLabels): string {
  if (!post.repliedToId && !post.replyTo) return '';
  const username = post.replyTo?.username;
  return username ? `${labels.replyingTo} @${username}` : labels.replyingToPost;
}

/** The markers a card shows for media or a quote X did not return ("2 images or videos", "Quotes a post"). */
function markerWords(post: PostRow, labels: CardLabels): string[] {
  const mediaUnseen = post.mediaCount > 0 && !post.media?.length ? post.mediaCount : 0;
  return [mediaUnseen ? labels.media(mediaUnseen) : '', post.quotedId && !post.quoted ? labels.quote : ''];
}

/**
 * The words of a bookmark the Bookmarks search matches, folded (`searchable`): the one maker of them, made from what
 * its card (BookmarkCard) shows — its author as the card names them ("Grace Hopper @gracehop", "@ada", else "Unknown
 * author" in the screen's language) from the stored user, so a name X changed is found by the new name and no longer
 * by the old; "Replying to @name"; the post's text with its links (as shown, and the full addresses), or the words
 * saying X no longer shows it; its pictures' descriptions (X's `alt_text`); the quoted post's author (else "Quoted
 * post"), text and links; the markers for media or a quote X did not return; the person's tags (a tag's word finds
 * it, as `tag:` does whole) and note. Not its date (since:/until: find that) nor its controls' words.
 * test/unit/bookmarks/search-words.test.tsx walks the card's rendered text against these words.
 */
export function bookmarkSearchWords({ post, author, tags, note }: ShownBookmark, labels: CardLabels = cardLabels()): string {
  const known = knownAuthor(author);
  const quoted = post?.quoted;
  const quotedAuthor = knownAuthor(quoted?.author);
  return searchable(
    [
      known ? authorLine(known) : labels.unknownAuthor,
      post ? replyWords(post, labels) : '',
      ...(post ? textWords(post.text, post.urls) : [labels.postGone]),
      ...(post?.media?.map((m) => m.altText ?? '') ?? []),
      quotedAuthor ? authorLine(quotedAuthor) : quoted ? labels.quotedPost : '',
      ...(quoted ? textWords(quoted.text, quoted.urls) : []),
      ...(post ? markerWords(post, labels) : []),
      ...tags,
      note,
    ].join(' '),
  );
}
