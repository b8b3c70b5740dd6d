import { useLiveQuery } from 'dexie-react-hooks';
import { matcher, parseQuery, isEmptyQuery, searchable } from '@/lib/bookmarks/query';
import { byCodePoint } from '@/lib/bookmarks/tags';
import { db, type BookmarkFolderRow, type BookmarkNoteRow, type PostRow, type SavedSearchRow, type UserRow } from '@/lib/db';
import { isId, isObject, textOf } from '@/lib/db/row-fields';
import { bookmarkSearchWords, cardLabels } from './bookmarks/search-words';
import { readAuthor, readBookmark, readNote, readPost, readRows } from './stored-rows';

/**
 * One bookmark as the Bookmarks tab shows it: the stored bookmark, its post and the post's author, and the person's
 * own tags, note and read state (none, '' and unread when they never organised it).
 */
export interface BookmarkItem {
  postId: string;
  position: number;
  folderIds: string[];
  /** What the search matches, folded once: the words its card shows (bookmarks/search-words.ts). */
  searchText: string;
  post: PostRow | undefined;
  author: UserRow | undefined;
  tags: string[];
  note: string;
  read: boolean;
}

/** How many of the newest bookmarks are read first, to draw the first screen before the whole copy is read. */
const HEAD = 40;

/**
 * The bookmarks joined with their posts, authors and notes, each row read field by field (stored-rows.ts): a row of
 * another shape draws what it holds; a bookmark without its post's id is left out (nothing could open or remove it)
 * and counted in `unreadable`.
 */
async function join(
  accountId: string,
  storedBookmarks: readonly unknown[],
  posts: readonly unknown[],
  notes: readonly unknown[],
): Promise<{ items: BookmarkItem[]; unreadable: number }> {
  const { rows: bookmarks, unreadable } = readRows(storedBookmarks, readBookmark);
  // Only the bookmarked posts are read field by field: the store keeps others (a List's posts) beside them.
  const storedPost = new Map(posts.flatMap((p) => (isObject(p) && isId(p.id) ? [[p.id, p] as const] : [])));
  const postById = new Map<string, PostRow>();
  for (const b of bookmarks) {
    const post = readPost(storedPost.get(b.postId));
    if (post) postById.set(post.id, post);
  }
  const noteById = new Map(readRows(notes, readNote).rows.map((n) => [n.postId, n] as const));
  const authorIds = [...new Set(bookmarks.flatMap((b) => postById.get(b.postId)?.authorId ?? []))];
  const authors = await db().users.bulkGet(authorIds.map((id) => [accountId, id] as [string, string]));
  const authorById = new Map(readRows(authors, readAuthor).rows.map((u) => [u.id, u] as const));
  const labels = cardLabels();
  const items = bookmarks.map((b): BookmarkItem => {
    const post = postById.get(b.postId);
    const note = noteById.get(b.postId);
    const author = post?.authorId ? authorById.get(post.authorId) : undefined;
    const shown = { post, author, tags: note?.tags ?? [], note: note?.note ?? '' };
    return {
      postId: b.postId,
      position: b.position,
      folderIds: b.folderIds,
      // Folded here, once per change of the store (a renamed author's user row too): a keystroke only compares.
      searchText: bookmarkSearchWords(shown, labels),
      ...shown,
      read: note?.read ?? false,
    };
  });
  return { items, unreadable };
}

export interface StoredBookmarks {
  /** Newest first: the first few while the rest is read (`complete` false), then all of them. */
  items: BookmarkItem[];
  complete: boolean;
  /** How many stored bookmarks of those read could not be: left out of `items`. */
  unreadable: number;
}

/**
 * Every stored bookmark of the account, newest first, joined with its post and author — read once per change of
 * the store (whole-index reads, not one read per bookmark), so searching and scrolling never touch IndexedDB. The
 * newest few are read first, so the first screen does not wait for ten thousand rows. Undefined while loading.
 */
export function useBookmarks(accountId: string): StoredBookmarks | undefined {
  const head = useLiveQuery(() => readNewest(accountId), [accountId]);
  const headShown = head !== undefined;
  // After the first screen: reading everything at once would hold the first rows back.
  const all = useLiveQuery(async () => (headShown ? readAll(accountId) : undefined), [accountId, headShown]);
  if (all) return { ...all, complete: true };
  return head ? { ...head, complete: head.items.length + head.unreadable < HEAD } : undefined;
}

/** The newest few bookmarks of the account, joined (useBookmarks' first screen), and how many rows it left out. */
async function readNewest(accountId: string): Promise<{ items: BookmarkItem[]; unreadable: number }> {
  const d = db();
  // No count here: IndexedDB counts by walking the index, which costs as much as reading it.
  const bookmarks = await d.bookmarks
    .where('[accountId+position]')
    .between([accountId, -Infinity], [accountId, Infinity])
    .reverse()
    .limit(HEAD)
    .toArray();
  const keys = bookmarks.map((b) => [accountId, b.postId] as [string, string]);
  const [posts, notes] = await Promise.all([d.posts.bulkGet(keys), d.bookmarkNotes.bulkGet(keys)]);
  return join(accountId, bookmarks, posts, notes);
}

/** Every bookmark of the account, newest first, joined with its post, author and the person's own organising. */
export async function readAllBookmarks(accountId: string): Promise<BookmarkItem[]> {
  return (await readAll(accountId)).items;
}

