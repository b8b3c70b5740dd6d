import { useLiveQuery } from 'dexie-react-hooks';
import { db, type BookmarkFolderRow, type BookmarkRow, type PostRow, type UserRow } from '@/lib/db';
import { foldForSearch } from '@/lib/services/records';

/** One bookmark as the Bookmarks tab shows it: the stored bookmark, its post and the post's author. */
export interface BookmarkItem {
  postId: string;
  position: number;
  folderIds: string[];
  searchText: string;
  post: PostRow | undefined;
  author: UserRow | undefined;
}

/** How many of the newest bookmarks are read first, to draw the first screen before the whole copy is read. */
const HEAD = 40;

async function join(accountId: string, bookmarks: BookmarkRow[], posts: (PostRow | undefined)[]): Promise<BookmarkItem[]> {
  const postById = new Map(posts.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const authorIds = [...new Set(bookmarks.flatMap((b) => postById.get(b.postId)?.authorId ?? []))];
  const authors = await db().users.bulkGet(authorIds.map((id) => [accountId, id] as [string, string]));
  const authorById = new Map(authors.flatMap((u) => (u ? [[u.id, u] as const] : [])));
  return bookmarks.map((b): BookmarkItem => {
    const post = postById.get(b.postId);
    return {
      postId: b.postId,
      position: b.position,
      folderIds: b.folderIds,
      searchText: b.searchText,
      post,
      author: post?.authorId ? authorById.get(post.authorId) : undefined,
    };
  });
}

export interface StoredBookmarks {
  /** Newest first: the first few while the rest is read (`complete` false), then all of them. */
  items: BookmarkItem[];
  complete: boolean;
}

/**
 * Every stored bookmark of the account, newest first, joined with its post and author — read once per change of
 * the store (whole-index reads, not one read per bookmark), so searching and scrolling never touch IndexedDB. The
 * newest few are read first, so the first screen does not wait for ten thousand rows. Undefined while loading.
 */
export function useBookmarks(accountId: string): StoredBookmarks | undefined {
  const head = useLiveQuery(async () => {
    const d = db();
    // No count here: IndexedDB counts by walking the index, which costs as much as reading it.
    const bookmarks = await d.bookmarks
      .where('[accountId+position]')
      .between([accountId, -Infinity], [accountId, Infinity])
      .reverse()
      .limit(HEAD)
      .toArray();
    const posts = await d.posts.bulkGet(bookmarks.map((b) => [accountId, b.postId] as [string, string]));
    return join(accountId, bookmarks, posts);
  }, [accountId]);
  const headShown = head !== undefined;
  const all = useLiveQuery(async () => {
    // After the first screen: reading everything at once would hold the first rows back.
    if (!headShown) return undefined;
    const d = db();
    // Whole-index reads (IndexedDB getAll) are far faster than a cursor walking the position index backwards.
    const [bookmarks, posts] = await Promise.all([
      d.bookmarks.where('accountId').equals(accountId).toArray(),
      d.posts.where('accountId').equals(accountId).toArray(),
    ]);
    bookmarks.sort((a, b) => b.position - a.position);
    return join(accountId, bookmarks, posts);
  }, [accountId, headShown]);
  if (all) return { items: all, complete: true };
  return head ? { items: head, complete: head.length < HEAD } : undefined;
}

/** X's bookmark folders of the account, by name. Undefined while loading. */
export function useBookmarkFolders(accountId: string): BookmarkFolderRow[] | undefined {
  return useLiveQuery(
    async () => (await db().bookmarkFolders.where('accountId').equals(accountId).toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [accountId],
  );
}

/**
 * The bookmarks matching a search and a folder. Every word of the query must appear (in any order) in the
 * bookmark's search text: its text, links, author name and @username, lower-cased and without accents — "eowyn"
 * finds "Éowyn", "zoe angstrom" finds "Zoë Ångström".
 */
export function filterBookmarks(items: readonly BookmarkItem[], query: string, folderId: string): readonly BookmarkItem[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (!words.length && !folderId) return items;
  return items.filter((b) => (!folderId || b.folderIds.includes(folderId)) && words.every((w) => b.searchText.includes(w)));
}
