import type { PostRow, UserRow } from '../db';
import { isBoolean, isString, mediaOf, optional, textOf as text, urlsOf } from '../db/row-fields';
import type { PostView, UserView } from '../views';

/** What the screens see of a stored or just-read account: its names, picture and whether it is protected. */
export function userViewOf(u: Pick<UserRow, 'id' | 'name' | 'username' | 'profileImageUrl' | 'protected'>): UserView {
  return {
    id: u.id,
    name: text(u.name),
    username: text(u.username),
    ...optional('profileImageUrl', u.profileImageUrl || undefined, isString),
    ...optional('protected', u.protected, isBoolean),
  };
}

/**
 * What the screens see of a stored or just-read post: its whole text and links, when it was posted, its `author`
 * (as the caller has it), its pictures and whether it quotes another post.
 */
export function postViewOf(row: PostRow, author?: UserView): PostView {
  const media = mediaOf(row.media);
  return {
    id: row.id,
    text: text(row.text),
    urls: urlsOf(row.urls),
    ...optional('createdAt', row.createdAt || undefined, isString),
    ...(author ? { author } : {}),
    mediaCount: Number.isInteger(row.mediaCount) && row.mediaCount >= 0 ? row.mediaCount : media.length,
    ...(media.length ? { media } : {}),
    quoted: !!row.quotedId,
  };
}
