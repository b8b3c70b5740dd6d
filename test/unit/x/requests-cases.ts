import * as blocks from '@/lib/x/blocks';
import * as bookmarks from '@/lib/x/bookmarks';
import type { XClient } from '@/lib/x/client';
import * as follows from '@/lib/x/follows';
import * as likes from '@/lib/x/likes';
import * as lists from '@/lib/x/lists';
import * as media from '@/lib/x/media';
import * as mutes from '@/lib/x/mutes';
import type { Endpoint, FieldParam, LookupOptions, PageOptions } from '@/lib/x/pages';
import * as posts from '@/lib/x/posts';
import * as users from '@/lib/x/users';
import { type Answer, type Captured } from './capture';

/** The table of requests.test.ts: every exported request function of lib/x, with its defaults and each option set once, and the fake answers X could send. */

export const ME = '2244994945';
export const OTHER = '1585841080431321088';
export const POST = '1346889436626259968';
export const LIST = '1146654567674912769';
export const FOLDER = '1146654567674912770';
export const MEDIA = '1880028106020515840';
/** A pagination token as X's `next_token`: 19 characters satisfy every page endpoint's token rules at once. */
export const TOKEN = '1710819323648428707';

/** A field value for each fields parameter, different from Perch's defaults. */
export const FIELD_SAMPLES: Record<FieldParam, readonly string[]> = {
  'tweet.fields': ['note_tweet', 'public_metrics'],
  'user.fields': ['connection_status', 'created_at'],
  'media.fields': ['url', 'alt_text'],
  'list.fields': ['private', 'member_count'],
  expansions: [],
};

/** Expansions differ by what the primary objects are: posts, users or Lists (x-api--fundamentals--expansions). */
export function expansionSample(endpoint: Endpoint): readonly string[] {
  if (endpoint.fieldParams.includes('media.fields')) return ['referenced_tweets.id.author_id'];
  if (endpoint.fieldParams.includes('list.fields')) return ['owner_id'];
  return ['pinned_tweet_id'];
}

export type Call = (client: XClient) => Promise<unknown>;
export interface Case {
  /** The exported function, as `module.name`. */
  fn: string;
  /** Which option is set ("defaults" when none). */
  option: string;
  call: Call;
  /** A minimal answer the function accepts (checked against the description too). */
  answer: Answer | ((req: Captured) => Answer);
}

/** The options of one lookup: defaults, then each fields parameter of the endpoint set once, then emptied. */
export function lookupOptions(endpoint: Endpoint): [string, LookupOptions][] {
  const out: [string, LookupOptions][] = [['defaults', {}]];
  for (const p of endpoint.fieldParams) {
    const values = p === 'expansions' ? expansionSample(endpoint) : FIELD_SAMPLES[p];
    out.push([`fields ${p}`, { fields: { [p]: values } }]);
    if (endpoint.defaults[p]?.length) out.push([`fields ${p} emptied`, { fields: { [p]: [] } }]);
  }
  return out;
}

/** The options of a page: the lookup options, plus the smallest and largest page and a pagination token. */
export function pageOptions(endpoint: Endpoint): [string, PageOptions][] {
  const range = endpoint.maxResults!;
  return [
    ...lookupOptions(endpoint),
    [`maxResults ${range.min}`, { maxResults: range.min }],
    [`maxResults ${range.max}`, { maxResults: range.max }],
    ['paginationToken', { paginationToken: TOKEN }],
  ];
}

export const USER = { id: OTHER, name: 'Ada', username: 'ada' };
export const A_POST = { id: POST, text: 'hello', edit_history_tweet_ids: [POST] };
export const A_LIST = { id: LIST, name: 'Birds' };
export const EMPTY_PAGE: Answer = { body: { meta: { result_count: 0 } } };
export const flag = (name: string, value = true): Answer => ({ body: { data: { [name]: value } } });
export const one = (data: unknown): Answer => ({ body: { data } });
/** POST /2/tweets answers 201 Created (createPosts). */
export const created = (data: unknown): Answer => ({ status: 201, body: { data } });

export function each<O>(
  fn: string,
  options: [string, O][],
  call: (client: XClient, o: O) => Promise<unknown>,
  answer: Case['answer'],
): Case[] {
  return options.map(([option, o]) => ({ fn, option, call: (c) => call(c, o), answer }));
}

export const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
export const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
export const video = new Blob([new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])], { type: 'video/mp4' });

