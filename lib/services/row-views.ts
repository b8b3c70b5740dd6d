import type { PostMedia, PostRow, PostUrl, UserRow } from '../db';
import type { PostView, UserView } from '../views';

/**
 * A stored row is read as the views' shape requires, field by field: a row of another shape (another version's, a write
 * cut off, a store edited by hand) reads as what it holds of that shape, never as a value a screen cannot draw (a text
 * that is a number blanked the popup).
 */
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optional = <K extends string, T>(key: K, v: unknown, is: (v: unknown) => v is T): { [k in K]?: T } =>
  (is(v) ? { [key]: v } : {}) as { [k in K]?: T };
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** The links of a stored post that index its text: an entry without its address or its place is left out. */
function urlsOf(v: unknown): PostUrl[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((u: unknown) =>
    isObject(u) && isString(u.url) && Number.isInteger(u.start) && Number.isInteger(u.end)
      ? [
          {
            url: u.url,
            start: u.start as number,
            end: u.end as number,
            ...optional('expandedUrl', u.expandedUrl, isString),
            ...optional('displayUrl', u.displayUrl, isString),
            ...optional('mediaKey', u.mediaKey, isString),
          },
        ]
      : [],
  );
}

/** The pictures of a stored post: an entry without its key or type is left out. */
function mediaOf(v: unknown): PostMedia[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((m: unknown) =>
    isObject(m) && isString(m.key) && isString(m.type)
      ? [
          {
            key: m.key,
            type: m.type,
            ...optional('url', m.url, isString),
            ...optional('previewUrl', m.previewUrl, isString),
            ...optional('altText', m.altText, isString),
            ...optional('width', m.width, isNumber),
            ...optional('height', m.height, isNumber),
          },
        ]
      : [],
  );
}

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
