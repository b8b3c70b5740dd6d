import type { ActionError, ActionRow, ActionState, BookmarkRow, ListRow, PostRow, UserRow } from '@/lib/db';
import {
  isBoolean,
  isId,
  isMomentMs,
  isMomentSeconds,
  isNumber,
  isObject,
  isString,
  isTime,
  mediaOf,
  optional,
  textOf,
  textsOf,
  urlsOf,
} from '@/lib/db/row-fields';
import type { OwnWords } from '@/lib/own-words';
import { AWAITING_PERSON } from '@/lib/db/rows';

/**
 * How the manager's tabs read their stored rows: field by field, into what the screen draws (lib/db/row-fields.ts).
 * A row of another shape (another version's, a write cut off, a store edited by hand) draws what it holds of that
 * shape: a text that is not text reads as none, a date that is no time as no date. A row without the id its actions
 * go by reads as undefined: nothing could act on it, so the tab leaves it out and says how many it left out. Before,
 * one such row failed the whole tab, hiding every good row behind "Perch could not read what it keeps on this device."
 */

/** A whole number (an action's number, a count). */
const whole = (v: unknown): v is number => Number.isInteger(v);
const isTrue = (v: unknown): v is true => v === true;

/** What a stored account holds of its names, picture and whether it is protected. */
export function readUser(u: unknown): Pick<UserRow, 'name' | 'username' | 'profileImageUrl' | 'protected'> | undefined {
  if (!isObject(u)) return undefined;
  return {
    name: textOf(u.name),
    username: textOf(u.username),
    ...optional('profileImageUrl', u.profileImageUrl || undefined, isString),
    ...optional('protected', u.protected, isBoolean),
  };
}

/** A stored List as the Lists tab draws it; undefined without its id. */
export function readList(l: unknown): ListRow | undefined {
  if (!isObject(l) || !isId(l.id)) return undefined;
  return {
    accountId: textOf(l.accountId),
    id: l.id,
    name: textOf(l.name),
    ...optional('description', l.description, isString),
    ...optional('private', l.private, isBoolean),
    ...optional('ownerId', l.ownerId, isId),
    ...optional('memberCount', l.memberCount, isCount),
    ...optional('followerCount', l.followerCount, isCount),
    ...optional('createdAt', l.createdAt, isTime),
    ...optional('knownEmpty', l.knownEmpty, isTrue),
    owned: l.owned === true,
    followed: l.followed === true,
    pinned: l.pinned === true,
    member: l.member === true,
  };
}

const isCount = (v: unknown): v is number => whole(v) && v >= 0;

const STATES = new Set<unknown>(['queued', 'sending', 'done', 'failed'] satisfies ActionState[]);
const isState = (v: unknown): v is ActionState => STATES.has(v);

/** Plain JSON values of a stored record of texts and yes/no (an action's parameters, X's answer). */
function flatRecord(v: unknown): Record<string, string | boolean> {
  if (!isObject(v)) return {};
  return Object.fromEntries(Object.entries(v).filter(([, x]) => isString(x) || isBoolean(x))) as Record<string, string | boolean>;
}

/** Why a stored action failed or waits, as far as it reads: undefined without its kind. */
function readActionError(e: unknown): ActionError | undefined {
  if (!isObject(e) || !isString(e.kind)) return undefined;
  return {
    kind: e.kind,
    ...optional('reset', e.reset, isMomentSeconds),
    ...optional('said', e.said, isString),
    ...optional('own', e.own, (o): o is OwnWords => isObject(o) && isString(o.kind)),
    ...optional('type', e.type, isString),
    ...optional('message', e.message, isString),
    ...optional('mayBeDone', e.mayBeDone, isTrue),
  };
}

/**
 * A stored action as the Activity tab draws it; undefined without its number (its Undo, Cancel and Retry go by it)
 * or a state this version knows (it could say nothing true of where the action stands).
 */
