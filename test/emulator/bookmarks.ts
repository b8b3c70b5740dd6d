/**
 * Bookmarks (x-api--posts--bookmarks--*, x-api--users--get-bookmarks / create-bookmark / delete-bookmark /
 * get-bookmark-folders, x-api--bookmarks--get-bookmarks-by-folder-id):
 *   GET    /2/users/:id/bookmarks                       posts, newest bookmark first; only the newest 800 are reachable
 *   POST   /2/users/:id/bookmarks {tweet_id}            {"data":{"bookmarked":true}}
 *   DELETE /2/users/:id/bookmarks/:tweet_id             {"data":{"bookmarked":false}} (404 for a missing or deleted post)
 *   GET    /2/users/:id/bookmarks/folders               {"data":[{id,name}],"meta":{"next_token"}} (meta only with a next page)
 *   GET    /2/users/:id/bookmarks/folders/:folder_id    {"data":[{id}]} (post ids of the folder; `[]` for an empty one)
 * Scopes: bookmark.read / bookmark.write with tweet.read users.read (bookmarks-lookup / manage-bookmarks quickstarts).
 */
import { ReplyError, json, paginate, problem, resourceNotFoundError, type Reply, type RequestContext } from './http';
import { LOOKUP_QUERY, visibility } from './posts';
import type { Router } from './router';
import { idFromBody, pathId, postsPage, requireExistingPost, requirePost, requireSelf } from './social';
import type { PostRecord } from './state';

/** "With the GET method of the Bookmarks lookup endpoint you will get back 800 of your most recent Bookmarked Posts." */
export const BOOKMARKS_CAP = 800;
export const READ_SCOPES = ['tweet.read', 'users.read', 'bookmark.read'];
export const WRITE_SCOPES = ['tweet.read', 'users.read', 'bookmark.write'];
const PAGE = { defaultMax: 100, min: 1, max: 100 };

function list(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const { state } = ctx;
  // The 800 newest bookmarks of posts the user can still see; older ones exist but no page reaches them.
  const posts: PostRecord[] = [];
  for (const id of state.bookmarkIds(userId)) {
    const post = state.posts.get(id);
    if (visibility(state, post, userId) === 'visible') posts.push(post!);
    if (posts.length === BOOKMARKS_CAP) break;
  }
  return postsPage(ctx, posts, PAGE);
}

function add(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const tweetId = idFromBody(ctx, 'tweet_id');
  const post = requirePost(ctx, tweetId, 'tweet_id');
  const bookmarks = ctx.state.bookmarksOf(userId);
  if (!bookmarks.has(tweetId)) {
    bookmarks.set(tweetId, ctx.state.now());
    post.publicMetrics.bookmark_count++;
  }
  return json(200, { data: { bookmarked: true } });
}

function remove(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const tweetId = pathId(ctx, 'tweet_id');
  const bookmarks = ctx.state.bookmarksOf(userId);
  if (bookmarks.delete(tweetId)) {
    const post = ctx.state.posts.get(tweetId);
    if (post && post.publicMetrics.bookmark_count > 0) post.publicMetrics.bookmark_count--;
    for (const folder of ctx.state.bookmarkFolders.get(userId) ?? []) folder.postIds = folder.postIds.filter((id) => id !== tweetId);
  }
  requireExistingPost(ctx, tweetId, 'tweet_id');
  return json(200, { data: { bookmarked: false } });
}

function folders(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const page = paginate(ctx.query, ctx.state.bookmarkFolders.get(userId) ?? [], PAGE);
  const data = page.items.map((f) => ({ id: f.id, name: f.name }));
  // BookmarkFoldersResponse's `meta` has `next_token` and nothing else: no result_count or previous_token, as the
  // other list answers carry (getUsersBookmarkFolders).
  const next = page.meta.next_token;
  return json(200, { ...(data.length ? { data } : {}), ...(next === undefined ? {} : { meta: { next_token: next } }) });
}

function folderPosts(ctx: RequestContext): Reply {
  const userId = requireSelf(ctx);
  const folderId = pathId(ctx, 'folder_id');
  const folder = (ctx.state.bookmarkFolders.get(userId) ?? []).find((f) => f.id === folderId);
  if (!folder) {
    throw new ReplyError(
      // The description's resource types (ResourceNotFoundProblem) have no bookmark folder: a generic 404 problem
      // on top, the lookup-style entry in `errors`.
      json(404, {
        ...(problem(404, `Could not find bookmark folder with folder_id: [${folderId}].`).json as Record<string, unknown>),
        errors: [
          resourceNotFoundError({
            resourceType: 'bookmark_folder',
            parameter: 'folder_id',
            value: folderId,
            detail: `Could not find bookmark folder with folder_id: [${folderId}].`,
          }),
        ],
      }),
    );
  }
  const data = folder.postIds.filter((id) => visibility(ctx.state, ctx.state.posts.get(id), userId) === 'visible').map((id) => ({ id }));
  // BookmarkFolderPostsResponse (getUsersBookmarksByFolderId): `data` without minItems, so an empty folder is `[]`, and
  // a `meta` holding only `next_token`: this answer has no next page (the operation takes no pagination_token).
  return json(200, { data });
}

export function registerBookmarkRoutes(router: Router): void {
  const read = { auth: 'user' as const, scopes: READ_SCOPES };
  const write = { auth: 'user' as const, scopes: WRITE_SCOPES, query: [] };
  router.add({
    method: 'GET',
    path: '/2/users/:id/bookmarks',
    ...read,
    query: ['max_results', 'pagination_token', ...LOOKUP_QUERY],
    handler: list,
  });
  router.add({ method: 'POST', path: '/2/users/:id/bookmarks', ...write, handler: add });
  router.add({ method: 'DELETE', path: '/2/users/:id/bookmarks/:tweet_id', ...write, handler: remove });
  router.add({
    method: 'GET',
    path: '/2/users/:id/bookmarks/folders',
    ...read,
    query: ['max_results', 'pagination_token'],
    handler: folders,
  });
  router.add({ method: 'GET', path: '/2/users/:id/bookmarks/folders/:folder_id', ...read, query: [], handler: folderPosts });
}
