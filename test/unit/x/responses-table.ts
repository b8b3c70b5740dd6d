import { expect } from 'vitest';
import * as blocks from '@/lib/x/blocks';
import * as bookmarks from '@/lib/x/bookmarks';
import * as follows from '@/lib/x/follows';
import * as likes from '@/lib/x/likes';
import * as lists from '@/lib/x/lists';
import * as media from '@/lib/x/media';
import * as mutes from '@/lib/x/mutes';
import * as posts from '@/lib/x/posts';
import * as users from '@/lib/x/users';
import {
  ME,
  OTHER,
  POST,
  OTHER_POST,
  LIST,
  MEDIA,
  type Body,
  type Operation,
  POST_NEEDS,
  INCLUDES,
  AUTHOR,
  at,
  has,
  includesBounded,
  pageCheck,
  postPage,
  userPage,
  listPage,
  lookup,
  refusalIn,
  manage,
  refusedWithout,
  errorsAlone,
  uploadGif,
  uploadStep,
  stateOf,
} from './responses-needs';

/** Every operation Perch calls that X's description answers: what Perch needs of its answer and what it makes of it. */

const TABLE: Operation[] = [
  // Not a lookup of someone else: an answer about the signed-in account without it is X's refusal or malformed, not
  // "not found".
  refusedWithout({ ...lookup((c) => users.getMe(c), 'getUsersMe', ['id', 'name', 'username']), lookup: false }),
  lookup((c) => users.getUserByUsername(c, 'ada'), 'getUsersByUsername', ['id', 'name', 'username'], {}),
  lookup((c) => users.getUserById(c, '12'), 'getUsersById', ['id', 'name', 'username'], {}),
  lookup((c) => posts.getPost(c, POST), 'getPostsById', POST_NEEDS, AUTHOR),
  {
    // Two ids asked: an answer with more posts than that is refused (lib/x/pages.ts `getPage`, `most`).
    ...postPage((c) => posts.getPosts(c, [POST, OTHER_POST]), 'getPostsByIds'),
    outcome: (body) => (Array.isArray(body.data) && body.data.length > 2 ? 'malformed' : undefined),
    // The description requires nothing of a Tweet: a post without its id or text is left out alone, the others kept.
    needs: [{ at: 'data[]', fields: POST_NEEDS, drop: true }, ...INCLUDES],
    check: (result, body) => pageCheck(result, { ...body, data: at(body, 'data[]').filter((o) => has(o, POST_NEEDS)) }),
  },
  refusedWithout({
    operationId: 'createPosts',
    call: (c) => posts.createPost(c, { text: 'hello' }),
    needs: [{ at: '', fields: ['data'] }],
    check: (result, body) => expect(result).toMatchObject({ id: (body.data as Body).id, text: (body.data as Body).text }),
  }),
  manage((c) => posts.deletePost(c, POST), 'deletePosts', 'deleted', true),
  manage((c) => posts.repostPost(c, ME, POST), 'repostPost', 'retweeted', true),
  manage((c) => posts.undoRepost(c, ME, POST), 'unrepostPost', 'retweeted', false),
  manage((c) => likes.likePost(c, ME, POST), 'likePost', 'liked', true),
  manage((c) => likes.unlikePost(c, ME, POST), 'unlikePost', 'liked', false),
  {
    operationId: 'followUser',
    call: (c) => follows.followUser(c, ME, OTHER),
    needs: [],
    outcome: (body) => {
      const data = body.data as Body | undefined;
      const errors = Array.isArray(body.errors) ? body.errors : [];
      if (data === undefined) return errors.length ? refusalIn(errors) : 'malformed';
      if (data.following === true || data.pending_follow === true) return 'ok';
      if (data.following === undefined && !errors.length) return 'ok';
      return errors.length ? refusalIn(errors) : 'invalid-request';
    },
    check: (result, body) => {
      const data = body.data as Body;
      const pendingFollow = data.pending_follow === true;
      // Neither flag said: done as asked, marked unsaid so the store asks X which it is (lib/x/follows.ts).
      const unsaid = data.following === undefined && data.pending_follow === undefined;
      expect(result).toEqual({
        following: (data.following as boolean | undefined) ?? !pendingFollow,
        pendingFollow,
        ...(unsaid ? { unsaid: true } : {}),
      });
    },
  },
  manage((c) => follows.unfollowUser(c, ME, OTHER), 'unfollowUser', 'following', false),
  // Its author, quoted post and that post's author, replied-to user, media (lib/x/bookmarks.ts BOOKMARK_EXPANSIONS).
  // The description requires nothing of a Tweet: a bookmark without its id or text is left out alone, the page kept.
  {
    ...postPage((c) => bookmarks.getBookmarks(c, ME), 'getUsersBookmarks', { users: 1 + 3 + 1, tweets: 3, media: 4 }),
    needs: [{ at: 'data[]', fields: POST_NEEDS, drop: true }, ...INCLUDES],
    check: (result, body) => pageCheck(result, { ...body, data: at(body, 'data[]').filter((o) => has(o, POST_NEEDS)) }),
  },
  manage((c) => bookmarks.bookmarkPost(c, ME, POST), 'createUsersBookmark', 'bookmarked', true),
  manage((c) => bookmarks.unbookmarkPost(c, ME, POST), 'deleteUsersBookmark', 'bookmarked', false),
  {
    operationId: 'getUsersBookmarkFolders',
    call: (c) => bookmarks.getBookmarkFolders(c, ME),
    needs: [{ at: 'data[]', fields: ['id', 'name'], drop: true }],
    // A folder without its id or name is left out; the page is the folders that have both.
    check: (result, body) => pageCheck(result, { ...body, data: at(body, 'data[]').filter((o) => has(o, ['id', 'name'])) }),
  },
  {
    operationId: 'getUsersBookmarksByFolderId',
    call: (c) => bookmarks.getBookmarkFolderPosts(c, ME, '1146654567674912770'),
    // BookmarkFolderPostsResponse requires no `id` of a post: one without it is left out alone, the folder's others kept.
    needs: [{ at: 'data[]', fields: ['id'], drop: true }],
    check: (result, body) => pageCheck(result, { ...body, data: at(body, 'data[]').filter((o) => has(o, ['id'])) }),
  },
  lookup((c) => lists.getList(c, LIST), 'getListsById', ['id', 'name'], {}),
  listPage((c) => lists.getOwnedLists(c, ME), 'getUsersOwnedLists'),
  listPage((c) => lists.getFollowedLists(c, ME), 'getUsersFollowedLists'),
  listPage((c) => lists.getListMemberships(c, ME), 'getUsersListMemberships'),
  listPage((c) => lists.getPinnedLists(c, ME), 'getUsersPinnedLists'),
  userPage((c) => lists.getListMembers(c, LIST), 'getListsMembers'),
  {
    ...postPage((c) => lists.getListPosts(c, LIST), 'getListsPosts'),
    needs: [{ at: 'data[]', fields: POST_NEEDS, drop: true }, ...INCLUDES],
    check: (result, body) => pageCheck(result, { ...body, data: at(body, 'data[]').filter((o) => has(o, POST_NEEDS)) }),
  },
  refusedWithout({
    operationId: 'createLists',
    call: (c) => lists.createList(c, { name: 'Birds' }),
    needs: [{ at: '', fields: ['data'] }],
    check: (result, body) => expect(result).toMatchObject({ id: (body.data as Body).id, name: (body.data as Body).name }),
  }),
  manage((c) => lists.updateList(c, LIST, { name: 'Birds' }), 'updateLists', 'updated', true),
  manage((c) => lists.deleteList(c, LIST), 'deleteLists', 'deleted', true),
  manage((c) => lists.addListMember(c, LIST, OTHER), 'addListsMember', 'is_member', true),
  manage((c) => lists.removeListMember(c, LIST, OTHER), 'removeListsMemberByUserId', 'is_member', false),
  manage((c) => lists.pinList(c, ME, LIST), 'pinList', 'pinned', true),
  manage((c) => lists.unpinList(c, ME, LIST), 'unpinList', 'pinned', false),
  manage((c) => lists.followList(c, ME, LIST), 'followList', 'following', true),
  manage((c) => lists.unfollowList(c, ME, LIST), 'unfollowList', 'following', false),
  userPage((c) => mutes.getMutedUsers(c, ME), 'getUsersMuting'),
  manage((c) => mutes.muteUser(c, ME, OTHER), 'muteUser', 'muting', true),
  manage((c) => mutes.unmuteUser(c, ME, OTHER), 'unmuteUser', 'muting', false),
  userPage((c) => blocks.getBlockedUsers(c, ME), 'getUsersBlocking'),
  refusedWithout({
    operationId: 'mediaUpload',
    call: (c) => media.uploadImage(c, new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }), 'bird.png'),
    needs: [
      { at: '', fields: ['data'] },
      { at: 'data', fields: ['id'] },
    ],
    check: (result, body) => expect(result).toBe((body.data as Body).id),
  }),
  refusedWithout({
    operationId: 'initializeMediaUpload',
    call: uploadGif,
    others: uploadStep,
    needs: [
      { at: '', fields: ['data'] },
      { at: 'data', fields: ['id'] },
    ],
    check: (result, body) => expect(result).toBe((body.data as Body).id),
  }),
  {
    operationId: 'appendMediaUpload',
    call: uploadGif,
    others: uploadStep,
    needs: [],
    outcome: errorsAlone,
    check: (result) => expect(result).toBe(MEDIA),
  },
  {
    operationId: 'finalizeMediaUpload',
    call: uploadGif,
    others: uploadStep,
    needs: [],
    // No processing_info: ready (the chunked quickstart, step 3). Any processing_info but succeeded or failed: the
    // status check (answered "succeeded") decides, unless X asks Perch to wait longer than it will
    // (media.MAX_PROCESSING_WAIT_SECS). Failed: X's reason, as a refusal.
    outcome: (body) => {
      const refused = errorsAlone(body);
      if (refused) return refused;
      const info = (body.data as Body | undefined)?.processing_info as Body | undefined;
      const state = stateOf(body);
      if (state === 'failed') return 'invalid-request';
      const after = info?.check_after_secs;
      const tooLong = Math.max(1, Math.ceil(typeof after === 'number' ? after : 1)) > media.MAX_PROCESSING_WAIT_SECS;
      return info && state !== 'succeeded' && tooLong ? 'unavailable' : undefined;
    },
    check: (result) => expect(result).toBe(MEDIA),
  },
  {
    operationId: 'getMediaUploadStatus',
    call: uploadGif,
    others: uploadStep,
    // Only "succeeded" ends the wait with the media id: the answers made to carry what Perch needs say so.
    needs: [
      { at: '', fields: ['data'] },
      { at: 'data', fields: ['processing_info'] },
      { at: 'data.processing_info', fields: ['state'], is: 'succeeded' },
    ],
    // The same answer to every check: anything but succeeded or failed (no processing_info or no state included,
    // checked on again as the chunked quickstart's STATUS loop does) is still processing after Perch's limits:
    // 'unavailable'.
    outcome: (body) => {
      const refused = errorsAlone(body);
      if (refused) return refused;
      const state = stateOf(body);
      if (state === 'failed') return 'invalid-request';
      return state === 'succeeded' ? undefined : 'unavailable';
    },
    check: (result) => expect(result).toBe(MEDIA),
  },
  // Nothing of the answer is needed: X answering 200 is the description taken, unless it sent `errors` without `data`.
  {
    operationId: 'createMediaMetadata',
    call: (c) => media.describeMedia(c, MEDIA, 'A robin on a fence post'),
    needs: [],
    outcome: errorsAlone,
    check: (result) => expect(result).toBeUndefined(),
  },
];

/** Every operation, its answers' `includes` bounded by what its items pull in. */
export const OPERATIONS = TABLE.map(includesBounded);