/** The chunked upload's answers: initialize, append, finalize still processing, then one status check done. */
export function gifAnswers(req: Captured): Answer {
  const path = req.url.pathname;
  if (path.endsWith('/initialize')) return one({ id: MEDIA, media_key: `16_${MEDIA}`, expires_after_secs: 86400 });
  // The description's MediaUploadAppendResponse requires a `meta` it does not define; the docs show no APPEND answer.
  if (path.endsWith('/append')) return { body: { data: { expires_at: 1737391212 }, meta: {} } };
  if (path.endsWith('/finalize')) return one({ id: MEDIA, processing_info: { state: 'pending', check_after_secs: 1 } });
  return one({ id: MEDIA, processing_info: { state: 'succeeded', progress_percent: 100 } });
}

export const noSleep = () => Promise.resolve();

/** The table: every exported request function of lib/x, with its defaults and each option set once. */
export const CASES: Case[] = [
  // users
  { fn: 'users.getMe', option: 'defaults', call: (c) => users.getMe(c), answer: one(USER) },
  ...each('users.getUserByUsername', lookupOptions(users.USER_ENDPOINT), (c, o) => users.getUserByUsername(c, '@ada', o), one(USER)),
  ...each('users.getUserById', lookupOptions(users.USER_ENDPOINT), (c, o) => users.getUserById(c, OTHER, o), one(USER)),
  // bookmarks
  ...each('bookmarks.getBookmarks', pageOptions(bookmarks.BOOKMARKS_ENDPOINT), (c, o) => bookmarks.getBookmarks(c, ME, o), EMPTY_PAGE),
  { fn: 'bookmarks.bookmarkPost', option: 'defaults', call: (c) => bookmarks.bookmarkPost(c, ME, POST), answer: flag('bookmarked') },
  {
    fn: 'bookmarks.unbookmarkPost',
    option: 'defaults',
    call: (c) => bookmarks.unbookmarkPost(c, ME, POST),
    answer: flag('bookmarked', false),
  },
  ...each(
    'bookmarks.getBookmarkFolders',
    pageOptions(bookmarks.FOLDERS_ENDPOINT),
    (c, o) => bookmarks.getBookmarkFolders(c, ME, o),
    EMPTY_PAGE,
  ),
  {
    fn: 'bookmarks.getBookmarkFolderPosts',
    option: 'defaults',
    call: (c) => bookmarks.getBookmarkFolderPosts(c, ME, FOLDER),
    answer: { body: { data: [{ id: POST }] } },
  },
  // posts
  { fn: 'posts.createPost', option: 'text', call: (c) => posts.createPost(c, { text: 'hello' }), answer: created(A_POST) },
  {
    fn: 'posts.createPost',
    option: 'reply',
    call: (c) => posts.createPost(c, { text: 'hello', reply: { in_reply_to_tweet_id: POST } }),
    answer: created(A_POST),
  },
  {
    fn: 'posts.createPost',
    option: 'quote_tweet_id',
    call: (c) => posts.createPost(c, { text: 'hello', quote_tweet_id: POST }),
    answer: created(A_POST),
  },
  {
    fn: 'posts.createPost',
    option: 'media',
    call: (c) => posts.createPost(c, { text: 'hello', media: { media_ids: [MEDIA] } }),
    answer: created(A_POST),
  },
  {
    fn: 'posts.createPost',
    option: 'media without text',
    call: (c) => posts.createPost(c, { text: '', media: { media_ids: [MEDIA] } }),
    answer: created(A_POST),
  },
  { fn: 'posts.deletePost', option: 'defaults', call: (c) => posts.deletePost(c, POST), answer: flag('deleted') },
  ...each('posts.getPost', lookupOptions(posts.POST_ENDPOINT), (c, o) => posts.getPost(c, POST, o), one(A_POST)),
  ...each('posts.getPosts', lookupOptions(posts.POST_ENDPOINT), (c, o) => posts.getPosts(c, [POST, OTHER], o), EMPTY_PAGE),
  { fn: 'posts.repostPost', option: 'defaults', call: (c) => posts.repostPost(c, ME, POST), answer: flag('retweeted') },
  { fn: 'posts.undoRepost', option: 'defaults', call: (c) => posts.undoRepost(c, ME, POST), answer: flag('retweeted', false) },
  // likes
  { fn: 'likes.likePost', option: 'defaults', call: (c) => likes.likePost(c, ME, POST), answer: flag('liked') },
  { fn: 'likes.unlikePost', option: 'defaults', call: (c) => likes.unlikePost(c, ME, POST), answer: flag('liked', false) },
  // follows
  { fn: 'follows.followUser', option: 'defaults', call: (c) => follows.followUser(c, ME, OTHER), answer: flag('following') },
  { fn: 'follows.unfollowUser', option: 'defaults', call: (c) => follows.unfollowUser(c, ME, OTHER), answer: flag('following', false) },
  // mutes
  ...each('mutes.getMutedUsers', pageOptions(mutes.MUTING_ENDPOINT), (c, o) => mutes.getMutedUsers(c, ME, o), EMPTY_PAGE),
  { fn: 'mutes.muteUser', option: 'defaults', call: (c) => mutes.muteUser(c, ME, OTHER), answer: flag('muting') },
  { fn: 'mutes.unmuteUser', option: 'defaults', call: (c) => mutes.unmuteUser(c, ME, OTHER), answer: flag('muting', false) },
  // blocks (the writes are checked against the docs below)
  ...each('blocks.getBlockedUsers', pageOptions(blocks.BLOCKING_ENDPOINT), (c, o) => blocks.getBlockedUsers(c, ME, o), EMPTY_PAGE),
  { fn: 'blocks.blockUser', option: 'defaults', call: (c) => blocks.blockUser(c, ME, OTHER), answer: flag('blocking') },
  { fn: 'blocks.unblockUser', option: 'defaults', call: (c) => blocks.unblockUser(c, ME, OTHER), answer: flag('blocking', false) },
  // lists
  ...each('lists.getList', lookupOptions(lists.LIST_ENDPOINT), (c, o) => lists.getList(c, LIST, o), one(A_LIST)),
  ...each('lists.getOwnedLists', pageOptions(lists.LISTS_PAGE_ENDPOINT), (c, o) => lists.getOwnedLists(c, ME, o), EMPTY_PAGE),
  ...each('lists.getFollowedLists', pageOptions(lists.LISTS_PAGE_ENDPOINT), (c, o) => lists.getFollowedLists(c, ME, o), EMPTY_PAGE),
  ...each('lists.getListMemberships', pageOptions(lists.LISTS_PAGE_ENDPOINT), (c, o) => lists.getListMemberships(c, ME, o), EMPTY_PAGE),
  ...each('lists.getPinnedLists', lookupOptions(lists.LIST_ENDPOINT), (c, o) => lists.getPinnedLists(c, ME, o), EMPTY_PAGE),
  ...each('lists.getListMembers', pageOptions(lists.LIST_MEMBERS_ENDPOINT), (c, o) => lists.getListMembers(c, LIST, o), EMPTY_PAGE),
  ...each('lists.getListPosts', pageOptions(lists.LIST_POSTS_ENDPOINT), (c, o) => lists.getListPosts(c, LIST, o), EMPTY_PAGE),
  ...each<lists.NewList>(
    'lists.createList',
    [
      ['name', { name: 'Birds' }],
      ['description', { name: 'Birds', description: 'Accounts about birds' }],
      ['private', { name: 'Birds', private: true }],
    ],
    (c, o) => lists.createList(c, o),
    one(A_LIST),
  ),
  ...each<lists.ListChanges>(
    'lists.updateList',
    [
      ['name', { name: 'Birds of prey' }],
      ['description', { description: '' }],
      ['private', { private: false }],
    ],
    (c, o) => lists.updateList(c, LIST, o),
    flag('updated'),
  ),
  { fn: 'lists.deleteList', option: 'defaults', call: (c) => lists.deleteList(c, LIST), answer: flag('deleted') },
  { fn: 'lists.addListMember', option: 'defaults', call: (c) => lists.addListMember(c, LIST, OTHER), answer: flag('is_member') },
  {
    fn: 'lists.removeListMember',
    option: 'defaults',
    call: (c) => lists.removeListMember(c, LIST, OTHER),
    answer: flag('is_member', false),
  },
  { fn: 'lists.pinList', option: 'defaults', call: (c) => lists.pinList(c, ME, LIST), answer: flag('pinned') },
  { fn: 'lists.unpinList', option: 'defaults', call: (c) => lists.unpinList(c, ME, LIST), answer: flag('pinned', false) },
  { fn: 'lists.followList', option: 'defaults', call: (c) => lists.followList(c, ME, LIST), answer: flag('following') },
  { fn: 'lists.unfollowList', option: 'defaults', call: (c) => lists.unfollowList(c, ME, LIST), answer: flag('following', false) },
  // media
  {
    fn: 'media.uploadImage',
    option: 'defaults',
    call: (c) => media.uploadImage(c, png, 'bird.png'),
    answer: one({ id: MEDIA, media_key: `3_${MEDIA}` }),
  },
  { fn: 'media.uploadGif', option: 'defaults', call: (c) => media.uploadGif(c, gif, 'bird.gif'), answer: gifAnswers },
  { fn: 'media.uploadGif', option: 'sleep', call: (c) => media.uploadGif(c, gif, 'bird.gif', { sleep: noSleep }), answer: gifAnswers },
  {
    fn: 'media.uploadVideo',
    option: 'sleep, onProgress',
    call: (c) => media.uploadVideo(c, video, 'clip.mp4', { sleep: noSleep, onProgress: () => undefined }),
    answer: gifAnswers,
  },
  {
    fn: 'media.uploadVideo',
    option: 'QuickTime',
    call: (c) => media.uploadVideo(c, new Blob([video], { type: 'video/quicktime' }), 'clip.mov', { sleep: noSleep }),
    answer: gifAnswers,
  },
  {
    fn: 'media.uploadMedia',
    option: 'an image',
    call: (c) => media.uploadMedia(c, png, 'bird.png'),
    answer: one({ id: MEDIA, media_key: `3_${MEDIA}` }),
  },
  {
    fn: 'media.uploadMedia',
    option: 'a GIF, sleep',
    call: (c) => media.uploadMedia(c, gif, 'bird.gif', { sleep: noSleep }),
    answer: gifAnswers,
  },
  {
    fn: 'media.describeMedia',
    option: 'defaults',
    call: (c) => media.describeMedia(c, MEDIA, 'A robin on a fence post'),
    answer: one({ id: MEDIA, associated_metadata: { alt_text: { text: 'A robin on a fence post' } } }),
  },
];

