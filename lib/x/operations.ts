/**
 * Every X API v2 operation Perch calls, as X's OpenAPI description names it (operationId, method, path template)
 * with the OAuth 2.0 user-token scopes its `security` lists. The contract tests read the description in place and
 * fail when an entry here differs from it, when a lib/x request matches no entry, or when the scopes Perch asks for
 * (lib/config.ts) are not exactly what these need (plus the documented additions).
 *
 * `enterprise` marks what X reserves for the Enterprise plan: a 403 there means the plan, whatever its wording.
 * The blocking writes are not in the description (the docs pages x-api--users--blocks--* describe them).
 */
export interface XOperation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI path template, e.g. `/2/users/{id}/bookmarks/{tweet_id}`. */
  template: string;
  scopes: readonly string[];
  /** True when the description does not have it (documented only in the docs pages). */
  docsOnly?: boolean;
  /** X answers 403 to apps not on the Enterprise plan (for posts: only when the body quotes a post). */
  enterprise?: 'always' | 'quote';
}

const R = ['tweet.read', 'users.read'] as const;
const op = (
  operationId: string,
  method: XOperation['method'],
  template: string,
  scopes: readonly string[],
  extra: Partial<Pick<XOperation, 'docsOnly' | 'enterprise'>> = {},
): XOperation => ({ operationId, method, template, scopes, ...extra });

export const X_OPERATIONS: readonly XOperation[] = [
  op('getUsersMe', 'GET', '/2/users/me', R),
  op('getUsersByUsername', 'GET', '/2/users/by/username/{username}', R),
  op('getUsersById', 'GET', '/2/users/{id}', R),
  op('getPostsById', 'GET', '/2/tweets/{id}', R),
  op('getPostsByIds', 'GET', '/2/tweets', R),
  op('createPosts', 'POST', '/2/tweets', ['tweet.read', 'tweet.write', 'users.read'], { enterprise: 'quote' }),
  op('deletePosts', 'DELETE', '/2/tweets/{id}', ['tweet.read', 'tweet.write', 'users.read']),
  op('repostPost', 'POST', '/2/users/{id}/retweets', ['tweet.read', 'tweet.write', 'users.read']),
  op('unrepostPost', 'DELETE', '/2/users/{id}/retweets/{source_tweet_id}', ['tweet.read', 'tweet.write', 'users.read']),
  op('likePost', 'POST', '/2/users/{id}/likes', ['like.write', ...R]),
  op('unlikePost', 'DELETE', '/2/users/{id}/likes/{tweet_id}', ['like.write', ...R]),
  op('followUser', 'POST', '/2/users/{id}/following', ['follows.write', ...R]),
  op('unfollowUser', 'DELETE', '/2/users/{source_user_id}/following/{target_user_id}', ['follows.write', ...R]),
  op('getUsersBookmarks', 'GET', '/2/users/{id}/bookmarks', ['bookmark.read', ...R]),
  op('createUsersBookmark', 'POST', '/2/users/{id}/bookmarks', ['bookmark.write', ...R]),
  op('deleteUsersBookmark', 'DELETE', '/2/users/{id}/bookmarks/{tweet_id}', ['bookmark.write', ...R]),
  op('getUsersBookmarkFolders', 'GET', '/2/users/{id}/bookmarks/folders', ['bookmark.read', 'users.read']),
  op('getUsersBookmarksByFolderId', 'GET', '/2/users/{id}/bookmarks/folders/{folder_id}', ['bookmark.read', ...R]),
  op('getListsById', 'GET', '/2/lists/{id}', ['list.read', ...R]),
  op('getUsersOwnedLists', 'GET', '/2/users/{id}/owned_lists', ['list.read', ...R]),
  op('getUsersFollowedLists', 'GET', '/2/users/{id}/followed_lists', ['list.read', ...R]),
  op('getUsersListMemberships', 'GET', '/2/users/{id}/list_memberships', ['list.read', ...R]),
  op('getUsersPinnedLists', 'GET', '/2/users/{id}/pinned_lists', ['list.read', ...R]),
  op('getListsMembers', 'GET', '/2/lists/{id}/members', ['list.read', ...R]),
  op('getListsPosts', 'GET', '/2/lists/{id}/tweets', ['list.read', ...R]),
  op('createLists', 'POST', '/2/lists', ['list.read', 'list.write', ...R]),
  op('updateLists', 'PUT', '/2/lists/{id}', ['list.write', ...R]),
  op('deleteLists', 'DELETE', '/2/lists/{id}', ['list.write', ...R]),
  op('addListsMember', 'POST', '/2/lists/{id}/members', ['list.write', ...R]),
  op('removeListsMemberByUserId', 'DELETE', '/2/lists/{id}/members/{user_id}', ['list.write', ...R]),
  op('pinList', 'POST', '/2/users/{id}/pinned_lists', ['list.write', ...R]),
  op('unpinList', 'DELETE', '/2/users/{id}/pinned_lists/{list_id}', ['list.write', ...R]),
  op('followList', 'POST', '/2/users/{id}/followed_lists', ['list.write', ...R]),
  op('unfollowList', 'DELETE', '/2/users/{id}/followed_lists/{list_id}', ['list.write', ...R]),
  op('getUsersMuting', 'GET', '/2/users/{id}/muting', ['mute.read', ...R]),
  op('muteUser', 'POST', '/2/users/{id}/muting', ['mute.write', ...R]),
  op('unmuteUser', 'DELETE', '/2/users/{source_user_id}/muting/{target_user_id}', ['mute.write', ...R]),
  op('getUsersBlocking', 'GET', '/2/users/{id}/blocking', ['block.read', ...R]),
  // x-api--users--blocks--introduction / --quickstart: Enterprise only; scopes block.write tweet.read users.read.
  op('blockUser', 'POST', '/2/users/{id}/blocking', ['block.write', ...R], { docsOnly: true, enterprise: 'always' }),
  op('unblockUser', 'DELETE', '/2/users/{source_user_id}/blocking/{target_user_id}', ['block.write', ...R], {
    docsOnly: true,
    enterprise: 'always',
  }),
  op('mediaUpload', 'POST', '/2/media/upload', ['media.write']),
  op('initializeMediaUpload', 'POST', '/2/media/upload/initialize', ['media.write']),
  op('appendMediaUpload', 'POST', '/2/media/upload/{id}/append', ['media.write']),
  op('finalizeMediaUpload', 'POST', '/2/media/upload/{id}/finalize', ['media.write']),
  op('getMediaUploadStatus', 'GET', '/2/media/upload', ['media.write']),
  op('createMediaMetadata', 'POST', '/2/media/metadata', ['media.write']),
];

const compiled = X_OPERATIONS.map((o) => ({
  op: o,
  re: new RegExp(`^${o.template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  literal: (o.template.match(/\/[^/{]+/g) ?? []).length,
}));

/**
 * The operation a request is, from its method and path (literal segments win: `/2/users/me` is not
 * `/2/users/{id}`). Undefined for anything Perch does not call.
 */
export function operationOf(method: string, path: string): XOperation | undefined {
  const bare = path.split('?')[0]!;
  let best: (typeof compiled)[number] | undefined;
  for (const c of compiled) {
    if (c.op.method !== method || !c.re.test(bare)) continue;
    if (!best || c.literal > best.literal) best = c;
  }
  return best?.op;
}
