// How much one post may weigh for an account: X's 280, or X's long-post limit when the account's X Premium
// subscription allows long posts.
//
// X's description gives the subscription, not the rule: GET /2/users/me (getUsersMe) answers `subscription_type`
// only when asked for in `user.fields`, one of `Basic`, `Premium`, `PremiumPlus` or `None` (openapi.json
// `User.subscription_type`; x-api--fundamentals--data-dictionary, User: "the type of X Premium subscription the
// authenticated user has … Will always return `None` if the user is not the authenticated user"). A post over 280
// keeps its whole text in `note_tweet` (data dictionary, Post: "long-form Posts (>280 characters)"). Which
// subscriptions may post long, and how long, X says outside the API docs (help.x.com, "About X Premium"): every
// paid tier — Basic, Premium and Premium+ — posts up to 25,000 characters; an account without one keeps 280.

import { COUNTING_CONFIG } from './parse-post';

/** The most a post weighs for an account without X Premium: twitter-text's `maxWeightedTweetLength`. */
export const POST_LIMIT = COUNTING_CONFIG.maxWeightedTweetLength;

/** The most a long post weighs, for an account whose subscription allows long posts. */
export const LONG_POST_LIMIT = 25_000;

/** X's `subscription_type` values that allow long posts: every paid X Premium tier. */
export const LONG_POST_SUBSCRIPTIONS: readonly string[] = ['Basic', 'Premium', 'PremiumPlus'];

/**
 * Whether an account with this `subscription_type` may post long posts. Anything else — `None`, a missing field
 * (an account read before Perch asked for it), a value X's description does not list — keeps 280.
 * @throws Never.
 */
export function allowsLongPosts(subscriptionType: string | undefined): boolean {
  return subscriptionType !== undefined && LONG_POST_SUBSCRIPTIONS.includes(subscriptionType);
}

/**
 * The most one post may weigh for an account with this `subscription_type`: {@link LONG_POST_LIMIT} when it
 * allows long posts, else {@link POST_LIMIT} (280).
 * @throws Never.
 */
export function postLimitFor(subscriptionType: string | undefined): number {
  return allowsLongPosts(subscriptionType) ? LONG_POST_LIMIT : POST_LIMIT;
}
