/**
 * Posts: create / edit, delete and lookup.
 *   POST /2/tweets, DELETE /2/tweets/:id   (x-api--posts--create-post, --delete-post, --manage-tweets--*)
 *   GET /2/tweets/:id, GET /2/tweets?ids=  (x-api--posts--get-post-by-id, --get-posts-by-ids, --lookup--integrate)
 * Scopes from v2-authentication-mapping: lookups tweet.read users.read; manage tweet.read tweet.write users.read.
 * Fields, expansions and includes: x-api--fundamentals--data-dictionary, --fields, --expansions, --edit-posts.
 * Every error body and where it comes from is listed in README.md ("Posts and media: error bodies").
 */
import {
  ID_PATTERN,
  PROBLEMS,
  ReplyError,
  invalidParam,
  invalidRequest,
  json,
  jsonBody,
  listParam,
  matchParam,
  problem,
  resourceNotFoundError,
  resourceProblem,
  tooManyRequests,
  typedProblem,
  type Reply,
  type RequestContext,
} from './http';
import { loadSpec } from '../openapi/contract';
import { mediaUsable, serializeMedia, MEDIA_FIELDS } from './media';
import { postOrRepostCapHeaders } from './rate-limits';
import type { Router } from './router';
import type { EmulatorState, MediaRecord, PostRecord } from './state';
import { buildPostText, cashtagCount, guessLang, longPostText, MAX_WEIGHTED_LENGTH, maxWeightedLengthFor, weightedLength } from './text';
import { serializeUser, USER_FIELDS } from './users';

/**
 * `tweet.fields` values: the items enum of TweetFieldsParameter in openapi.json, read in place (test/openapi/contract.ts
 * `loadSpec`), so a value X's description takes is never refused here (x-api--fundamentals--data-dictionary, "All Post
 * fields"; x-api--fundamentals--fields). Values the emulator has nothing for (e.g. `suggested_source_links`) are taken
 * and left out of the answer, as X leaves out a field with no value.
 */
export const TWEET_FIELDS: readonly string[] = tweetFieldsOfSpec();

function tweetFieldsOfSpec(): string[] {
  const schema = loadSpec().components.parameters['TweetFieldsParameter']?.schema as { items?: { enum?: string[] } } | undefined;
  const values = schema?.items?.enum;
  if (!values?.length) throw new Error('openapi.json: TweetFieldsParameter has no items enum');
  return values;
}

/** Post expansions (x-api--fundamentals--expansions, "Post expansions"). */
export const TWEET_EXPANSIONS = [
  'attachments.media_keys',
  'attachments.poll_ids',
  'author_id',
  'edit_history_tweet_ids',
  'entities.mentions.username',
  'geo.place_id',
  'in_reply_to_user_id',
  'referenced_tweets.id',
  'referenced_tweets.id.author_id',
] as const;

export const POLL_FIELDS = ['duration_minutes', 'end_datetime', 'id', 'options', 'voting_status'] as const;
export const PLACE_FIELDS = ['contained_within', 'country', 'country_code', 'full_name', 'geo', 'id', 'name', 'place_type'] as const;

export const LOOKUP_QUERY = ['tweet.fields', 'expansions', 'media.fields', 'poll.fields', 'user.fields', 'place.fields'] as const;
export const LOOKUP_SCOPES = ['tweet.read', 'users.read'];
export const MANAGE_SCOPES = ['tweet.read', 'tweet.write', 'users.read'];

/** Edit rules (x-api--fundamentals--edit-posts): 30 minutes, 5 edits. */
export const EDIT_WINDOW_MS = 30 * 60 * 1000;
export const MAX_EDITS = 5;
/** Emulator choice: how far back "recent posts" reach for the duplicate-content check. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** At most 100 ids per `GET /2/tweets` (x-api--posts--lookup--integrate, "up to 100 Posts at once"). */
export const MAX_LOOKUP_IDS = 100;

// ---------------------------------------------------------------------------------------------------------------
// Storing posts
// ---------------------------------------------------------------------------------------------------------------

export interface NewPost {
  authorId: string;
  /** As the author typed it; URLs become t.co links in the stored text. */
  text: string;
  /** Emulator clock ms; default now. */
  createdAt?: number;
  /** Default: a new snowflake for `createdAt`. */
  id?: string;
  inReplyToTweetId?: string;
  quoteTweetId?: string;
  /** Media ids (records in `state.media`), in order. */
  mediaIds?: string[];
  poll?: { options: string[]; durationMinutes: number };
  replySettings?: string;
  lang?: string;
  source?: string;
  publicMetrics?: Partial<PostRecord['publicMetrics']>;
  /** The version this one edits (its whole chain gets the new id in `edit_history_tweet_ids`). */
  editOf?: string;
}

