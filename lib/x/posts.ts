import * as z from 'zod/mini';
import { notDone, setState } from './set-state';
import type { XClient } from './client';
import { XApiError } from './errors';
import { checkId, checkIds } from './input';
import { fieldQuery, getOne, getPage, type Endpoint, type LookupOptions, type Page } from './pages';
import { idSchema, postSchema, type XPost } from './schemas';
import { USER_FIELDS } from './users';

export { postSchema, type XPost } from './schemas';

/**
 * The post fields a post card needs: when, who (author_id, expanded), links (entities.urls), a media marker
 * (attachments.media_keys) and a quote marker (referenced_tweets). Media and quoted posts are not expanded:
 * X charges for every resource an answer returns (x-api--getting-started--pricing), and the markers need only
 * the keys and ids already on the post. `note_tweet` carries the whole text of a post over 280 characters, whose
 * `text` X cuts short (x-api--fundamentals--data-dictionary).
 */
export const POST_FIELDS = ['created_at', 'author_id', 'entities', 'attachments', 'referenced_tweets', 'note_tweet'] as const;

/**
 * Expansions for a post the person may reply to: its author, and the authors of the posts it references
 * (`referenced_tweets.id.author_id`), so Perch can tell whether the post quotes the person — one of X's two
 * self-serve reply conditions (x-api--posts--manage-tweets--integrate); `entities.mentions` is the other. X documents
 * that this expansion returns User objects (x-api--fundamentals--expansions, Post expansions table): the
 * authors, in `includes.users`. X may still send the referenced posts in `includes.tweets` with them; Perch accepts
 * them (./includes-bound.ts counts them as `referenced_tweets.id` would) and lib/services/summons.ts reads the quoted
 * post's author there when it is present, but never counts on it.
 */
export const REPLY_CHECK_EXPANSIONS = ['author_id', 'referenced_tweets.id.author_id'] as const;

/** Fields and expansions of every endpoint whose primary objects are posts (post lookup, bookmarks). */
export const POST_ENDPOINT: Endpoint = {
  fieldParams: ['tweet.fields', 'user.fields', 'media.fields', 'expansions'],
  defaults: { 'tweet.fields': POST_FIELDS, expansions: ['author_id'], 'user.fields': USER_FIELDS },
};

export interface CreatePostBody {
  text: string;
  reply?: { in_reply_to_tweet_id: string };
  quote_tweet_id?: string;
  media?: { media_ids: string[] };
  /** Makes this post a new version of `previous_post_id` (createPosts `edit_options`; x-api--fundamentals--edit-posts). */
  edit_options?: { previous_post_id: string };
}

// X's TweetCreateResponse makes `data` optional: a 200 may carry only `errors`, saying why nothing was posted.
const createdSchema = z.lazy(() =>
  z.looseObject({
    data: z.optional(z.looseObject({ id: idSchema, text: z.string(), edit_history_tweet_ids: z.optional(z.array(idSchema)) })),
    errors: z.optional(z.array(z.unknown())),
  }),
);

/**
 * POST /2/tweets — publishes one post. Never retried: a post sent twice is two posts (or a duplicate refusal).
 * @throws XApiError (X's refusal, its words kept, for a 200 with only `errors`; 'malformed' for one with neither
 *   `data` nor `errors`)
 */
export async function createPost(
  client: XClient,
  body: CreatePostBody,
): Promise<{ id: string; text: string; edit_history_tweet_ids?: string[] | undefined }> {
  const res = await client.request({ method: 'POST', path: '/2/tweets', body, schema: createdSchema });
  const { data, errors = [] } = res.body;
  if (data === undefined) throw notDone(errors, res.status, 'malformed');
  return data;
}

/**
 * DELETE /2/tweets/:id — deletes one of the user's posts. Returns `deleted` as X reports it (TweetDeleteResponse, whose
 * `data` is optional: read as every manage answer is, lib/x/set-state.ts).
 * @throws XApiError ('invalid-request' before sending for a malformed id; X's refusal, its words kept, for a 200
 *   with only `errors` or `deleted: false`)
 */
export async function deletePost(client: XClient, postId: string): Promise<boolean> {
  const id = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'DELETE', path: `/2/tweets/${id}`, flag: 'deleted' });
  return data.deleted;
}

