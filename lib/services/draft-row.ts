import type { DraftRow } from '../db';

/**
 * Whether a stored draft row has the shape this version reads (lib/db/rows.ts `DraftRow`). A row of an older shape or
 * a damaged one is not read: the drafts list leaves it out and keeps it stored, and the composer starts afresh on its
 * place. Plain code (no zod): the manager's Drafts tab reads drafts with it too.
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
