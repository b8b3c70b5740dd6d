// What the composer checks before posting, and how it splits an over-long post: pure, so unit tests cover them.
import { i18n } from '#i18n';
import { MAX_POSTS_IN_THREAD, POST_MAX_WEIGHT } from '@/lib/limits';
import { tooManyCashtags } from '@/lib/self-serve';
import { parsePost } from '@/lib/text/parse-post';
import { splitIntoThread } from '@/lib/text/split-thread';
import type { EditablePost } from './use-draft';

/**
 * Why the Post button is disabled, or undefined when it is not. `enterprise`: the person's X app is on the
 * Enterprise plan, so X's self-serve cashtag limit does not apply (lib/self-serve).
 */
export function whyCannotPost(posts: EditablePost[], enterprise = false): string | undefined {
  const thread = posts.length > 1;
  for (const [i, post] of posts.entries()) {
    if (!post.text.trim() && post.media.length === 0) {
      return thread ? i18n.t('composer_reason_empty_nth', [i + 1]) : i18n.t('composer_reason_empty');
    }
    if (!post.text.trim()) continue;
    const parsed = parsePost(post.text);
    const over = parsed.weightedLength - POST_MAX_WEIGHT;
    if (over > 0) return thread ? i18n.t('composer_reason_over_nth', over, [i + 1, over]) : i18n.t('composer_reason_over', over);
    if (!parsed.valid) return thread ? i18n.t('composer_reason_invalid_nth', [i + 1]) : i18n.t('composer_reason_invalid');
    const cashtags = tooManyCashtags(post.text, enterprise);
    if (cashtags) {
      const named = cashtags.map((t) => `$${t}`).join(', ');
      return thread
        ? i18n.t('composer_reason_cashtags_nth', [i + 1, cashtags.length, named])
        : i18n.t('composer_reason_cashtags', [cashtags.length, named]);
    }
  }
  return undefined;
}

/** Whether post `post` is over X's limit only by its length, so splitting it into a thread would help. */
export function canSplit(post: EditablePost): boolean {
  return parsePost(post.text).weightedLength > POST_MAX_WEIGHT;
}

/**
 * The thread with post `index` split into numbered parts (" 1/3"), its images kept on the first part; or
 * `{ tooLong }` when the result would hold more posts than X takes in one thread.
 */
export function splitPostInThread(posts: EditablePost[], index: number): { posts: EditablePost[]; parts: number } | { tooLong: number } {
  const post = posts[index];
  if (!post) return { posts, parts: 0 };
  const parts = splitIntoThread(post.text, POST_MAX_WEIGHT);
  if (parts.length < 2) return { posts, parts: parts.length };
  if (posts.length - 1 + parts.length > MAX_POSTS_IN_THREAD) return { tooLong: MAX_POSTS_IN_THREAD };
  const split = parts.map((text, i) => ({ text, media: i === 0 ? post.media : [] }));
  return { posts: [...posts.slice(0, index), ...split, ...posts.slice(index + 1)], parts: parts.length };
}
