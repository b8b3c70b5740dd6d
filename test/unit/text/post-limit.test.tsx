import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CharacterCounter } from '@/components/CharacterCounter';
import { segmentsOf } from '@/components/PostEditor';
import { canSplit, splitPostInThread, whyCannotPost } from '@/components/compose-rules';
import type { EditablePost } from '@/components/use-draft';
import { parsePost } from '@/lib/text/parse-post';
import { LONG_POST_LIMIT, POST_LIMIT, allowsLongPosts, postLimitFor } from '@/lib/text/post-limit';
import { splitIntoThread } from '@/lib/text/split-thread';

// Long posts for Premium: an account whose `subscription_type` (GET /2/users/me) is a paid X Premium tier posts up
// to 25,000 weighted characters; everyone else keeps 280.
const post = (text: string): EditablePost => ({ text, media: [] });
/** `n` characters of sentences, each letter weighing 1. */
const sentences = (n: number) => 'Long posts are for Premium. '.repeat(Math.ceil(n / 28)).slice(0, n);
const SIX_HUNDRED = sentences(600);

describe('the limit by subscription', () => {
  it.each([
    ['Premium', 25_000],
    ['PremiumPlus', 25_000],
    ['Basic', 25_000],
    ['None', 280],
    [undefined, 280],
    ['premium', 280],
    ['Gold', 280],
  ])('is %s → %i', (tier, limit) => {
    expect(postLimitFor(tier)).toBe(limit);
    expect(allowsLongPosts(tier)).toBe(limit === LONG_POST_LIMIT);
  });

  it('is 280 without a subscription, as twitter-text counts', () => {
    expect(POST_LIMIT).toBe(280);
  });
});

describe('counting against the long-post limit', () => {
  it('finds 600 characters valid for a long post and over 280 otherwise', () => {
    expect(parsePost(SIX_HUNDRED, LONG_POST_LIMIT)).toMatchObject({ weightedLength: 600, valid: true, permillage: 24 });
    expect(parsePost(SIX_HUNDRED)).toMatchObject({ weightedLength: 600, valid: false, validRangeEnd: 279 });
  });

  it('ends the valid range at the 25,000th character and refuses one more', () => {
    const text = 'a'.repeat(25_001);
    expect(parsePost(text.slice(1), LONG_POST_LIMIT).valid).toBe(true);
    expect(parsePost(text, LONG_POST_LIMIT)).toMatchObject({ valid: false, validRangeEnd: 24_999, permillage: 1000 });
  });

  it('highlights nothing of 600 characters as over a long post’s limit, and from character 281 otherwise', () => {
    const over = (limit: number) =>
      segmentsOf(SIX_HUNDRED, parsePost(SIX_HUNDRED, limit), limit)
        .filter((s) => s.over)
        .map((s) => s.text)
        .join('');
    expect(over(LONG_POST_LIMIT)).toBe('');
    expect(over(280)).toBe(SIX_HUNDRED.slice(280));
  });
});

describe('the counter', () => {
  const label = (html: string) => /aria-label="([^"]*)"/.exec(html)?.[1];

  it('says how many characters are left of a long post, and over 280 without one', () => {
    const parsed = parsePost(SIX_HUNDRED, LONG_POST_LIMIT);
    expect(label(renderToStaticMarkup(<CharacterCounter parsed={parsed} limit={LONG_POST_LIMIT} />))).toBe('24,400 characters left');
    expect(label(renderToStaticMarkup(<CharacterCounter parsed={parsed} />))).toBe('320 characters over the limit');
  });
});

describe('the composer and the splitter with a long post', () => {
  it('lets a Premium account post 600 characters as one post, and offers no split', () => {
    expect(whyCannotPost([post(SIX_HUNDRED)], false, LONG_POST_LIMIT)).toBeUndefined();
    expect(canSplit(post(SIX_HUNDRED), LONG_POST_LIMIT)).toBe(false);
    expect(splitIntoThread(SIX_HUNDRED, LONG_POST_LIMIT)).toEqual([SIX_HUNDRED]);
    expect(splitPostInThread([post(SIX_HUNDRED)], 0, LONG_POST_LIMIT)).toEqual({ posts: [post(SIX_HUNDRED)], parts: 1 });
  });

  it('keeps 280 for everyone else: the same text is over, and splits into a thread', () => {
    expect(whyCannotPost([post(SIX_HUNDRED)])).toBe('320 characters over X’s limit of 280.');
    expect(canSplit(post(SIX_HUNDRED))).toBe(true);
    const result = splitPostInThread([post(SIX_HUNDRED)], 0);
    expect('parts' in result && result.parts).toBe(3);
  });

  it('names the long-post limit when a Premium post goes past it', () => {
    expect(whyCannotPost([post('a'.repeat(25_003))], false, LONG_POST_LIMIT)).toBe('3 characters over X’s limit of 25,000.');
    expect(whyCannotPost([post('ok'), post('a'.repeat(25_001))], false, LONG_POST_LIMIT)).toBe(
      'Post 2: 1 character over X’s limit of 25,000.',
    );
  });

  it('splits a post over 25,000 into parts of at most 25,000 each', () => {
    const text = sentences(30_000);
    const parts = splitIntoThread(text, LONG_POST_LIMIT);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(parsePost(part, LONG_POST_LIMIT).valid).toBe(true);
  });
});