/** A post as getPostsById may send it: any object, read as a post once it carries its `text` ({@link getPost}). */
const lookedUpSchema = z.lazy(() => z.looseObject({}));

/**
 * GET /2/tweets/:id — one post, with the card fields unless `fields` says otherwise.
 * @throws XApiError ('invalid-request' before sending for a malformed id; 'not-found' for a deleted or
 *   invisible post, whether X answers 404 or a 200 with only `errors`, which are kept in `partialErrors`; 'malformed'
 *   with Perch's words 'post-no-text' for the post without its `text`: X's Tweet schema requires no field, so that
 *   answer is X's, and it is said as what it is, not as an answer Perch could not read)
 */
export async function getPost(client: XClient, postId: string, options: LookupOptions = {}): Promise<XPost> {
  const id = checkId(postId, 'A post id');
  const query = fieldQuery(POST_ENDPOINT, options.fields);
  const { item } = await getOne(client, { path: `/2/tweets/${id}`, query, item: lookedUpSchema });
  if (typeof item.text !== 'string') throw new XApiError('malformed', { status: 200, ownWords: { kind: 'post-no-text' } });
  const post = postSchema.safeParse(item);
  if (!post.success) throw new XApiError('malformed', { status: 200, cause: post.error });
  return post.data;
}

/**
 * The fields that say whether the person may edit a post (x-api--fundamentals--edit-posts): X answers
 * `edit_controls` (eligible, until when, edits left) only when asked for by name; `edit_history_tweet_ids` is a
 * default field, oldest version first.
 */
export const EDIT_FIELDS = [...POST_FIELDS, 'edit_controls'] as const;

/** At most 100 posts per lookup (x-api--posts--lookup--integrate, "Best practices"). */
export const MAX_POST_IDS = 100;

/**
 * GET /2/tweets?ids= — up to 100 posts by id (duplicates sent once), with their authors in `includes.users`.
 * Posts X cannot return (deleted, protected) are missing from `items` and described in `partialErrors`. One X sends
 * without its `id` or `text` (getPostsByIds: X's Tweet schema requires no field) is left out alone and placed in
 * `leftOut`, not the others refused with it.
 * @throws XApiError ('invalid-request' before sending unless there are 1 to 100 valid ids; 'malformed' for an answer
 *   holding more posts than the ids asked for: getPostsByIds "retrieves details of multiple Posts by their IDs")
 */
export async function getPosts(client: XClient, ids: readonly string[], options: LookupOptions = {}): Promise<Page<XPost>> {
  const checked = checkIds(ids, 'post id', MAX_POST_IDS);
  const query = { ids: checked.join(','), ...fieldQuery(POST_ENDPOINT, options.fields) };
  return getPage(client, { path: '/2/tweets', query, item: postSchema, most: checked.length, needed: ['id', 'text'] });
}

/**
 * POST /2/users/:id/retweets — reposts a post as the signed-in user `userId`. Returns `retweeted` as X reports it.
 * Counts toward the 300 posts-and-reposts per 3 hours cap.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function repostPost(client: XClient, userId: string, postId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const tweet_id = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/retweets`, body: { tweet_id }, flag: 'retweeted' });
  return data.retweeted;
}

/**
 * DELETE /2/users/:id/retweets/:source_tweet_id — undoes the signed-in user's repost of `postId` (the original
 * post's id, not the repost's). Returns `retweeted` as X reports it (false once undone).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function undoRepost(client: XClient, userId: string, postId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const source = checkId(postId, 'A post id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/retweets/${source}`, flag: 'retweeted' });
  return data.retweeted;
}

/**
 * What a card shows of a post's pictures (x-api--fundamentals--data-dictionary, Media): a photo's `url`, a video's or
 * GIF's still (`preview_image_url`), X's description (`alt_text`) and size. X bills each as a media read.
 */
export const CARD_MEDIA_FIELDS = ['preview_image_url', 'url', 'type', 'width', 'height', 'alt_text'] as const;

/** `expansions` plus the post's pictures (`attachments.media_keys`) with CARD_MEDIA_FIELDS: a read whose card shows them. */
export function withCardMedia(expansions: readonly string[]): { expansions: readonly string[]; 'media.fields': readonly string[] } {
  return { expansions: [...expansions, 'attachments.media_keys'], 'media.fields': CARD_MEDIA_FIELDS };
}
