import * as z from 'zod/mini';
import { db, type BookmarkNoteRow } from '../db';
import { BOOKMARK_NOTE_MAX, IMPORT_MAX_CHARS, IMPORT_MAX_ENTRIES, isXId, USERNAME_PATTERN } from '../limits';
import { RefusedError } from '../refused-error';
import { namedTags, type ReplyWords } from '../reply-words';
import { isEmptyNote, readNotes } from './notes';
import { byCodePoint, checkAccountTags, distinctTags, normaliseTag, TAGS_PER_BOOKMARK_MAX } from './tags';

/**
 * 'bookmarks.import' (issue 14): restores the tags, notes and read state of Perch's own JSON export of bookmarks
 * (lib/export.ts `bookmarksToJson`) onto the account, for a new machine or browser. It never duplicates and is
 * idempotent: each post has one row per account, and importing the same file again changes nothing.
 */

/**
 * What an import did: entries restored onto a bookmark the account has, kept as "not on X", and already as stored;
 * and of those, how many kept only some of their tags (`tagsLeftOut`): joined with the ones stored (or with the same
 * post listed again in the file) they came to more than a bookmark carries, and the ones stored came first.
 */
export interface ImportResult {
  matched: number;
  notOnX: number;
  unchanged: number;
  tagsLeftOut: number;
}

/**
 * A file Perch cannot import: answered by kind and facts (lib/reply-words.ts: 'import-…', the entry from 1), which the
 * screen words in its reader's language; its `message` names the kind only, for logs.
 */
export class ImportError extends RefusedError {
  constructor(words: ReplyWords) {
    super('error', words);
    this.name = 'ImportError';
  }
}

/** The parts of an export Perch reads back: the rest (text, links, media) is X's and comes from X. */
/** Built on first use (z.lazy), as lib/x's schemas: the worker loads this module on every start, imports are rare. */
const exportFile = z.lazy(() =>
  z.object({
    exportedAt: z.string(),
    bookmarks: z.array(z.unknown()),
  }),
);
/**
 * `orNull(x)` is `z.nullable(x)` as a union with the literal null: the background then bundles no zod nullable type,
 * which nothing else in it uses (issue 13). Same values accepted, same output.
 */
const orNull = <T extends z.ZodMiniType>(schema: T) => z.union([schema, z.literal(null)]);
const exportEntry = z.lazy(() =>
  z.object({
    // A check rather than z.refine: the background then bundles no zod custom type, which nothing else in it uses.
    id: z.string().check((payload) => {
      if (!isXId(payload.value)) payload.issues.push({ code: 'custom', input: payload.value, continue: true });
    }),
    url: z.optional(z.string()),
    author: z.optional(orNull(z.object({ username: z.optional(orNull(z.string())) }))),
    tags: z.optional(z.array(z.string())),
    note: z.optional(orNull(z.string())),
    read: z.optional(z.boolean()),
  }),
);

interface Restored {
  postId: string;
  username?: string;
  tags: string[];
  note: string;
  read: boolean;
  /** Whether joining the same post listed twice in the file left some of its tags out. */
  leftOut?: boolean;
}

/** The author's @username of an entry: its `author`, else its x.com address. */
function usernameOf(entry: z.infer<typeof exportEntry>): string | undefined {
  const given = entry.author?.username ?? /^https:\/\/x\.com\/([^/]+)\/status\//.exec(entry.url ?? '')?.[1];
  return given && given !== 'i' && USERNAME_PATTERN.test(given) ? given : undefined;
}

/**
 * The entries of an export file, merged by post (a post listed twice is one entry).
 * @throws ImportError for a file that is not Perch's export, too big, or holding an entry Perch cannot keep.
 */