/**
 * Stores a post without any validation (the seed and the create handler both use it): id, conversation,
 * reply/quote references and counters, t.co-wrapped text and entities, media keys, poll, edit history.
 */
export function insertPost(state: EmulatorState, input: NewPost): PostRecord {
  const createdAt = input.createdAt ?? state.now();
  const id = input.id ?? state.nextId(createdAt);
  if (input.id) state.noteId(input.id);
  const author = state.users.get(input.authorId);
  const previous = input.editOf ? state.posts.get(input.editOf) : undefined;
  const parent = input.inReplyToTweetId ? state.posts.get(input.inReplyToTweetId) : undefined;
  const media = (input.mediaIds ?? []).map((m) => state.media.get(m)).filter((m): m is MediaRecord => m !== undefined);
  const whole = buildPostText(
    state,
    id,
    author?.username ?? 'i',
    input.text,
    media[0] ? { mediaKey: media[0].mediaKey, type: media[0].type } : undefined,
  );
  // Over 280 weighted characters: a long post, whole in `note_tweet`, its start in `text` (data dictionary).
  const long = weightedLength(input.text) > MAX_WEIGHTED_LENGTH ? longPostText(id, whole) : undefined;
  const built = long ?? whole;
  const post: PostRecord = {
    id,
    authorId: input.authorId,
    text: built.text,
    sourceText: input.text,
    createdAt,
    conversationId: previous?.conversationId ?? parent?.conversationId ?? id,
    mediaKeys: media.map((m) => m.mediaKey),
    entities: built.entities,
    ...(long ? { noteTweet: long.note } : {}),
    displayTextRange: built.displayTextRange,
    editHistory: previous ? [...previous.editHistory, id] : [id],
    replySettings: input.replySettings ?? previous?.replySettings ?? 'everyone',
    lang: input.lang ?? guessLang(input.text),
    source: input.source ?? 'Twitter Web App',
    possiblySensitive: false,
    publicMetrics: {
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
      ...input.publicMetrics,
    },
    deleted: false,
  };
  const replyTo = previous?.inReplyToTweetId ?? parent?.id;
  if (replyTo) {
    post.inReplyToTweetId = replyTo;
    const target = state.posts.get(replyTo);
    if (target) post.inReplyToUserId = target.authorId;
    if (!previous && target) target.publicMetrics.reply_count++;
  }
  const quoteOf = previous?.quoteTweetId ?? input.quoteTweetId;
  if (quoteOf) {
    post.quoteTweetId = quoteOf;
    const target = state.posts.get(quoteOf);
    if (!previous && target) target.publicMetrics.quote_count++;
  }
  if (input.poll) {
    post.poll = {
      id: state.nextId(createdAt),
      options: input.poll.options.map((label, i) => ({ position: i + 1, label, votes: 0 })),
      durationMinutes: input.poll.durationMinutes,
      endAt: createdAt + input.poll.durationMinutes * 60_000,
    };
  }
  state.posts.set(id, post);
  if (previous) for (const v of previous.editHistory) state.posts.get(v)!.editHistory = post.editHistory;
  return post;
}

