import type { XPost, XUser } from '../x/schemas';
import type { PostRow, UserRow } from '../db';

/** Lower-cased, accent-free text for search: "Éowyn" and "eowyn" match. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A stored user from X's user object. */
export function userRow(accountId: string, u: XUser, seenAt: string): UserRow {
  return {
    accountId,
    id: u.id,
    name: u.name,
    username: u.username,
    ...(u.profile_image_url ? { profileImageUrl: u.profile_image_url } : {}),
    ...(u.protected !== undefined ? { protected: u.protected } : {}),
    ...(u.verified !== undefined ? { verified: u.verified } : {}),
    ...(u.description ? { description: u.description } : {}),
    seenAt,
  };
}

/**
 * A post's whole text and the entities that index it. A post over 280 characters carries only its start in `text`
 * (with `entities` indexing that start) and the whole of it in `note_tweet` (x-api--fundamentals--data-dictionary):
 * the note wins when X sent its text, with the note's entities (none when it has none: the post's own index the
 * start, and its link to the post is no part of the whole text).
 */
export function wholePost(p: Pick<XPost, 'text' | 'entities' | 'note_tweet'>): { text: string; entities: XPost['entities'] } {
  const note = p.note_tweet;
  if (note?.text === undefined) return { text: p.text, entities: p.entities };
  return { text: note.text, entities: note.entities };
}

/** A stored post from X's post object: its whole text, even past 280 characters (`wholePost`). */
export function postRow(accountId: string, p: XPost, seenAt: string): PostRow {
  const ref = (type: string) => p.referenced_tweets?.find((r) => r.type === type)?.id;
  const quotedId = ref('quoted');
  const repliedToId = ref('replied_to');
  const whole = wholePost(p);
  return {
    accountId,
    id: p.id,
    text: whole.text,
    ...(p.author_id ? { authorId: p.author_id } : {}),
    ...(p.created_at ? { createdAt: p.created_at } : {}),
    urls: (whole.entities?.urls ?? []).map((u) => ({
      url: u.url,
      start: u.start,
      end: u.end,
      ...(u.expanded_url ? { expandedUrl: u.expanded_url } : {}),
      ...(u.display_url ? { displayUrl: u.display_url } : {}),
    })),
    mediaCount: p.attachments?.media_keys?.length ?? 0,
    ...(quotedId ? { quotedId } : {}),
    ...(repliedToId ? { repliedToId } : {}),
    seenAt,
  };
}

/** The search text of a bookmark: the post's text (with links expanded), its author's name and @username. */
export function bookmarkSearchText(
  post: Pick<PostRow, 'text' | 'urls'> | undefined,
  author: Pick<UserRow, 'name' | 'username'> | undefined,
): string {
  const links = post?.urls.map((u) => u.expandedUrl ?? '').join(' ') ?? '';
  return foldForSearch([post?.text ?? '', links, author?.name ?? '', author ? `@${author.username}` : ''].join(' '));
}
