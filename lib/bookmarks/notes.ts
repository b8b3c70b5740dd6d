import { db, type BookmarkNoteRow, type SavedSearchRow } from '../db';
import { readNote, textsOf } from '../db/row-fields';
import { BOOKMARK_NOTE_MAX } from '../limits';
import { RefusedError } from '../refused-error';
import { byCodePoint, checkAccountTags, distinctTags, InvalidTagError, normaliseTag, normaliseTags } from './tags';

/**
 * The person's own organising of their bookmarks (issue 14): tags, a note and the read state of each bookmark, and
 * saved searches — per account, kept only in Perch, never sent to X. Only the background calls these (the screens
 * ask it through the message contract); the screens read the tables with useLiveQuery.
 */

/** What one 'bookmark.organise' changes: only the fields given. */
export interface OrganiseChange {
  accountId: string;
  postId: string;
  username?: string | undefined;
  tags?: readonly string[] | undefined;
  note?: string | undefined;
  read?: boolean | undefined;
}

/** A row that holds nothing (no tags, no note, unread) says no more than no row: it is not kept. */
export function isEmptyNote(row: Pick<BookmarkNoteRow, 'tags' | 'note' | 'read'>): boolean {
  return row.tags.length === 0 && row.note === '' && !row.read;
}

/** The stored rows that read as a bookmark's organising ({@link readNote}), each as far as it reads. */
export function readNotes(rows: readonly unknown[]): BookmarkNoteRow[] {
  return rows.flatMap((r) => readNote(r) ?? []);
}

/** The author's @username of a stored post, when the store has it. */
async function storedUsername(accountId: string, postId: string): Promise<string | undefined> {
  const post = await db().posts.get([accountId, postId]);
  return post?.authorId ? (await db().users.get([accountId, post.authorId]))?.username : undefined;
}

/**
 * Sets the tags, note and/or read state of one bookmark; what is not given stays. Remembers the author's @username
 * (given, or found in the store) so the entry can still be named and linked once X stops listing the bookmark.
 * @throws InvalidTagError for a tag that is not one; RefusedError 'tags-too-many' for more than TAGS_PER_BOOKMARK_MAX
 *   tags, 'note-too-long' for a note over BOOKMARK_NOTE_MAX characters, 'tags-account-full' for a new tag past
 *   TAGS_PER_ACCOUNT_MAX different tags on the account. Nothing is written then.
 */
export async function organiseBookmark(change: OrganiseChange, now: number): Promise<void> {
  const tags = change.tags ? normaliseTags(change.tags) : undefined;
  const note = change.note?.trim();
  if (note !== undefined && [...note].length > BOOKMARK_NOTE_MAX)
    throw new RefusedError('error', { kind: 'note-too-long', count: [...note].length });
  const { accountId, postId } = change;
  const d = db();
  await d.transaction('rw', [d.bookmarkNotes, d.posts, d.users], async () => {
    // Stored rows read field by field (lib/db/row-fields.ts): one of another shape must not stop the person's tagging.
    const old = readNote(await d.bookmarkNotes.get([accountId, postId]));
    const username = change.username ?? old?.username ?? (await storedUsername(accountId, postId));
    const row: BookmarkNoteRow = {
      accountId,
      postId,
      tags: tags ?? old?.tags ?? [],
      note: note ?? old?.note ?? '',
      read: change.read ?? old?.read ?? false,
      updatedAt: new Date(now).toISOString(),
      ...(username ? { username } : {}),
    };
    if (row.tags.some((t) => !old?.tags.includes(t))) {
      // A tag new to this bookmark: read the account's tags once to count them.
      const rows = readNotes(await d.bookmarkNotes.where('accountId').equals(accountId).toArray());
      checkAccountTags(distinctTags(rows).size, distinctTags([...rows.filter((r) => r.postId !== postId), row]).size);
    }
    if (isEmptyNote(row)) await d.bookmarkNotes.delete([accountId, postId]);
    else await d.bookmarkNotes.put(row);
  });
}