/** Marks a post and every version of its edit chain deleted (edit-posts: "Deleting any version deletes the entire chain"). */
export function deletePost(state: EmulatorState, post: PostRecord): void {
  for (const versionId of post.editHistory) {
    const v = state.posts.get(versionId);
    if (!v || v.deleted) continue;
    v.deleted = true;
    const replied = v.inReplyToTweetId ? state.posts.get(v.inReplyToTweetId) : undefined;
    if (replied && v.id === v.editHistory[0] && replied.publicMetrics.reply_count > 0) replied.publicMetrics.reply_count--;
    const quoted = v.quoteTweetId ? state.posts.get(v.quoteTweetId) : undefined;
    if (quoted && v.id === v.editHistory[0] && quoted.publicMetrics.quote_count > 0) quoted.publicMetrics.quote_count--;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Visibility
// ---------------------------------------------------------------------------------------------------------------

export type Visibility = 'visible' | 'not-found' | 'not-authorized';

/**
 * Deleted posts, posts that never existed and posts of suspended/deleted accounts are "not found"; posts of a
 * protected account the viewer does not follow are "not authorized" (x-api--posts--lookup--integrate,
 * "Deleted or protected Posts").
 */
export function visibility(state: EmulatorState, post: PostRecord | undefined, viewerId: string): Visibility {
  if (!post || post.deleted) return 'not-found';
  const author = state.users.get(post.authorId);
  if (!author || author.status === 'suspended' || author.status === 'deleted') return 'not-found';
  if (author.protected && author.id !== viewerId && !state.following.get(viewerId)?.has(author.id)) return 'not-authorized';
  return 'visible';
}

/** The `errors` entry for a post the viewer cannot see; `parameter` is the query parameter or expansion. */
export function postError(id: string, parameter: string, why: Exclude<Visibility, 'visible'>): Record<string, unknown> {
  if (why === 'not-authorized') {
    return {
      value: id,
      detail: `Sorry, you are not authorized to see the Post with id: [${id}].`,
      title: 'Authorization Error',
      resource_type: 'tweet',
      parameter,
      resource_id: id,
      section: 'data',
      type: PROBLEMS + 'not-authorized-for-resource',
    };
  }
  return resourceNotFoundError({ resourceType: 'tweet', parameter, value: id, detail: `Could not find tweet with id: [${id}].` });
}

// ---------------------------------------------------------------------------------------------------------------
// Serialising
// ---------------------------------------------------------------------------------------------------------------

export function editControls(state: EmulatorState, post: PostRecord): Record<string, unknown> {
  const first = state.posts.get(post.editHistory[0]!) ?? post;
  const until = first.createdAt + EDIT_WINDOW_MS;
  const remaining = Math.max(0, MAX_EDITS - (post.editHistory.length - 1));
  const replyToOther = post.inReplyToUserId !== undefined && post.inReplyToUserId !== post.authorId;
  return {
    is_edit_eligible: state.now() < until && remaining > 0 && !post.poll && !replyToOther,
    editable_until: new Date(until).toISOString(),
    edits_remaining: remaining,
  };
}

/**
 * A post object: the default fields id, text, edit_history_tweet_ids plus the requested `tweet.fields`
 * (x-api--fundamentals--fields). Fields without a value are omitted. Private metrics only on the viewer's own posts.
 */
export function serializePost(
  state: EmulatorState,
  post: PostRecord,
  fields: readonly string[],
  viewerId: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [...post.editHistory] };
  for (const f of fields) {
    switch (f) {
      case 'attachments': {
        const a: Record<string, unknown> = {};
        if (post.mediaKeys.length) a.media_keys = [...post.mediaKeys];
        if (post.poll) a.poll_ids = [post.poll.id];
        if (Object.keys(a).length) out.attachments = a;
        break;
      }
      case 'author_id':
        out.author_id = post.authorId;
        break;
      case 'conversation_id':
        out.conversation_id = post.conversationId;
        break;
      case 'created_at':
        out.created_at = new Date(post.createdAt).toISOString();
        break;
      case 'display_text_range':
        out.display_text_range = [...post.displayTextRange];
        break;
      case 'edit_controls':
        out.edit_controls = editControls(state, post);
        break;
      case 'entities':
        if (Object.keys(post.entities).length) out.entities = structuredClone(post.entities);
        break;
      case 'in_reply_to_user_id':
        if (post.inReplyToUserId) out.in_reply_to_user_id = post.inReplyToUserId;
        break;
      case 'lang':
        out.lang = post.lang;
        break;
      case 'note_tweet':
        // Only long posts have one (x-api--fundamentals--data-dictionary: "for long-form Posts (>280 characters)").
        if (post.noteTweet) {
          const { text, entities } = post.noteTweet;
          out.note_tweet = { text, ...(Object.keys(entities).length ? { entities: structuredClone(entities) } : {}) };
        }
        break;
      case 'possibly_sensitive':
        out.possibly_sensitive = post.possiblySensitive;
        break;
      case 'public_metrics':
        out.public_metrics = { ...post.publicMetrics };
        break;
      case 'non_public_metrics':
        if (post.authorId === viewerId)
          out.non_public_metrics = {
            impression_count: post.publicMetrics.impression_count,
            user_profile_clicks: 0,
            url_link_clicks: 0,
            engagements: 0,
          };
        break;
      case 'organic_metrics':
        if (post.authorId === viewerId)
          out.organic_metrics = {
            impression_count: post.publicMetrics.impression_count,
            like_count: post.publicMetrics.like_count,
            reply_count: post.publicMetrics.reply_count,
            retweet_count: post.publicMetrics.retweet_count,
            user_profile_clicks: 0,
            url_link_clicks: 0,
          };
        break;
      case 'referenced_tweets': {
        const refs: { type: string; id: string }[] = [];
        if (post.quoteTweetId) refs.push({ type: 'quoted', id: post.quoteTweetId });
        if (post.inReplyToTweetId) refs.push({ type: 'replied_to', id: post.inReplyToTweetId });
        if (refs.length) out.referenced_tweets = refs;
        break;
      }
      case 'reply_settings':
        out.reply_settings = post.replySettings;
        break;
      case 'source':
        out.source = post.source;
        break;
      default:
        // article, card_uri, community_id, context_annotations, geo, media_metadata, promoted_metrics,
        // scopes, withheld: not modelled, so "no value" (omitted).
        break;
    }
  }
  return out;
}

function serializePoll(post: PostRecord, fields: readonly string[], now: number): Record<string, unknown> {
  const poll = post.poll!;
  const out: Record<string, unknown> = { id: poll.id, options: poll.options.map((o) => ({ ...o })) };
  for (const f of fields) {
    if (f === 'duration_minutes') out.duration_minutes = poll.durationMinutes;
    if (f === 'end_datetime') out.end_datetime = new Date(poll.endAt).toISOString();
    if (f === 'voting_status') out.voting_status = now < poll.endAt ? 'open' : 'closed';
  }
  return out;
}

interface LookupParams {
  tweetFields: string[];
  expansions: string[];
  mediaFields: string[];
  pollFields: string[];
  userFields: string[];
}

export function lookupParams(query: URLSearchParams): LookupParams {
  const tweetFields = listParam(query, 'tweet.fields', TWEET_FIELDS);
  const expansions = listParam(query, 'expansions', TWEET_EXPANSIONS);
  const mediaFields = listParam(query, 'media.fields', MEDIA_FIELDS);
  const pollFields = listParam(query, 'poll.fields', POLL_FIELDS);
  const userFields = listParam(query, 'user.fields', USER_FIELDS);
  listParam(query, 'place.fields', PLACE_FIELDS);
  return { tweetFields, expansions, mediaFields, pollFields, userFields };
}

/**
 * `{data, includes?, errors?}` for the given visible posts: `includes.users/media/polls/tweets` per the
 * requested expansions, with an `errors` entry for each referenced post the viewer cannot see.
 */
export function postsPayload(
  ctx: RequestContext,
  posts: PostRecord[],
  p: LookupParams,
): { data: Record<string, unknown>[]; includes?: Record<string, unknown[]>; errors: Record<string, unknown>[] } {
  const { state } = ctx;
  const viewerId = ctx.auth!.userId;
  const want = (e: string) => p.expansions.includes(e);
  const errors: Record<string, unknown>[] = [];
  const userIds: string[] = [];
  const mediaKeys: string[] = [];
  const polls: PostRecord[] = [];
  const extraTweets: PostRecord[] = [];
  const seenTweets = new Set(posts.map((x) => x.id));
  const addUser = (id: string | undefined) => {
    if (id && !userIds.includes(id)) userIds.push(id);
  };
  const addTweet = (id: string, parameter: string): PostRecord | undefined => {
    const target = state.posts.get(id);
    const vis = visibility(state, target, viewerId);
    if (vis !== 'visible') {
      errors.push(postError(id, parameter, vis));
      return undefined;
    }
    if (!seenTweets.has(id)) {
      seenTweets.add(id);
      extraTweets.push(target!);
    }
    return target;
  };
  for (const post of posts) {
    if (want('author_id') && !state.postsWithoutAuthor) addUser(post.authorId);
    if (want('in_reply_to_user_id')) addUser(post.inReplyToUserId);
    if (want('entities.mentions.username')) for (const m of post.entities.mentions ?? []) addUser(m.id);
    if (want('attachments.media_keys')) for (const k of post.mediaKeys) if (!mediaKeys.includes(k)) mediaKeys.push(k);
    if (want('attachments.poll_ids') && post.poll) polls.push(post);
    const refs = [post.quoteTweetId, post.inReplyToTweetId].filter((x): x is string => x !== undefined);
    if (want('referenced_tweets.id') || want('referenced_tweets.id.author_id')) {
      for (const ref of refs) {
        const target = want('referenced_tweets.id') ? addTweet(ref, 'referenced_tweets.id') : state.posts.get(ref);
        if (want('referenced_tweets.id.author_id') && target && visibility(state, target, viewerId) === 'visible') addUser(target.authorId);
      }
    }
    if (want('edit_history_tweet_ids')) for (const v of post.editHistory) if (v !== post.id) addTweet(v, 'edit_history_tweet_ids');
  }
  const includes: Record<string, unknown[]> = {};
  const users = userIds
    .map((id) => state.users.get(id))
    .filter((u) => u !== undefined && u.status !== 'suspended' && u.status !== 'deleted')
    .map((u) => serializeUser(state, u!, p.userFields, viewerId, ctx.auth!.scopes));
  if (users.length) includes.users = users;
  const media = mediaKeys
    .map((k) => [...state.media.values()].find((m) => m.mediaKey === k))
    .filter((m): m is MediaRecord => m !== undefined)
    .map((m) => serializeMedia(state, m, p.mediaFields));
  if (media.length) includes.media = media;
  if (polls.length) includes.polls = polls.map((x) => serializePoll(x, p.pollFields, state.now()));
  if (extraTweets.length) includes.tweets = extraTweets.map((x) => serializePost(state, x, p.tweetFields, viewerId));
  return {
    data: posts.map((x) => serializePost(state, x, p.tweetFields, viewerId)),
    ...(Object.keys(includes).length ? { includes } : {}),
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Request body validation (JSON-schema style messages, as X's invalid-request answers carry them)
// ---------------------------------------------------------------------------------------------------------------

export type Schema =
  | { type: 'string'; pattern?: RegExp; minLength?: number; maxLength?: number; enum?: readonly string[] }
  | { type: 'boolean' }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'array'; items: Schema; minItems?: number; maxItems?: number }
  | { type: 'object'; properties: Record<string, Schema>; required?: readonly string[] };

const idString: Schema = { type: 'string', pattern: ID_PATTERN };
const REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers', 'verified'] as const;

/** The `POST /2/tweets` body (x-api--posts--create-post and the manage-tweets guides); anything else is refused. */
export const CREATE_POST_SCHEMA: Schema = {
  type: 'object',
  properties: {
    card_uri: { type: 'string' },
    community_id: idString,
    direct_message_deep_link: { type: 'string' },
    edit_options: { type: 'object', properties: { previous_post_id: idString }, required: ['previous_post_id'] },
    for_super_followers_only: { type: 'boolean' },
    geo: { type: 'object', properties: { place_id: { type: 'string' } } },
    made_with_ai: { type: 'boolean' },
    media: {
      type: 'object',
      properties: {
        media_ids: { type: 'array', items: idString, minItems: 1, maxItems: 4 },
        tagged_user_ids: { type: 'array', items: idString, minItems: 0, maxItems: 10 },
      },
      required: ['media_ids'],
    },
    nullcast: { type: 'boolean' },
    paid_partnership: { type: 'boolean' },
    poll: {
      type: 'object',
      properties: {
        options: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 25 }, minItems: 2, maxItems: 4 },
        duration_minutes: { type: 'integer', minimum: 5, maximum: 10080 },
        reply_settings: { type: 'string', enum: REPLY_SETTINGS },
      },
      required: ['options', 'duration_minutes'],
    },
    quote_tweet_id: idString,
    reply: {
      type: 'object',
      properties: {
        in_reply_to_tweet_id: idString,
        exclude_reply_user_ids: { type: 'array', items: idString },
        auto_populate_reply_metadata: { type: 'boolean' },
      },
      required: ['in_reply_to_tweet_id'],
    },
    reply_settings: { type: 'string', enum: REPLY_SETTINGS },
    share_with_followers: { type: 'boolean' },
    text: { type: 'string' },
  },
};

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function lengthOf(s: string): number {
  return [...s].length;
}

/** Validates `value` against `schema`, collecting messages like "$.media.media_ids: there must be a maximum of 4 items in the array". */
export function validateSchema(value: unknown, schema: Schema, path = '$', out: string[] = []): string[] {
  const found = jsonType(value);
  const expected = schema.type;
  if (found !== expected) {
    out.push(`${path}: ${found} found, ${expected} expected`);
    return out;
  }
  switch (schema.type) {
    case 'string': {
      const s = value as string;
      if (schema.enum && !schema.enum.includes(s))
        out.push(`${path}: does not have a value in the enumeration [${schema.enum.join(', ')}]`);
      if (schema.pattern && !schema.pattern.test(s)) out.push(`${path}: does not match the regex pattern ${schema.pattern.source}`);
      if (schema.minLength !== undefined && lengthOf(s) < schema.minLength)
        out.push(`${path}: must be at least ${schema.minLength} characters long`);
      if (schema.maxLength !== undefined && lengthOf(s) > schema.maxLength)
        out.push(`${path}: may only be ${schema.maxLength} characters long`);
      break;
    }
    case 'integer': {
      const n = value as number;
      if (schema.minimum !== undefined && n < schema.minimum) out.push(`${path}: must have a minimum value of ${schema.minimum}`);
      if (schema.maximum !== undefined && n > schema.maximum) out.push(`${path}: must have a maximum value of ${schema.maximum}`);
      break;
    }
    case 'array': {
      const a = value as unknown[];
      const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
      if (schema.minItems !== undefined && a.length < schema.minItems)
        out.push(`${path}: there must be a minimum of ${items(schema.minItems)} in the array`);
      if (schema.maxItems !== undefined && a.length > schema.maxItems)
        out.push(`${path}: there must be a maximum of ${items(schema.maxItems)} in the array`);
      a.forEach((item, i) => validateSchema(item, schema.items, `${path}[${i}]`, out));
      break;
    }
    case 'object': {
      const o = value as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        const sub = schema.properties[key];
        if (!sub) out.push(`${path}.${key}: is not defined in the schema and the schema does not allow additional properties`);
        else validateSchema(o[key], sub, `${path}.${key}`, out);
      }
      for (const key of schema.required ?? []) if (!(key in o)) out.push(`${path}.${key}: is missing but it is required`);
      break;
    }
    case 'boolean':
      break;
  }
  return out;
}

