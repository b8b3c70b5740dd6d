import { describe, expect, it } from 'vitest';
import { draftFacts } from '@/components/manager/drafts/draft-words';
import { readInJapanese } from '../locales/in-japanese';

// A Drafts row says what a draft of several posts is: in English 「3 posts, a thread」. In Japanese 「ポスト3件」 alone
// left out that the posts are one thread, not three drafts.

describe('a draft’s facts, read in Japanese', () => {
  it('say that a draft of several posts is a thread', () => {
    readInJapanese();
    expect(draftFacts({ postCount: 3, mediaCount: 2 })).toBe('ポスト3件のスレッド · 画像・動画2件');
  });

  it('say nothing of a thread for one post', () => {
    readInJapanese();
    expect(draftFacts({ postCount: 1, mediaCount: 2 })).toBe('画像・動画2件');
  });
});
