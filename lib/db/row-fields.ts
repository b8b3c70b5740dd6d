import type { BookmarkNoteRow, PostMedia, PostUrl } from './rows';

/**
 * Reading a stored row field by field, as a screen needs it: a row of another shape (another version's, a write cut
 * off, a store edited by hand) reads as what it holds of that shape, never as a value a screen cannot draw (a text
 * that is a number blanked the popup, a name that is a number failed a whole manager tab).
 */

/** The text, or none when it is not text. */
export const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** The latest moment a Date holds (ECMA-262: ±8.64e15 ms from 1970): a wait past it can be said as no time. */
const LAST_MOMENT_MS = 8.64e15;
/** A moment in epoch ms that a Date holds, so it can be said as a time. */
export const isMomentMs = (v: unknown): v is number => isNumber(v) && Math.abs(v) <= LAST_MOMENT_MS;
/** A moment in Unix seconds (as X's rate-limit resets are) that a Date holds. */
export const isMomentSeconds = (v: unknown): v is number => isNumber(v) && Math.abs(v) * 1000 <= LAST_MOMENT_MS;
/** An id something can act on: text, not empty. */
export const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';
/** A date that reads as a time: an ISO text (a text that is no time is no date). */
export const isTime = (v: unknown): v is string => typeof v === 'string' && v !== '' && !Number.isNaN(Date.parse(v));

/** `{ [key]: v }` when `v` is of the shape `is` checks, else nothing: spread into a view for an optional field. */
export const optional = <K extends string, T>(key: K, v: unknown, is: (v: unknown) => v is T): { [k in K]?: T } =>
  (is(v) ? { [key]: v } : {}) as { [k in K]?: T };

/** The texts of a stored list of texts: anything else in it is left out. */
export function textsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter(isString) : [];
}

/** The links of a stored post that index its text: an entry without its address or its place is left out. */
export function urlsOf(v: unknown): PostUrl[] {
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
export function mediaOf(v: unknown): PostMedia[] {
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

/**
 * The person's own tags, note and read state of a bookmark, as far as they read; undefined without its post's id. Read
 * so by the manager's Bookmarks tab and by what counts or joins a bookmark's tags (lib/bookmarks/notes.ts, import.ts).
 */
export function readNote(n: unknown): BookmarkNoteRow | undefined {
  if (!isObject(n) || !isId(n.postId)) return undefined;
  return {
    accountId: textOf(n.accountId),
    postId: n.postId,
    tags: textsOf(n.tags),
    note: textOf(n.note),
    read: n.read === true,
    updatedAt: textOf(n.updatedAt),
    ...optional('username', n.username, isId),
  };
}
