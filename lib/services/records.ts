import type { XMedia, XPost, XUrlEntity, XUser } from '../x/schemas';
import type { PostMedia, PostRow, PostUrl, QuotedPost, UserRow } from '../db';

/** Lower-cased, accent-free text for search: "Éowyn" and "eowyn" match. */
export function foldForSearch(text: string): string {
  // ASCII has no accents to take off: only its case is folded (most posts, and far faster over thousands of them).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
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

/** The objects an answer's expansions pulled in, as far as a stored post uses them. */
export interface PostIncludes {
  users?: readonly XUser[];
  tweets?: readonly XPost[];
  media?: readonly XMedia[];
}

/** An http(s) address, or nothing: X's media `url`s are https; anything else is not shown. */
function webUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function urlsOf(urls: readonly XUrlEntity[] | undefined): PostUrl[] {
  return (urls ?? []).map((u) => ({
    url: u.url,
    start: u.start,
    end: u.end,
    ...(u.expanded_url ? { expandedUrl: u.expanded_url } : {}),
    ...(u.display_url ? { displayUrl: u.display_url } : {}),
    ...(u.media_key ? { mediaKey: u.media_key } : {}),
  }));
}

/** The media of a post found in `includes.media`, in the post's order (x-api--fundamentals--data-dictionary, Media). */
function mediaOf(p: XPost, media: readonly XMedia[]): PostMedia[] {
  const byKey = new Map(media.map((m) => [m.media_key, m]));
  return (p.attachments?.media_keys ?? []).flatMap((key) => {
    const m = byKey.get(key);
    if (!m) return [];
    const url = webUrl(m.url);
    const previewUrl = webUrl(m.preview_image_url);
    return [
      {
        key,
        type: m.type,
        ...(url ? { url } : {}),
        ...(previewUrl ? { previewUrl } : {}),
        ...(m.alt_text ? { altText: m.alt_text } : {}),
        ...(m.width !== undefined ? { width: m.width } : {}),
        ...(m.height !== undefined ? { height: m.height } : {}),
      },
    ];
  });
}

/**
 * A stored post from X's post object: its whole text, even past 280 characters (`wholePost`). With `includes` (a
 * read that expanded them) it also keeps its media, the quoted post and its author, and whom it replies to.
 */
export function postRow(accountId: string, p: XPost, seenAt: string, includes?: PostIncludes): PostRow {
  const ref = (type: string) => p.referenced_tweets?.find((r) => r.type === type)?.id;
  const quotedId = ref('quoted');
  const repliedToId = ref('replied_to');
  const whole = wholePost(p);
  const userById = (id: string | undefined) => (id ? includes?.users?.find((u) => u.id === id) : undefined);
  const media = includes?.media ? mediaOf(p, includes.media) : [];
  const quotedPost = quotedId ? includes?.tweets?.find((t) => t.id === quotedId) : undefined;
  let quoted: QuotedPost | undefined;
  if (quotedPost) {
    const q = wholePost(quotedPost);
    const author = userById(quotedPost.author_id);
    quoted = {
      id: quotedPost.id,
      text: q.text,
      urls: urlsOf(q.entities?.urls),
      ...(author ? { author: { id: author.id, name: author.name, username: author.username } } : {}),
    };
  }
  const replyUser = userById(p.in_reply_to_user_id);
  return {
    accountId,
    id: p.id,
    text: whole.text,
    ...(p.author_id ? { authorId: p.author_id } : {}),
    ...(p.created_at ? { createdAt: p.created_at } : {}),
    urls: urlsOf(whole.entities?.urls),
    mediaCount: p.attachments?.media_keys?.length ?? 0,
    ...(media.length ? { media } : {}),
    ...(quotedId ? { quotedId } : {}),
    ...(quoted ? { quoted } : {}),
    ...(repliedToId ? { repliedToId } : {}),
    ...(p.in_reply_to_user_id
      ? { replyTo: { userId: p.in_reply_to_user_id, ...(replyUser ? { username: replyUser.username } : {}) } }
      : {}),
    seenAt,
  };
}
