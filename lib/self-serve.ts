import { extractCashtags, MAX_SELF_SERVE_CASHTAGS } from './text/cashtags';
import { postUrl } from './x-links';

/**
 * What X refuses from a self-serve (pay-per-use) app, known before the click, and where a person can do it instead.
 * X's rules (x-api--posts--manage-tweets--introduction and --integrate "Post creation restrictions (self-serve)",
 * x-api--posts--create-post, x-api--users--blocks--introduction):
 *   - a reply only where the replied-to post's author @mentioned the replying account or quoted one of its posts;
 *   - no quote posts (`quote_tweet_id`) and no block or unblock: Enterprise only;
 *   - at most one cashtag per post.
 * Enterprise apps have none of these limits. Replying to one's own post is not covered by the docs; Perch treats it
 * as allowed (a thread of one's own posts), as the emulator does.
 *
 * X documents no web intents on these pages: the reply and quote links use x.com's long-standing
 * `intent/tweet` address (`in_reply_to`, `url`), which opens X's own composer and makes no API call.
 */

/** Through Perch (the API), or on x.com (a link, no API call). */
export type Via = 'perch' | 'x.com';

/** What a post tells about who its author summoned: the accounts it mentions and the author of the post it quotes. */
export interface PostSummons {
  /** Ids of the accounts mentioned (`entities.mentions[].id`, when X gave one). */
  mentionIds: string[];
  /** Lower-cased usernames of the accounts mentioned (`entities.mentions[].username`). */
  mentionUsernames: string[];
  /** The author of the quoted post, when the post quotes one and X said who wrote it. */
  quotedAuthorId?: string;
}

/** The signed-in account, as the rules need it. */
export interface Replier {
  id: string;
  username: string;
}

/**
 * True when a self-serve app may reply to the post as `account`: its own post, or the author mentioned the
 * account or quoted one of its posts. `summons` undefined (not known) counts as not summoned.
 */
export function mayReply(post: { authorId?: string | undefined; summons?: PostSummons | undefined }, account: Replier): boolean {
  if (post.authorId === account.id) return true;
  const s = post.summons;
  if (!s) return false;
  return (
    s.mentionIds.includes(account.id) ||
    s.mentionUsernames.includes(account.username.toLowerCase()) ||
    (s.quotedAuthorId !== undefined && s.quotedAuthorId === account.id)
  );
}

/** Where each action on a post happens for this plan. */
export interface PostRules {
  reply: Via;
  quote: Via;
  block: Via;
}

/** Where replying, quoting and blocking the author happen: through Perch where X allows it, else on x.com. */
export function postRules(enterprise: boolean, replyAllowed: boolean): PostRules {
  if (enterprise) return { reply: 'perch', quote: 'perch', block: 'perch' };
  return { reply: replyAllowed ? 'perch' : 'x.com', quote: 'x.com', block: 'x.com' };
}

/** Where blocking and unblocking a profile happen for this plan. */
export function profileRules(enterprise: boolean): { block: Via } {
  return { block: enterprise ? 'perch' : 'x.com' };
}

/** The cashtags of a post's text when there are more than a self-serve app may post, else undefined. */
export function tooManyCashtags(text: string, enterprise: boolean): string[] | undefined {
  if (enterprise) return undefined;
  const tags = extractCashtags(text);
  return tags.length > MAX_SELF_SERVE_CASHTAGS ? tags : undefined;
}

/** x.com's composer replying to a post (no API call); `text`, the words already written (a reply X refused). */
export const replyOnXUrl = (postId: string, text?: string) =>
  `https://x.com/intent/tweet?in_reply_to=${encodeURIComponent(postId)}${text ? `&text=${encodeURIComponent(text)}` : ''}`;

/**
 * x.com's composer with the post's address in it: X shows a post carrying another post's link as a quote. `text`,
 * the words already written (a quote X refused through the API), goes before the address.
 */
export const quoteOnXUrl = (username: string, postId: string, text?: string) =>
  `https://x.com/intent/tweet?${text ? `text=${encodeURIComponent(text)}&` : ''}url=${encodeURIComponent(postUrl(postId, username))}`;
