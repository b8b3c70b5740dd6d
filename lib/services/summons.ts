import * as z from 'zod/mini';
import type { PostSummons } from '../self-serve';
import type { Includes } from '../x/pages';
import type { XPost } from '../x/schemas';

const mentionsSchema = z.array(z.looseObject({ username: z.string(), id: z.optional(z.string()) }));
const mentionsOf = (entities: unknown) => {
  const parsed = mentionsSchema.safeParse((entities as { mentions?: unknown } | undefined)?.mentions);
  return parsed.success ? parsed.data : [];
};

/**
 * Whom a post's author summoned: the accounts in `entities.mentions` (and in `note_tweet.entities.mentions` for a
 * long post) and the author of the post it quotes. The `referenced_tweets.id.author_id` expansion returns the
 * referenced posts' authors in `includes.users` without saying which post each wrote: when the post only quotes
 * (no reply, no repost reference), the quoted author is the one user there besides the post's own author (or the
 * author, quoting themselves). When `includes.tweets` carries the quoted post, its `author_id` is used instead.
 * Otherwise the quoted author stays unknown, and Perch does not count it as a summons.
 */
export function summonsOf(post: XPost, includes: Pick<Includes, 'users' | 'tweets'>): PostSummons {
  const note = (post as { note_tweet?: { entities?: unknown } }).note_tweet;
  const mentions = [...mentionsOf(post.entities), ...mentionsOf(note?.entities)];
  const refs = post.referenced_tweets ?? [];
  const quoted = refs.find((r) => r.type === 'quoted');
  let quotedAuthorId = quoted ? includes.tweets.find((t) => t.id === quoted.id)?.author_id : undefined;
  if (quoted && !quotedAuthorId && refs.length === 1) {
    const others = includes.users.filter((u) => u.id !== post.author_id);
    if (others.length === 1) quotedAuthorId = others[0]!.id;
    else if (others.length === 0 && includes.users.some((u) => u.id === post.author_id)) quotedAuthorId = post.author_id;
  }
  return {
    mentionIds: [...new Set(mentions.flatMap((m) => (m.id ? [m.id] : [])))],
    mentionUsernames: [...new Set(mentions.map((m) => m.username.toLowerCase()))],
    ...(quotedAuthorId ? { quotedAuthorId } : {}),
  };
}
