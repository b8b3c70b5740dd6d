import { db, type DraftRow } from '../db';
import { isUsername, storedAuthor } from '../db/draft-authors';
import { isTime } from '../db/row-fields';
import type { DraftSummary } from '../views';
import { readDraft } from './draft-row';

/**
 * The drafts list (issue 15): every saved draft of an account — a new post, a reply, a quote, a shared page — with
 * what it was started on, for the manager's Drafts tab, and their number for the popup's count (`drafts.count`).
 * Reads only; the background alone writes drafts (lib/services/compose.ts). Pure over the store, so the manager reads it
 * inside `useLiveQuery` (which follows the tables it touches) and the background answers `drafts.list` with the same
 * functions. `readDrafts` reads only the `drafts` and `draftMedia` tables, never the `posts` and `users` a sync holds
 * in its writes: a draft carries its post's author (lib/db/draft-authors.ts), and only one that does not waits for
 * those tables, apart (`unnamedAuthors`).
 */

/**
 * What a draft's context names: 'compose', 'reply:<id>', 'quote:<id>', 'edit:<id>' (a new text for one of your
 * posts: listed too, so a text X refused to apply once the edit window closed can still be read and deleted) or
 * 'share:<url>'; undefined for any other.
 */
export function draftPlace(context: string): { kind: DraftSummary['kind']; postId?: string; url?: string } | undefined {
  if (context === 'compose') return { kind: 'compose' };
  const colon = context.indexOf(':');
  const head = context.slice(0, colon);
  const rest = context.slice(colon + 1);
  if ((head === 'reply' || head === 'quote' || head === 'edit') && /^\d{1,19}$/.test(rest)) return { kind: head, postId: rest };
  if (head === 'share' && rest) return { kind: 'share', url: rest };
  return undefined;
}

/** The host of a shared page's address, without "www."; undefined when it is not a web address. */
function hostOf(url: string): string | undefined {
  try {
    const { hostname, protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

function summaryOf(row: DraftRow, place: NonNullable<ReturnType<typeof draftPlace>>, mediaCount: number): DraftSummary {
  const postId = place.postId ?? (place.kind === 'reply' ? row.replyToId : place.kind === 'quote' ? row.quoteId : undefined);
  // The author as X named them when the draft was saved; one that is not an @username is none ("Reply to a post").
  const username = isUsername(row.authorUsername) ? row.authorUsername : undefined;
  const host = place.url ? hostOf(place.url) : undefined;
  return {
    context: row.context,
    kind: place.kind,
    ...(postId ? { postId } : {}),
    ...(username ? { username } : {}),
    ...(place.url ? { url: place.url } : {}),
    ...(host ? { host } : {}),
    // The texts of the posts that have one: an empty post (a thread's first, one of only images) starts no blank lines.
    text: row.posts
      .map((p) => p.text)
      .filter((t) => t.trim())
      .join('\n\n'),
    postCount: row.posts.length,
    mediaCount,
    state: row.state,
    // A date that is no time shows no date (it sorts last).
    updatedAt: isTime(row.updatedAt) ? row.updatedAt : '',
  };
}

/**
 * A stored draft as the drafts list shows it: read as far as it reads (draft-row.ts `readDraft`); undefined when it
 * names no place this version reopens, or is stored under a key its place does not name (its Open and Delete go by
 * its account and place, and could not find it).
 */
function listedDraft(row: unknown): DraftRow | undefined {
  const draft = readDraft(row);
  return draft && draftPlace(draft.context) && draft.key === `${draft.accountId}|${draft.context}` ? draft : undefined;
}

/**
 * How many drafts the account has, as `listDrafts` lists them (the popup's "Drafts (3)"): counted in the store, with
 * no draft's text read out of it.
 * @throws if IndexedDB fails.
 */
export async function countDrafts(accountId: string): Promise<number> {
  return db()
    .drafts.where('accountId')
    .equals(accountId)
    .filter((row) => !!listedDraft(row))
    .count();
}

/**
 * An account's drafts, the most recently changed first (ties by context, so the order is stable), and how many of its
 * stored drafts could not be listed (the Drafts tab says so once: components/manager/UnreadableRows.tsx). A row this
 * version cannot read as it is (an older shape, or damaged) is listed with what of it reads: it hides no other draft.
 * A draft names its post's author only as it carries it; `unnamedAuthors` reads the others', apart.
 * @throws if IndexedDB fails.
 */
export async function readDrafts(accountId: string): Promise<{ drafts: DraftSummary[]; unreadable: number }> {
  const stored = await db().drafts.where('accountId').equals(accountId).toArray();
  const rows = stored.flatMap((r) => listedDraft(r) ?? []);
  const media = await db()
    .draftMedia.where('draftKey')
    .anyOf(rows.map((r) => r.key))
    .toArray();
  const counts = new Map<string, number>();
  for (const m of media) counts.set(m.draftKey, (counts.get(m.draftKey) ?? 0) + 1);
  const summaries = rows.map((r) => summaryOf(r, draftPlace(r.context)!, counts.get(r.key) ?? 0));
  summaries.sort((a, b) => (a.updatedAt === b.updatedAt ? a.context.localeCompare(b.context) : a.updatedAt < b.updatedAt ? 1 : -1));
  return { drafts: summaries, unreadable: stored.length - rows.length };
}

/** The posts of these drafts that reply to or quote one and do not name its author: `unnamedAuthors` reads theirs. */
export function unnamedPosts(drafts: readonly DraftSummary[]): string[] {
  return drafts.flatMap((d) => ((d.kind === 'reply' || d.kind === 'quote') && d.postId && !d.username ? [d.postId] : []));
}

/**
 * The @username of the author of each of these posts the store has seen for the account, by post id: for the drafts
 * that do not name theirs (`unnamedPosts`). It reads the `posts` and `users` tables a sync writes, so it waits for the
 * sync's write: the Drafts tab reads it apart from the drafts, and names those authors once it has them. None to read
 * reads no table.
 * @throws if IndexedDB fails.
 */
export async function unnamedAuthors(accountId: string, postIds: readonly string[]): Promise<Map<string, string>> {
  const authors = new Map<string, string>();
  for (const postId of new Set(postIds)) {
    const username = await storedAuthor(db(), accountId, postId);
    if (username) authors.set(postId, username);
  }
  return authors;
}

/** These drafts, each that names no author with the one `unnamedAuthors` found, if it found one. */
export function withAuthors(drafts: DraftSummary[], authors: ReadonlyMap<string, string> | undefined): DraftSummary[] {
  return drafts.map((d) => {
    const username = !d.username && d.postId ? authors?.get(d.postId) : undefined;
    return username ? { ...d, username } : d;
  });
}

/**
 * An account's drafts, as `readDrafts` lists them (the background's answer to `drafts.list`): each names its post's
 * author as the draft carries them (renamed with the author when a read of X renames them: ./kept-rows.ts), and never
 * waits for the `posts` and `users` tables a sync holds in its writes.
 * @throws if IndexedDB fails.
 */
export async function listDrafts(accountId: string): Promise<DraftSummary[]> {
  return (await readDrafts(accountId)).drafts;
}
