/**
 * Bookmarks of the signed-in user (scopes bookmark.read / bookmark.write): the bookmarked posts, bookmarking and
 * unbookmarking, and bookmark folders. Pages: x-api--posts--bookmarks--*, x-api--users--get-bookmarks,
 * --create-bookmark, --delete-bookmark, --get-bookmark-folders, x-api--bookmarks--get-bookmarks-by-folder-id.
 * `userId` is always the signed-in user's id: X refuses any other.
 */
import { setState } from './set-state';
import type { XClient } from './client';
import { checkId } from './input';
import { getPage, pageQuery, type Endpoint, type Page, type PageOptions } from './pages';
import { POST_ENDPOINT } from './posts';
import { folderSchema, postRefSchema, postSchema, type XBookmarkFolder, type XPost, type XPostRef } from './schemas';

export { folderSchema, type XBookmarkFolder, type XPostRef } from './schemas';

/** GET /2/users/:id/bookmarks: post fields as for any post, 1 to 100 a page; X keeps only the 800 newest. */
export const BOOKMARKS_ENDPOINT: Endpoint = { ...POST_ENDPOINT, maxResults: { min: 1, max: 100 } };

/** GET /2/users/:id/bookmarks/folders: no fields parameters, 1 to 100 folders a page. */
export const FOLDERS_ENDPOINT: Endpoint = { fieldParams: [], defaults: {}, maxResults: { min: 1, max: 100 } };

/**
 * GET /2/users/:id/bookmarks — one page of the signed-in user's bookmarked posts, newest first, authors in
 * `includes.users`.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getBookmarks(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XPost>> {
  const user = checkId(userId, 'A user id');
  return getPage(client, { path: `/2/users/${user}/bookmarks`, query: pageQuery(BOOKMARKS_ENDPOINT, options), item: postSchema });
}

/**
 * POST /2/users/:id/bookmarks — bookmarks a post. Returns `bookmarked` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function bookmarkPost(client: XClient, userId: string, postId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const tweet_id = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/bookmarks`, body: { tweet_id }, flag: 'bookmarked' });
  return data.bookmarked;
}

/**
 * DELETE /2/users/:id/bookmarks/:tweet_id — removes a bookmark. Returns `bookmarked` as X reports it (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function unbookmarkPost(client: XClient, userId: string, postId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const tweet = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/bookmarks/${tweet}`, flag: 'bookmarked' });
  return data.bookmarked;
}

/**
 * GET /2/users/:id/bookmarks/folders — one page of the signed-in user's bookmark folders (id and name).
 * Takes no `fields`.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getBookmarkFolders(
  client: XClient,
  userId: string,
  options: Omit<PageOptions, 'fields'> = {},
): Promise<Page<XBookmarkFolder>> {
  const user = checkId(userId, 'A user id');
  const { maxResults, paginationToken } = options;
  return getPage(client, {
    path: `/2/users/${user}/bookmarks/folders`,
    query: pageQuery(FOLDERS_ENDPOINT, { maxResults, paginationToken }),
    item: folderSchema,
  });
}

/**
 * GET /2/users/:id/bookmarks/folders/:folder_id — the posts in one bookmark folder, as ids only (hydrate them
 * with getPosts). X documents no query parameters for this endpoint (no size, token or fields), so none are sent.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function getBookmarkFolderPosts(client: XClient, userId: string, folderId: string): Promise<Page<XPostRef>> {
  const user = checkId(userId, 'A user id');
  const folder = checkId(folderId, 'A bookmark folder id');
  return getPage(client, { path: `/2/users/${user}/bookmarks/folders/${folder}`, query: {}, item: postRefSchema });
}