export function readAction(a: unknown): ActionRow | undefined {
  if (!isObject(a) || !whole(a.seq) || !isState(a.state)) return undefined;
  const error = readActionError(a.error);
  const result = isObject(a.result) ? flatRecord(a.result) : undefined;
  return {
    seq: a.seq,
    accountId: textOf(a.accountId),
    type: textOf(a.type),
    params: flatRecord(a.params),
    ...optional('label', a.label, isString),
    state: a.state,
    createdAt: isTime(a.createdAt) ? a.createdAt : '',
    updatedAt: isTime(a.updatedAt) ? a.updatedAt : '',
    // The outbox's mark of an action waiting for the person (past any moment a Date holds) is kept as it is.
    notBefore: isMomentMs(a.notBefore) || a.notBefore === AWAITING_PERSON ? a.notBefore : 0,
    attempts: isCount(a.attempts) ? a.attempts : 0,
    ...optional('sentBefore', a.sentBefore, isTrue),
    ...(error ? { error } : {}),
    ...optional('undoOf', a.undoOf, whole),
    ...optional('undoneBy', a.undoneBy, whole),
    ...(result ? { result } : {}),
  };
}

/** A stored bookmark as the Bookmarks tab lists it; undefined without its post's id. */
export function readBookmark(b: unknown): BookmarkRow | undefined {
  if (!isObject(b) || !isId(b.postId)) return undefined;
  return {
    accountId: textOf(b.accountId),
    postId: b.postId,
    position: isNumber(b.position) ? b.position : 0,
    folderIds: textsOf(b.folderIds),
  };
}

/** A stored post as a bookmark's card draws it; undefined without its id. */
export function readPost(p: unknown): PostRow | undefined {
  if (!isObject(p) || !isId(p.id)) return undefined;
  const media = mediaOf(p.media);
  const quoted = isObject(p.quoted) && isId(p.quoted.id) ? p.quoted : undefined;
  const quotedAuthor = quoted && isObject(quoted.author) && isId(quoted.author.id) ? quoted.author : undefined;
  const replyTo = isObject(p.replyTo) && isId(p.replyTo.userId) ? p.replyTo : undefined;
  return {
    accountId: textOf(p.accountId),
    id: p.id,
    text: textOf(p.text),
    ...optional('authorId', p.authorId, isId),
    ...optional('createdAt', p.createdAt, isTime),
    urls: urlsOf(p.urls),
    mediaCount: isCount(p.mediaCount) ? p.mediaCount : media.length,
    ...(media.length ? { media } : {}),
    ...optional('quotedId', p.quotedId, isId),
    ...(quoted
      ? {
          quoted: {
            id: quoted.id as string,
            text: textOf(quoted.text),
            urls: urlsOf(quoted.urls),
            ...(quotedAuthor
              ? { author: { id: quotedAuthor.id as string, name: textOf(quotedAuthor.name), username: textOf(quotedAuthor.username) } }
              : {}),
          },
        }
      : {}),
    ...optional('repliedToId', p.repliedToId, isId),
    ...(replyTo ? { replyTo: { userId: replyTo.userId as string, ...optional('username', replyTo.username, isId) } } : {}),
    seenAt: textOf(p.seenAt),
  };
}

/** A stored account as a bookmark's card names its author; undefined without its id. */
export function readAuthor(u: unknown): UserRow | undefined {
  const user = readUser(u);
  if (!user || !isObject(u) || !isId(u.id)) return undefined;
  return { accountId: textOf(u.accountId), id: u.id, seenAt: textOf(u.seenAt), ...user };
}

export { readNote } from '@/lib/db/row-fields';

/** The rows `read` draws, and how many it left out. */
export function readRows<T>(rows: readonly unknown[], read: (row: unknown) => T | undefined): { rows: T[]; unreadable: number } {
  const out: T[] = [];
  for (const row of rows) {
    const r = read(row);
    if (r !== undefined) out.push(r);
  }
  return { rows: out, unreadable: rows.length - out.length };
}
