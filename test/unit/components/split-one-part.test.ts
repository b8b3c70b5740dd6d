import { describe, expect, it } from 'vitest';
import { canSplit, splitPostInThread } from '@/components/compose-rules';

// Split is offered only where it makes two posts or more: a post of one grapheme heavier than a post (an "a" with
// 300 combining accents) cannot be cut, and the composer would then say "split into 1 posts".
describe('Split on a post it cannot cut', () => {
  it('is not offered', () => {
    const post = { text: `a${'\u0301'.repeat(300)}`, media: [] };
    expect(splitPostInThread([post], 0)).toMatchObject({ parts: 1 });
    expect(canSplit(post)).toBe(false);
  });

  it('is offered on a long post of words, which it cuts in two', () => {
    const post = { text: 'owl '.repeat(100).trim(), media: [] };
    expect(splitPostInThread([post], 0)).toMatchObject({ parts: 2 });
    expect(canSplit(post)).toBe(true);
  });
});
