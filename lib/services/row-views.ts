import type { PostRow, UserRow } from '../db';
import type { PostView, UserView } from '../views';

/** What the screens see of a stored or just-read account: its names, picture and whether it is protected. */
export function userViewOf(u: Pick<UserRow, 'id' | 'name' | 'username' | 'profileImageUrl' | 'protected'>): UserView {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    ...(u.profileImageUrl ? { profileImageUrl: u.profileImageUrl } : {}),
    ...(u.protected !== undefined ? { protected: u.protected } : {}),
  };
}

/**
 * What the screens see of a stored or just-read post: its whole text and links, when it was posted, its `author`
 * (as the caller has it), its pictures and whether it quotes another post.
 */
export function postViewOf(row: PostRow, author?: UserView): PostView {
  return {
    id: row.id,
    text: row.text,
    urls: row.urls,
    ...(row.createdAt ? { createdAt: row.createdAt } : {}),
    ...(author ? { author } : {}),
    mediaCount: row.mediaCount,
    ...(row.media?.length ? { media: row.media } : {}),
    quoted: !!row.quotedId,
  };
}