export function readExport(json: string): Restored[] {
  if (json.length > IMPORT_MAX_CHARS) throw new ImportError({ kind: 'import-too-big' });
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ImportError({ kind: 'import-not-export' });
  }
  const file = exportFile.safeParse(data);
  if (!file.success) throw new ImportError({ kind: 'import-not-export' });
  if (file.data.bookmarks.length > IMPORT_MAX_ENTRIES)
    throw new ImportError({ kind: 'import-too-many', count: file.data.bookmarks.length });
  const byPost = new Map<string, Restored>();
  file.data.bookmarks.forEach((raw, i) => {
    const parsed = exportEntry.safeParse(raw);
    if (!parsed.success) throw new ImportError({ kind: 'import-not-bookmark', entry: i + 1 });
    const entry = parsed.data;
    const bad = (entry.tags ?? []).filter((t) => normaliseTag(t) === undefined);
    if (bad.length) throw new ImportError({ kind: 'import-bad-tag', entry: i + 1, ...namedTags(bad) });
    const tags = [...new Set((entry.tags ?? []).map((t) => normaliseTag(t)!))];
    if (tags.length > TAGS_PER_BOOKMARK_MAX) throw new ImportError({ kind: 'import-too-many-tags', entry: i + 1, count: tags.length });
    const note = (entry.note ?? '').trim();
    if ([...note].length > BOOKMARK_NOTE_MAX) throw new ImportError({ kind: 'import-long-note', entry: i + 1 });
    const username = usernameOf(entry);
    const restored: Restored = {
      postId: entry.id,
      ...(username ? { username } : {}),
      tags,
      note,
      read: entry.read ?? false,
    };
    const seen = byPost.get(entry.id);
    if (!seen) byPost.set(entry.id, restored);
    else byPost.set(entry.id, { ...merge(seen, restored), leftOut: !!seen.leftOut || leftOut(seen, restored) });
  });
  return [...byPost.values()];
}

/** Whether joining the tags of `stored` and `incoming` comes to more than a bookmark carries. */
const leftOut = (stored: Pick<Restored, 'tags'>, incoming: Pick<Restored, 'tags'>) =>
  new Set([...stored.tags, ...incoming.tags]).size > TAGS_PER_BOOKMARK_MAX;

/**
 * What is stored after restoring `incoming` onto `stored`: tags are joined (up to TAGS_PER_BOOKMARK_MAX, the stored
 * ones first: see {@link leftOut}); a stored note stays, an empty one takes the file's; read wins.
 */
function merge<T extends Omit<Restored, 'postId' | 'leftOut'>>(stored: T, incoming: Omit<Restored, 'postId' | 'leftOut'>): T {
  const username = stored.username ?? incoming.username;
  return {
    ...stored,
    tags: [...new Set([...stored.tags, ...incoming.tags])].slice(0, TAGS_PER_BOOKMARK_MAX).sort(byCodePoint),
    note: stored.note || incoming.note,
    read: stored.read || incoming.read,
    ...(username ? { username } : {}),
  };
}

const same = (a: BookmarkNoteRow, b: BookmarkNoteRow) =>
  a.note === b.note && a.read === b.read && a.username === b.username && a.tags.join('\n') === b.tags.join('\n');

/**
 * Restores an export's tags, notes and read state onto the account: onto its bookmarks (matched), or kept as entries
 * X no longer lists (not on X) with their tags and notes. One transaction: a failure writes nothing.
 * @throws ImportError for a file that is not Perch's export (see readExport); RefusedError 'tags-account-full' when
 *   the account would carry more than TAGS_PER_ACCOUNT_MAX different tags. Nothing is written then.
 */
export async function importBookmarks(accountId: string, json: string, now: number): Promise<ImportResult> {
  const entries = readExport(json);
  const d = db();
  const updatedAt = new Date(now).toISOString();
  return d.transaction('rw', [d.bookmarkNotes, d.bookmarks], async () => {
    // The account's rows, read once and field by field (one of another shape must not stop an import): the entries'
    // own, and every tag the account carries (TAGS_PER_ACCOUNT_MAX).
    const [rows, bookmarks] = await Promise.all([
      d.bookmarkNotes.where('accountId').equals(accountId).toArray().then(readNotes),
      d.bookmarks.bulkGet(entries.map((e) => [accountId, e.postId] as [string, string])),
    ]);
    const byPost = new Map(rows.map((r) => [r.postId, r]));
    const result: ImportResult = { matched: 0, notOnX: 0, unchanged: 0, tagsLeftOut: 0 };
    const writes: BookmarkNoteRow[] = [];
    entries.forEach(({ postId, leftOut: cutInFile, ...incoming }, i) => {
      const old = byPost.get(postId);
      const base: BookmarkNoteRow = old ?? { accountId, postId, tags: [], note: '', read: false, updatedAt };
      const next = { ...merge(base, incoming), updatedAt };
      if (cutInFile || leftOut(base, incoming)) result.tagsLeftOut++;
      if (isEmptyNote(next) || (old && same(old, next))) {
        result.unchanged++;
        return;
      }
      writes.push(next);
      byPost.set(postId, next);
      if (bookmarks[i]) result.matched++;
      else result.notOnX++;
    });
    checkAccountTags(distinctTags(rows).size, distinctTags(byPost.values()).size);
    await d.bookmarkNotes.bulkPut(writes);
    return result;
  });
}
