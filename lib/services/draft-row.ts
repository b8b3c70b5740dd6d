import type { DraftRow } from '../db';

/**
 * Whether a stored draft row has the shape this version reads (lib/db/rows.ts `DraftRow`). A row of an older shape or
 * a damaged one is not read as it is: {@link readDraft} keeps what of it reads. Plain code (no zod): the manager's
 * Drafts tab reads drafts with it too.
 */
export function isReadableDraft(row: unknown): row is DraftRow {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  return (
    typeof r.key === 'string' &&
    typeof r.accountId === 'string' &&
    typeof r.context === 'string' &&
    optional(r.replyToId, isString) &&
    optional(r.quoteId, isString) &&
    optional(r.authorUsername, isString) &&
    Array.isArray(r.posts) &&
    r.posts.every(isDraftPost) &&
    isStrings(r.publishedIds) &&
    (r.state === 'editing' || r.state === 'unknown') &&
    optional(r.replyRefused, isReplyRefused) &&
    optional(r.separateFrom, isCount) &&
    isCount(r.seq) &&
    typeof r.updatedAt === 'string'
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);

function isDraftPost(post: unknown): boolean {
  if (typeof post !== 'object' || post === null) return false;
  const p = post as Record<string, unknown>;
  return typeof p.text === 'string' && isStrings(p.mediaIds);
}

function isReplyRefused(refused: unknown): boolean {
  if (typeof refused !== 'object' || refused === null) return false;
  const r = refused as Record<string, unknown>;
  return isCount(r.index) && optional(r.reason, isString);
}

/**
 * A stored draft row as this version reads it: a readable one as it is; of one that is not (an older shape, or
 * damaged), what reads — each post in its place with its image ids and its text (none when it is not text), the post
 * it replies to or quotes and its author, what was published — so the drafts list shows it and the composer opens on
 * its text rather than a first save writing over it unseen.
 * Undefined only for a row that does not name its key, account and place.
 */
export function readDraft(row: unknown): DraftRow | undefined {
  if (isReadableDraft(row)) return row;
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  if (typeof r.key !== 'string' || typeof r.accountId !== 'string' || typeof r.context !== 'string') return undefined;
  // Every post keeps its place in the thread and its images; a text that is not text reads as none. Dropped, the post
  // was gone from the composer, and the next save wrote the draft over without it and its images.
  const posts = (Array.isArray(r.posts) ? r.posts : []).map((p: unknown) => {
    const post = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    return { text: isString(post.text) ? post.text : '', mediaIds: Array.isArray(post.mediaIds) ? post.mediaIds.filter(isString) : [] };
  });
  return {
    key: r.key,
    accountId: r.accountId,
    context: r.context,
    ...(isString(r.replyToId) ? { replyToId: r.replyToId } : {}),
    ...(isString(r.quoteId) ? { quoteId: r.quoteId } : {}),
    ...(isString(r.authorUsername) ? { authorUsername: r.authorUsername } : {}),
    posts: posts.length ? posts : [{ text: '', mediaIds: [] }],
    publishedIds: Array.isArray(r.publishedIds) ? r.publishedIds.filter(isString) : [],
    state: r.state === 'unknown' ? 'unknown' : 'editing',
    seq: isCount(r.seq) ? r.seq : 0,
    updatedAt: isString(r.updatedAt) ? r.updatedAt : '',
  };
}
