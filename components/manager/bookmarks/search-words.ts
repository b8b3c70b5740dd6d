import { i18n } from '#i18n';
import { searchable } from '@/lib/bookmarks/query';
import type { PostRow, PostUrl, UserRow } from '@/lib/db';
import { unescapeX } from '@/lib/text/segments';
import { authorLine, knownAuthor } from './card-names';

/** What a bookmark's card shows, as far as its words go: the post, its author (the users table's row), tags and note. */
export interface ShownBookmark {
  post: PostRow | undefined;
  author: Pick<UserRow, 'name' | 'username'> | undefined;
  tags: readonly string[];
  note: string;
}

/**
 * A text as a card shows it (X's escapes undone: "R&D", not "R&amp;D"), and the full address of each of its links,
 * which holds the words of the link the card shows (its display URL is the address's start, lib/text/segments.ts).
 * Not split into segments as the card does: that took as long again as the rest, over thousands of bookmarks.
 */
function textWords(text: string, urls: readonly PostUrl[]): string[] {
  return [unescapeX(text), ...urls.map((u) => u.expandedUrl ?? '')];
}

/**
 * The words of a bookmark the Bookmarks search matches, folded (`searchable`): the one maker of them, made from what
 * its card (BookmarkCard) shows — its author as the card names them ("Grace Hopper @gracehop", "@ada", else "Unknown
 * author" in the screen's language) from the stored user, so a name X changed is found by the new name and no longer
 * by the old; whom it replies to; the post's text with its links (as shown, and the full addresses), or the words
 * saying X no longer shows it; its pictures' descriptions (X's `alt_text`); the quoted post's author, text and links;
 * the person's tags (a tag's word finds it, as `tag:` does whole) and note.
 */
export function bookmarkSearchWords({ post, author, tags, note }: ShownBookmark): string {
  const known = knownAuthor(author);
  const quoted = post?.quoted;
  const quotedAuthor = knownAuthor(quoted?.author);
  return searchable(
    [
      known ? authorLine(known) : i18n.t('bookmarks_unknown_author'),
      post?.replyTo?.username ? `@${post.replyTo.username}` : '',
      ...(post ? textWords(post.text, post.urls) : [i18n.t('bookmarks_post_gone')]),
      ...(post?.media?.map((m) => m.altText ?? '') ?? []),
      quotedAuthor ? authorLine(quotedAuthor) : '',
      ...(quoted ? textWords(quoted.text, quoted.urls) : []),
      ...tags,
      note,
    ].join(' '),
  );
}