/** Deletes the tags, note and read state of one bookmark (or of an entry X no longer lists). */
export async function forgetBookmark(accountId: string, postId: string): Promise<void> {
  await db().bookmarkNotes.delete([accountId, postId]);
}

/** The account's rows carrying a tag (the `*tags` index). */
function rowsTagged(accountId: string, tag: string) {
  return db()
    .bookmarkNotes.where('tags')
    .equals(tag)
    .and((r) => r.accountId === accountId);
}

/**
 * Renames a tag on every bookmark of the account that has it. Renaming into a tag that already exists merges the
 * two: a bookmark that had both keeps one.
 * @returns how many bookmarks changed.
 * @throws InvalidTagError when either name is not a tag.
 */
export async function renameTag(accountId: string, from: string, to: string, now: number): Promise<{ changed: number }> {
  const oldTag = normaliseTag(from);
  const newTag = normaliseTag(to);
  const bad = [...(oldTag ? [] : [from]), ...(newTag ? [] : [to])];
  if (bad.length || !oldTag || !newTag) throw new InvalidTagError(bad);
  if (oldTag === newTag) return { changed: 0 };
  const d = db();
  return d.transaction('rw', d.bookmarkNotes, async () => {
    const changed = await rowsTagged(accountId, oldTag).modify((r) => {
      r.tags = [...new Set(textsOf(r.tags).map((t) => (t === oldTag ? newTag : t)))].sort(byCodePoint);
      r.updatedAt = new Date(now).toISOString();
    });
    return { changed };
  });
}

/**
 * Removes a tag from every bookmark of the account. A bookmark left with nothing (no tags, no note, unread) loses its
 * row, as if never organised.
 * @returns how many bookmarks changed.
 * @throws InvalidTagError when the name is not a tag.
 */
export async function deleteTag(accountId: string, tag: string, now: number): Promise<{ changed: number }> {
  const name = normaliseTag(tag);
  if (!name) throw new InvalidTagError([tag]);
  const d = db();
  return d.transaction('rw', d.bookmarkNotes, async () => {
    const rows = readNotes(await rowsTagged(accountId, name).toArray());
    const updatedAt = new Date(now).toISOString();
    const kept = rows.map((r) => ({ ...r, tags: r.tags.filter((t) => t !== name), updatedAt }));
    await d.bookmarkNotes.bulkPut(kept.filter((r) => !isEmptyNote(r)));
    await d.bookmarkNotes.bulkDelete(kept.filter(isEmptyNote).map((r) => [r.accountId, r.postId] as [string, string]));
    return { changed: rows.length };
  });
}

/**
 * Saves a named search: a new one without `id`, else the one with that id (its creation time stays).
 * @returns its id.
 * @throws RefusedError 'search-needs-name' for an empty name, 'search-empty' for an empty search.
 */
export async function saveSearch(
  input: { accountId: string; id?: string | undefined; name: string; query: string; pinned: boolean },
  now: number,
): Promise<{ id: string }> {
  const name = input.name.trim();
  const query = input.query.trim();
  if (!name) throw new RefusedError('error', { kind: 'search-needs-name' });
  if (!query) throw new RefusedError('error', { kind: 'search-empty' });
  const d = db();
  return d.transaction('rw', d.savedSearches, async () => {
    const old = input.id ? await d.savedSearches.get([input.accountId, input.id]) : undefined;
    const row: SavedSearchRow = {
      accountId: input.accountId,
      id: input.id ?? crypto.randomUUID(),
      name,
      query,
      pinned: input.pinned,
      createdAt: old?.createdAt ?? new Date(now).toISOString(),
    };
    await d.savedSearches.put(row);
    return { id: row.id };
  });
}

/** Deletes a saved search. */
export async function deleteSearch(accountId: string, id: string): Promise<void> {
  await db().savedSearches.delete([accountId, id]);
}