/** The exported functions of lib/x that send no request of their own, and why they are not in the table. */
export const NOT_REQUESTS: Record<string, string> = {
  'set-state.setState': 'the manage-endpoint helper every write in the table goes through',
  'set-state.notDone': 'builds an error',
  'client.problemOf': 'reads an answer already received',
  'client.readServerDate': 'reads an answer already received',
  'problem.isJson': 'reads an answer already received',
  'problem.withoutEcho': 'reads an answer already received',
  'body.boundedText': 'reads an answer already received',
  'pages.refusalOf': 'builds an error',
  'page-gaps.wholePage': 'reads a page already received',
  'pages.wholePage': 'reads a page already received',
  'page-gaps.namedGaps': 'reads a page already received',
  'pages.namedGaps': 'reads a page already received',
  'page-gaps.errorsSayWhat': 'reads a page already received',
  'pages.errorsSayWhat': 'reads a page already received',
  'pages.listedPage': 'reads a page already received',
  'includes-bound.includesOverBound': 'reads a page already received',
  'schemas.usable': 'builds a schema',
  'schemas.droppedFrom': 'reads a page already received',
  'client.createXClient': 'the client itself: every row runs through it',
  'errors.userMessage': 'wording of an error',
  'errors.xWords': 'wording of an error',
  'errors.effectiveReset': 'reads rate-limit headers already received',
  'errors.isSpent': 'reads rate-limit headers already received',
  'operations.operationOf': 'names the operation of a request',
  'input.invalidInput': 'builds an error',
  'input.refusedInput': 'builds an error',
  'input.checkId': 'checks an input before sending',
  'input.checkIds': 'checks an input before sending',
  'input.checkUsername': 'checks an input before sending',
  'input.codePoints': 'counts characters',
  'limiter.endpointOf': 'names an endpoint for the limiter',
  'limiter.boundRateLimit': 'reads rate-limit headers already received',
  'limiter.boundReset': 'bounds a reset X already sent to a day ahead',
  'limiter.createLimitedClient': 'wraps a client: sends what the wrapped client is given',
  'pages.fieldQuery': 'builds query parameters for the rows above',
  'pages.pageQuery': 'builds query parameters for the rows above',
  'pages.tokenFits': 'checks a token already received',
  'posts.withCardMedia': 'builds the field selection of a read whose card shows pictures',
  'pages.getPage': 'the page helper every list read in the table goes through',
  'pages.getOne': 'the lookup helper every single read in the table goes through',
};
