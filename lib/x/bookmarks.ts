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
import { CARD_MEDIA_FIELDS, POST_ENDPOINT, POST_FIELDS } from './posts';
import { folderSchema, postRefSchema, postSchema, type XBookmarkFolder, type XPost, type XPostRef } from './schemas';

export { folderSchema, type XBookmarkFolder, type XPostRef } from './schemas';

/**
 * What a bookmark card shows besides the post itself (getUsersBookmarks takes the posts lookup's `expansions` and
 * `media.fields`; x-api--fundamentals--expansions, --data-dictionary): its media (`attachments.media_keys`: a photo's
 * `url`, a video's or GIF's `preview_image_url`, `alt_text`, size), the quoted post and its author
 * (`referenced_tweets.id`, `referenced_tweets.id.author_id`), and whom a reply answers (`in_reply_to_user_id`, in
 * `tweet.fields` and expanded). Still one request a page; X bills each included object as a resource read
 * (x-api--getting-started--pricing: media $0.005, posts $0.005, users $0.010; owned reads $0.001), once a UTC day.
 */
export const BOOKMARK_EXPANSIONS = [
  'author_id',
  'attachments.media_keys',
  'referenced_tweets.id',
  'referenced_tweets.id.author_id',
  'in_reply_to_user_id',
] as const;
export const BOOKMARK_MEDIA_FIELDS = CARD_MEDIA_FIELDS;

/** GET /2/users/:id/bookmarks: post fields as for any post plus the card's expansions, 1 to 100 a page; X keeps only the 800 newest. */
export const BOOKMARKS_ENDPOINT: Endpoint = {
  ...POST_ENDPOINT,
  defaults: {
    ...POST_ENDPOINT.defaults,
    'tweet.fields': [...POST_FIELDS, 'in_reply_to_user_id'],
    expansions: BOOKMARK_EXPANSIONS,
    'media.fields': BOOKMARK_MEDIA_FIELDS,
  },
  maxResults: { min: 1, max: 100 },
  token: { minLength: 1 },
};

/** GET /2/users/:id/bookmarks/folders: no fields parameters, 1 to 100 folders a page. */
export const FOLDERS_ENDPOINT: Endpoint = { fieldParams: [], defaults: {}, maxResults: { min: 1, max: 100 }, token: { minLength: 1 } };

/**
 * GET /2/users/:id/bookmarks — one page of the signed-in user's bookmarked posts, newest first; authors, quoted
 * posts' authors and replied-to users in `includes.users`, quoted posts in `includes.tweets`, media in
 * `includes.media`.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getBookmarks(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XPost>> {
  const user = checkId(userId, 'A user id');
  return getPage(client, {
    path: `/2/users/${user}/bookmarks`,
    query: pageQuery(BOOKMARKS_ENDPOINT, options),
    item: postSchema,
    token: BOOKMARKS_ENDPOINT.token,
    // X's description requires nothing of a Tweet (components.schemas.Tweet has no `required`): one without its `id` or
    // `text` is left out and counted (Page.dropped), not the other 99 refused with it.
    needed: ['id', 'text'],
  });
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
    token: FOLDERS_ENDPOINT.token,
    // X's description requires neither of a folder: one without them is left out, not the whole page refused.
    needed: ['id', 'name'],
  });
}

/**
 * The most posts one answer about a bookmark folder holds. getUsersBookmarksByFolderId takes no `max_results`, but its
 * answer (BookmarkFolderPostsResponse) carries `meta.next_token`: X pages it, and no page of any list X's OpenAPI
 * description pages holds more than 1,000 (the largest `max_results` maximum there: muting, blocking, followers).
 */
export const FOLDER_POSTS_MOST = 1000;

/**
 * GET /2/users/:id/bookmarks/folders/:folder_id — the posts in one bookmark folder, as ids only (hydrate them
 * with getPosts). X documents no query parameters for this endpoint (no size, token or fields), so none are sent.
 * @throws XApiError ('invalid-request' before sending for a malformed id; 'malformed' for an answer holding more than
 *   {@link FOLDER_POSTS_MOST} posts)
 */
export async function getBookmarkFolderPosts(client: XClient, userId: string, folderId: string): Promise<Page<XPostRef>> {
  const user = checkId(userId, 'A user id');
  const folder = checkId(folderId, 'A bookmark folder id');
  const path = `/2/users/${user}/bookmarks/folders/${folder}`;
  // BookmarkFolderPostsResponse requires no `id` of a post: one without it is left out alone (Page.dropped), not the folder.
  return getPage(client, { path, query: {}, item: postRefSchema, most: FOLDER_POSTS_MOST, needed: ['id'] });
}
