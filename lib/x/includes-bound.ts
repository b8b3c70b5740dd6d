/**
 * How many objects an answer's `includes` may hold. An expansion pulls in the objects each primary object refers to
 * (x-api--fundamentals--expansions: `author_id` → its author, `attachments.media_keys` → its media…), and X's contract
 * caps how many one object refers to; `includes` holds each object once, so no more than the sum of those caps over
 * the expansions asked, times the primary objects. An answer holding more is not what was asked for: like a page
 * holding more than `max_results`, it is refused before anything of it is stored (lib/x/pages.ts).
 */
import { POST_MAX_WEIGHT } from '../limits';

/** The kinds of object expansions on posts, users and Lists pull in (the description's Expansions). */
const KINDS = ['users', 'tweets', 'media', 'polls', 'places'] as const;
type Kind = (typeof KINDS)[number];

/**
 * A long post's most characters: lib/text/post-limit.ts LONG_POST_LIMIT, not imported because that module pulls the
 * character counter into the background (a unit test keeps the two equal).
 */
export const LONG_POST_CHARACTERS = 25_000;

/**
 * What one expansion pulls in for one primary object, at most. Expansions: the description's TweetExpansionsParameter,
 * UserExpansionsParameter and ListExpansionsParameter (openapi.json). The caps:
 * - one id field, one object (`author_id`, `in_reply_to_user_id`, `geo.place_id`, `pinned_tweet_id`, `owner_id`…);
 * - `referenced_tweets`: one a type, and the description's ReferencedTweet `type` is one of three (retweeted, quoted,
 *   replied_to);
 * - media: "up to 4 photos, 1 animated GIF or 1 video in a Post" (x-api--media--quickstart--best-practices; the
 *   description's TweetCreateRequest `media.media_ids` maxItems 4), and one media source post per media object;
 * - one poll a post (TweetCreateRequest `poll` is one object);
 * - `edit_history_tweet_ids`: a post is "edited … up to 5 times" (x-api--fundamentals--edit-posts), six versions;
 * - mentions: each is `@`, a username of at least one character (the description's UserName) and a character between
 *   it and the next, so a post of weight 280 (fundamentals--counting-characters) mentions at most 94 accounts, and a
 *   long post's whole text (`entities.note`; 25,000 characters, lib/text/post-limit.ts LONG_POST_LIMIT) 8,334.
 * `article.media_entities` is left out: X documents no cap on an article's media, and Perch never asks for it.
 */
export const INCLUDED_PER_ITEM: Readonly<Record<string, Readonly<Partial<Record<Kind, number>>>>> = {
  author_id: { users: 1 },
  in_reply_to_user_id: { users: 1 },
  'referenced_tweets.id': { tweets: 3 },
  'referenced_tweets.id.author_id': { users: 3 },
  'referenced_tweets.id.attachments.media_keys': { media: 3 * 4 },
  'attachments.media_keys': { media: 4 },
  'attachments.media_source_tweet': { tweets: 4 },
  'attachments.poll_ids': { polls: 1 },
  'geo.place_id': { places: 1 },
  edit_history_tweet_ids: { tweets: 6 },
  'entities.mentions.username': { users: Math.ceil(POST_MAX_WEIGHT / 3) },
  'entities.note.mentions.username': { users: Math.ceil(LONG_POST_CHARACTERS / 3) },
  'article.cover_media': { media: 1 },
  pinned_tweet_id: { tweets: 1 },
  most_recent_tweet_id: { tweets: 1 },
  'affiliation.user_id': { users: 1 },
  owner_id: { users: 1 },
};

/**
 * Whether an answer's `includes` hold more objects of a kind than `items` primary objects can pull in with the
 * expansions asked (`expansions`: the query's comma-separated value, absent when none were asked). A kind no asked
 * expansion pulls in may hold nothing. Fields of `includes` that are none of these kinds are not read, so not counted.
 * A nested expansion (`referenced_tweets.id.author_id`, `referenced_tweets.id.attachments.media_keys`) reaches its
 * objects through the posts a post references. X documents only those objects coming back
 * (x-api--fundamentals--expansions: `referenced_tweets.id.author_id` returns User objects), but X may send the
 * referenced posts with them, and such an answer is still what was asked for (lib/services/summons.ts reads the
 * quoted post there when it comes): they are allowed as `referenced_tweets.id` allows them, counted once.
 * @throws Never.
 */
export function includesOverBound(includes: object | undefined, items: number, expansions: string | number | undefined): boolean {
  const asked = new Set(typeof expansions === 'string' && expansions !== '' ? expansions.split(',') : []);
  if ([...asked].some((e) => e.startsWith('referenced_tweets.id.'))) asked.add('referenced_tweets.id');
  const most = (kind: Kind) => items * [...asked].reduce((sum, e) => sum + (INCLUDED_PER_ITEM[e]?.[kind] ?? 0), 0);
  const of = (includes ?? {}) as Partial<Record<Kind, unknown>>;
  return KINDS.some((kind) => {
    const objects = of[kind];
    return Array.isArray(objects) && objects.length > most(kind);
  });
}