export function invalidBody(messages: string[]): ReplyError {
  return new ReplyError(
    json(400, {
      errors: messages.map((message) => ({ message })),
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: PROBLEMS + 'invalid-request',
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------------------------

interface CreateBody {
  text?: string;
  reply?: { in_reply_to_tweet_id: string };
  quote_tweet_id?: string;
  media?: { media_ids: string[]; tagged_user_ids?: string[] };
  poll?: { options: string[]; duration_minutes: number; reply_settings?: string };
  card_uri?: string;
  direct_message_deep_link?: string;
  edit_options?: { previous_post_id: string };
  reply_settings?: string;
}

/** The exclusive attachments of a post (create-post request body; only one may be given). */
const EXCLUSIVE = ['poll', 'quote_tweet_id', 'direct_message_deep_link', 'media', 'card_uri'] as const;

export const TOO_LONG_DETAIL = 'Your Tweet text is too long.';
export const DUPLICATE_DETAIL = 'You are not allowed to create a Tweet with duplicate content.';
export const REPLY_TARGET_GONE_DETAIL = 'You attempted to reply to a Tweet that is deleted or not visible to you.';
export const REPLY_NOT_SUMMONED_DETAIL =
  'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.';
export const CASHTAG_DETAIL = 'Posts are limited to a maximum of one cashtag.';
export const QUOTE_ENTERPRISE_DETAIL =
  'Quote-posting (using the `quote_tweet_id` parameter) requires an Enterprise plan. It is not available on self-serve (pay-per-use) tiers.';
export const DELETE_NOT_OWNER_DETAIL = 'You can only delete Posts authored by the authenticated user.';

/**
 * The self-serve reply rule (x-api--posts--manage-tweets--integrate, "Reply restrictions"; --introduction): the
 * original author @mentioned the replier or quoted one of the replier's posts. The pages do not say whether a reply
 * to one's own post (a thread) counts: `state.selfRepliesAllowed` gives either answer (README, "Decisions the docs
 * left open").
 */
function summoned(state: EmulatorState, parent: PostRecord, userId: string): boolean {
  if (parent.authorId === userId) return state.selfRepliesAllowed;
  // A long post's mentions past its first 280 characters are mentions too: its whole entities are the note's.
  if (((parent.noteTweet ?? parent).entities.mentions ?? []).some((m) => m.id === userId)) return true;
  const quoted = parent.quoteTweetId ? state.posts.get(parent.quoteTweetId) : undefined;
  return quoted?.authorId === userId;
}

function isDuplicate(state: EmulatorState, userId: string, text: string, ignore: readonly string[]): boolean {
  const wanted = text.normalize('NFC').trim();
  if (!wanted) return false;
  const since = state.now() - DUPLICATE_WINDOW_MS;
  for (const p of state.posts.values()) {
    if (p.authorId !== userId || p.deleted || p.createdAt < since || ignore.includes(p.id)) continue;
    if (p.sourceText.normalize('NFC').trim() === wanted) return true;
  }
  return false;
}

function editProblem(id: string, reason: string): ReplyError {
  return new ReplyError(problem(403, `Post [${id}] cannot be edited: ${reason}.`));
}

function createPost(ctx: RequestContext): Reply {
  const { state } = ctx;
  const userId = ctx.auth!.userId;
  const window = state.postOrRepostWindow(userId);
  if (state.postOrRepostCapReached(userId)) return { ...tooManyRequests(), headers: postOrRepostCapHeaders(window.resetAt) };

  const raw = jsonBody(ctx);
  const messages = validateSchema(raw, CREATE_POST_SCHEMA);
  if (messages.length) throw invalidBody(messages);
  const body = raw as CreateBody;
  const text = body.text ?? '';

  const given = EXCLUSIVE.filter((k) => body[k] !== undefined);
  if (given.length > 1) {
    throw new ReplyError(
      invalidRequest([
        {
          parameters: Object.fromEntries(given.map((k) => [k, [JSON.stringify(body[k]).replace(/^"|"$/g, '')]])),
          message: `You can only provide one of ${EXCLUSIVE.join(' or ')}.`,
        },
      ]),
    );
  }
  if (!text.trim() && !body.media && !body.poll && !body.quote_tweet_id) {
    throw new ReplyError(
      invalidRequest([
        { parameters: { text: [text] }, message: 'You must provide text, unless media, a poll or quote_tweet_id is given.' },
      ]),
    );
  }
  // Over the author's limit: 280, or 25,000 when their subscription allows long posts (getUsersMe
  // `subscription_type`; text.ts). X's answer as observed (README, "text over 280 weighted").
  const limit = maxWeightedLengthFor(state.users.get(userId)?.subscription_type);
  if (weightedLength(text) > limit) return problem(403, TOO_LONG_DETAIL);
  if (!state.enterprise && cashtagCount(text) > 1) return problem(403, CASHTAG_DETAIL);

  // Edits (edit_options.previous_post_id), per x-api--fundamentals--edit-posts.
  let previous: PostRecord | undefined;
  if (body.edit_options) {
    const prevId = body.edit_options.previous_post_id;
    if (body.reply || body.quote_tweet_id || body.poll) {
      throw new ReplyError(
        invalidRequest([
          { parameters: { 'edit_options.previous_post_id': [prevId] }, message: 'An edit cannot add a reply, a quote or a poll.' },
        ]),
      );
    }
    previous = state.posts.get(prevId);
    if (!previous || previous.deleted) throw editProblem(prevId, 'it does not exist or was deleted');
    if (previous.authorId !== userId) throw editProblem(prevId, 'it was not authored by you');
    if (previous.editHistory[previous.editHistory.length - 1] !== prevId) throw editProblem(prevId, 'it is not the latest version');
    if (previous.poll) throw editProblem(prevId, 'posts with polls cannot be edited');
    if (previous.inReplyToUserId && previous.inReplyToUserId !== userId) throw editProblem(prevId, 'replies to others cannot be edited');
    const controls = editControls(state, previous);
    if ((controls.edits_remaining as number) <= 0) throw editProblem(prevId, `it has been edited ${MAX_EDITS} times`);
    if (!controls.is_edit_eligible) throw editProblem(prevId, 'the 30-minute edit window has closed');
  }

  if (body.reply) {
    const parentId = body.reply.in_reply_to_tweet_id;
    const parent = state.posts.get(parentId);
    if (visibility(state, parent, userId) !== 'visible') return problem(403, REPLY_TARGET_GONE_DETAIL);
    if (!state.enterprise && !summoned(state, parent!, userId)) return problem(403, REPLY_NOT_SUMMONED_DETAIL);
  }
  if (body.quote_tweet_id) {
    if (!state.enterprise)
      return typedProblem(403, 'client-forbidden', 'Client Forbidden', QUOTE_ENTERPRISE_DETAIL, { reason: 'client-not-enrolled' });
    const quoted = state.posts.get(body.quote_tweet_id);
    if (visibility(state, quoted, userId) !== 'visible') {
      throw new ReplyError(
        invalidRequest([{ parameters: { quote_tweet_id: [body.quote_tweet_id] }, message: 'Your quote tweet ID is invalid.' }]),
      );
    }
  }
  const mediaIds = [...new Set(body.media?.media_ids ?? [])];
  if (mediaIds.length) {
    const records = mediaIds.map((id) => state.media.get(id));
    const bad = mediaIds.filter((id, i) => !mediaUsable(state, records[i], userId));
    const usable = records.filter((m): m is MediaRecord => m !== undefined);
    // "up to 4 photos, 1 animated GIF or 1 video in a Post" (x-api--media--quickstart--best-practices)
    const mixed = usable.some((m) => m.type !== 'photo') && usable.length > 1;
    if (bad.length || mixed) {
      throw new ReplyError(
        invalidRequest([{ parameters: { 'media.media_ids': bad.length ? bad : mediaIds }, message: 'Your media IDs are invalid.' }]),
      );
    }
  }
  if (isDuplicate(state, userId, text, previous ? previous.editHistory : [])) return problem(403, DUPLICATE_DETAIL);

  const post = insertPost(state, {
    authorId: userId,
    text,
    ...(body.reply ? { inReplyToTweetId: body.reply.in_reply_to_tweet_id } : {}),
    ...(body.quote_tweet_id ? { quoteTweetId: body.quote_tweet_id } : {}),
    ...(mediaIds.length ? { mediaIds } : {}),
    ...(body.poll ? { poll: { options: body.poll.options, durationMinutes: body.poll.duration_minutes } } : {}),
    ...(body.reply_settings ? { replySettings: body.reply_settings } : {}),
    ...(previous ? { editOf: previous.id } : {}),
    source: state.clients.get(ctx.auth!.clientId)?.name ?? 'Perch',
  });
  state.recordPostOrRepost(userId);
  return json(201, { data: { id: post.id, text: post.text, edit_history_tweet_ids: [...post.editHistory] } });
}

function removePost(ctx: RequestContext): Reply {
  const id = matchParam('id', ctx.params.id ?? '', ID_PATTERN);
  const post = ctx.state.posts.get(id);
  if (!post || post.deleted) return resourceProblem(404, postError(id, 'id', 'not-found'));
  if (post.authorId !== ctx.auth!.userId) return problem(403, DELETE_NOT_OWNER_DETAIL);
  deletePost(ctx.state, post);
  return json(200, { data: { deleted: true } });
}

function lookupOne(ctx: RequestContext): Reply {
  const id = matchParam('id', ctx.params.id ?? '', ID_PATTERN);
  const params = lookupParams(ctx.query);
  const post = ctx.state.posts.get(id);
  const vis = visibility(ctx.state, post, ctx.auth!.userId);
  // x-api--posts--lookup--integrate: "Single Post lookup returns 404" for deleted, missing and protected posts.
  if (vis !== 'visible') return resourceProblem(404, postError(id, 'id', vis));
  const payload = postsPayload(ctx, [post!], params);
  return json(200, {
    data: payload.data[0],
    ...(payload.includes ? { includes: payload.includes } : {}),
    ...(payload.errors.length ? { errors: payload.errors } : {}),
  });
}

function lookupMany(ctx: RequestContext): Reply {
  const raw = ctx.query.get('ids');
  if (raw === null || raw === '') throw invalidParam('ids', raw ?? '', 'The `ids` query parameter can not be empty');
  const ids = raw.split(',');
  if (ids.length > MAX_LOOKUP_IDS) {
    throw invalidParam(
      'ids',
      raw,
      `The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and ${MAX_LOOKUP_IDS}`,
    );
  }
  for (const id of ids) matchParam('ids', id, ID_PATTERN);
  const params = lookupParams(ctx.query);
  const found: PostRecord[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const id of new Set(ids)) {
    const post = ctx.state.posts.get(id);
    const vis = visibility(ctx.state, post, ctx.auth!.userId);
    if (vis === 'visible') found.push(post!);
    else errors.push(postError(id, 'ids', vis));
  }
  const payload = postsPayload(ctx, found, params);
  const allErrors = [...errors, ...payload.errors];
  return json(200, {
    ...(found.length ? { data: payload.data } : {}),
    ...(payload.includes ? { includes: payload.includes } : {}),
    ...(allErrors.length ? { errors: allErrors } : {}),
  });
}

export function registerPostRoutes(router: Router): void {
  router.add({ method: 'POST', path: '/2/tweets', auth: 'user', scopes: MANAGE_SCOPES, query: [], handler: createPost });
  router.add({ method: 'DELETE', path: '/2/tweets/:id', auth: 'user', scopes: MANAGE_SCOPES, query: [], handler: removePost });
  router.add({ method: 'GET', path: '/2/tweets/:id', auth: 'user', scopes: LOOKUP_SCOPES, query: LOOKUP_QUERY, handler: lookupOne });
  router.add({
    method: 'GET',
    path: '/2/tweets',
    auth: 'user',
    scopes: LOOKUP_SCOPES,
    query: ['ids', ...LOOKUP_QUERY],
    handler: lookupMany,
  });
}
