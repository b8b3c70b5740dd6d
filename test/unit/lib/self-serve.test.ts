import { describe, expect, it } from 'vitest';
import { mayReply, postRules, profileRules, quoteOnXUrl, replyOnXUrl, tooManyCashtags, type PostSummons } from '../../../lib/self-serve';
import { profileUrl } from '../../../lib/x-url';

const ADA = { id: '100', username: 'AdaPerch' };
const GRACE = '200';
const none: PostSummons = { mentionIds: [], mentionUsernames: [] };

describe('mayReply: whether a self-serve app may reply as the account', () => {
  it.each<[string, { authorId?: string; summons?: PostSummons }, boolean]>([
    ['to a post by someone who did not mention or quote them', { authorId: GRACE, summons: none }, false],
    ['to a post that mentions them by id', { authorId: GRACE, summons: { ...none, mentionIds: ['100'] } }, true],
    [
      'to a post that mentions them by username, in any case',
      { authorId: GRACE, summons: { ...none, mentionUsernames: ['adaperch'] } },
      true,
    ],
    ['to a post that mentions someone else', { authorId: GRACE, summons: { mentionIds: ['300'], mentionUsernames: ['someone'] } }, false],
    ['to a post that quotes one of their posts', { authorId: GRACE, summons: { ...none, quotedAuthorId: '100' } }, true],
    ['to a post that quotes someone else', { authorId: GRACE, summons: { ...none, quotedAuthorId: '300' } }, false],
    ['to their own post', { authorId: '100', summons: none }, true],
    ['to a post whose summons are not known', { authorId: GRACE }, false],
  ])('%s: %s', (_, post, expected) => {
    expect(mayReply(post, ADA)).toBe(expected);
  });
});

describe('postRules: where reply, quote and block happen', () => {
  it('on a self-serve app: reply through Perch only where X allows it; quote and block on x.com', () => {
    expect(postRules(false, true)).toEqual({ reply: 'perch', quote: 'x.com', block: 'x.com' });
    expect(postRules(false, false)).toEqual({ reply: 'x.com', quote: 'x.com', block: 'x.com' });
  });
  it('on the Enterprise plan: everything through Perch', () => {
    expect(postRules(true, false)).toEqual({ reply: 'perch', quote: 'perch', block: 'perch' });
  });
  it('blocks a profile through Perch only on the Enterprise plan', () => {
    expect(profileRules(false)).toEqual({ block: 'x.com' });
    expect(profileRules(true)).toEqual({ block: 'perch' });
  });
});

describe('tooManyCashtags', () => {
  it('names the cashtags of a post with more than one on a self-serve app', () => {
    expect(tooManyCashtags('$AAPL beats $MSFT', false)).toEqual(['AAPL', 'MSFT']);
  });
  it('allows one cashtag, and any number on the Enterprise plan', () => {
    expect(tooManyCashtags('Only $AAPL today, it costs $5', false)).toBeUndefined();
    expect(tooManyCashtags('$AAPL beats $MSFT', true)).toBeUndefined();
  });
});

describe('x.com links', () => {
  it('reply, quote and profile addresses', () => {
    expect(replyOnXUrl('123')).toBe('https://x.com/intent/tweet?in_reply_to=123');
    expect(replyOnXUrl('123', 'Agreed!')).toBe('https://x.com/intent/tweet?in_reply_to=123&text=Agreed!');
    expect(quoteOnXUrl('gracehop', '123')).toBe('https://x.com/intent/tweet?url=https%3A%2F%2Fx.com%2Fgracehop%2Fstatus%2F123');
    // A quote X refused through the API carries its words to x.com's composer, before the address.
    expect(quoteOnXUrl('gracehop', '123', 'So true & well put')).toBe(
      'https://x.com/intent/tweet?text=So%20true%20%26%20well%20put&url=https%3A%2F%2Fx.com%2Fgracehop%2Fstatus%2F123',
    );
    expect(profileUrl('gracehop')).toBe('https://x.com/gracehop');
  });
});
