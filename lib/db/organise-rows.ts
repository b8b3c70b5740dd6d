/** The rows of the person's own organising of their bookmarks (issue 14), re-exported by lib/db/rows.ts. */

/**
 * The person's own organising of one bookmark (issue 14): never sent to X, and it outlives the bookmark row — when X
 * stops listing the bookmark, this row stays ("no longer on X") until the person deletes it or the bookmark comes
 * back. A bookmark without one has no tags, no note and is unread.
 */
export interface BookmarkNoteRow {
  accountId: string;
  postId: string;
  /** Normalised (lib/bookmarks/tags.ts `normaliseTag`), unique, sorted. */
  tags: string[];
  /** '' when none; at most BOOKMARK_NOTE_MAX (lib/limits.ts) characters. */
  note: string;
  read: boolean;
  /** ISO. */
  updatedAt: string;
  /** The author's @username, kept so an entry X dropped can still be named and linked. */
  username?: string;
}

/** A search the person named (and may pin) in the Bookmarks tab, in the search syntax of lib/bookmarks/query.ts. */
export interface SavedSearchRow {
  accountId: string;
  id: string;
  name: string;
  query: string;
  pinned: boolean;
  createdAt: string;
}