async function readAll(accountId: string): Promise<{ items: BookmarkItem[]; unreadable: number }> {
  const d = db();
  // Whole-index reads (IndexedDB getAll) are far faster than a cursor walking the position index backwards.
  const [bookmarks, posts, notes] = await Promise.all([
    d.bookmarks.where('accountId').equals(accountId).toArray(),
    d.posts.where('accountId').equals(accountId).toArray(),
    d.bookmarkNotes.where('accountId').equals(accountId).toArray(),
  ]);
  const position = (b: { position: unknown }) => (typeof b.position === 'number' ? b.position : 0);
  bookmarks.sort((a, b) => position(b) - position(a));
  return join(accountId, bookmarks, posts, notes);
}

/** X's bookmark folders of the account, by name. Undefined while loading. */
export function useBookmarkFolders(accountId: string): BookmarkFolderRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db().bookmarkFolders.where('accountId').equals(accountId).toArray())
        .flatMap((f) => (isId(f.id) ? [{ ...f, name: textOf(f.name) }] : []))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [accountId],
  );
}

/**
 * The bookmarks matching a search (lib/bookmarks/query.ts: words, "phrases", -word, from:, tag:, has:media, is:read,
 * is:unread, since:, until:, folder:) and a folder. Words match the words its card shows (bookmarks/search-words.ts:
 * its text, links, author's names as stored now, pictures' descriptions, whom it replies to, the quoted post, and the
 * person's tags and note; `tag:` matches a tag alone, whole), lower-cased and without accents — "eowyn" finds
 * "Éowyn", "zoe angstrom" finds "Zoë Ångström". `folders` names X's folders for `folder:"name"` (without it,
 * `folder:` matches nothing).
 */
export function filterBookmarks(
  items: readonly BookmarkItem[],
  query: string,
  folderId: string,
  folders: readonly Pick<BookmarkFolderRow, 'id' | 'name'>[] = [],
): readonly BookmarkItem[] {
  const parsed = parseQuery(query);
  if (isEmptyQuery(parsed) && !folderId) return items;
  const byName = new Map<string, string[]>();
  for (const f of folders) {
    const name = searchable(f.name);
    byName.set(name, [...(byName.get(name) ?? []), f.id]);
  }
  const matches = matcher(parsed, byName);
  return items.filter((b) => (!folderId || b.folderIds.includes(folderId)) && matches(b));
}

/**
 * The account's tags, notes and read state whose bookmark X no longer lists (removed on X, or older than the 800
 * newest): kept until the person deletes them or the bookmark comes back. Newest change first. Undefined while
 * loading.
 */
export function useDroppedBookmarks(accountId: string, ready = true): BookmarkNoteRow[] | undefined {
  // Read once the bookmarks are (`ready`): read beside them, it held the first screen back by half a second.
  return useLiveQuery(async () => (ready ? readDroppedBookmarks(accountId) : undefined), [accountId, ready]);
}

/**
 * The account's notes whose bookmark X no longer lists. Keys only (no row is read whole but the dropped few), so it
 * does not hold back the Bookmarks tab's first screen, which reads at the same time.
 */
export async function readDroppedBookmarks(accountId: string): Promise<BookmarkNoteRow[]> {
  const d = db();
  const [noted, listed] = await Promise.all([
    d.bookmarkNotes.where('accountId').equals(accountId).primaryKeys(),
    d.bookmarks.where('accountId').equals(accountId).primaryKeys(),
  ]);
  const onX = new Set(listed.map(([, postId]) => postId));
  const missing = noted.filter(([, postId]) => !onX.has(postId));
  const rows = missing.length ? await d.bookmarkNotes.bulkGet(missing) : [];
  return droppedNotes(readRows(rows, readNote).rows, listed);
}

/** The notes whose post is not among the listed bookmarks' keys, newest change first. */
export function droppedNotes(notes: readonly BookmarkNoteRow[], listed: readonly (readonly [string, string])[]): BookmarkNoteRow[] {
  const onX = new Set(listed.map(([, postId]) => postId));
  return notes.filter((n) => !onX.has(n.postId)).sort((a, b) => byCodePoint(b.updatedAt, a.updatedAt));
}

/** The account's tags, each with how many of its entries carry it: most used first, then by name. Undefined while loading. */
export function useTagCounts(accountId: string, ready = true): { tag: string; count: number }[] | undefined {
  // Read once the bookmarks are (`ready`), as useDroppedBookmarks: nothing on the first screen needs the counts.
  return useLiveQuery(async () => (ready ? readTagCounts(accountId) : undefined), [accountId, ready]);
}

/**
 * The account's tags with their counts, in one pass over the account's rows (never one read per tag: with many
 * different tags, and many accounts, that took over a minute, and ran again on every change of a note).
 */
export async function readTagCounts(accountId: string): Promise<{ tag: string; count: number }[]> {
  return tagCounts(readRows(await db().bookmarkNotes.where('accountId').equals(accountId).toArray(), readNote).rows);
}

/** Counts the tags of some notes: most used first, then by name. */
export function tagCounts(notes: readonly Pick<BookmarkNoteRow, 'tags'>[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of notes) for (const t of n.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || byCodePoint(a.tag, b.tag));
}

/** The account's saved searches: pinned first, then by name. Undefined while loading. */
export function useSavedSearches(accountId: string): SavedSearchRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db().savedSearches.where('accountId').equals(accountId).toArray())
        .flatMap((r) => (isId(r.id) ? [{ ...r, name: textOf(r.name), query: textOf(r.query), pinned: r.pinned === true }] : []))
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.name.localeCompare(b.name)),
    [accountId],
  );
}
