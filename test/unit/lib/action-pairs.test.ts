import { describe, expect, it } from 'vitest';
import { pairKey, takenOverBy, type PairedAction } from '@/lib/action-pairs';

/** The rule the Activity tab and the outbox share for "a later action took over from this one" (lib/action-pairs.ts). */

const row = (seq: number, type: string, params: Record<string, string>, state = 'done'): PairedAction => ({ seq, type, params, state });

describe('which later action takes over from an earlier one', () => {
  it('is the next action of the same pair on the same thing, waiting, being sent or done', () => {
    const log = [
      row(1, 'repost', { postId: '20' }),
      row(2, 'undoRepost', { postId: '20' }, 'queued'),
      row(3, 'like', { postId: '20' }),
      row(4, 'repost', { postId: '21' }),
    ];
    const later = takenOverBy(log);
    expect(later.get(1)?.seq).toBe(2);
    // A like is not a repost, another post is not this one.
    expect(later.has(3)).toBe(false);
    expect(later.has(4)).toBe(false);
    expect(later.has(2)).toBe(false);
  });

  it('skips failed and cancelled actions: they changed nothing on X', () => {
    const log = [
      row(1, 'mute', { userId: '7' }),
      row(2, 'unmute', { userId: '7' }, 'failed'),
      row(3, 'unmute', { userId: '7' }, 'sending'),
      row(4, 'follow', { userId: '7' }),
    ];
    const later = takenOverBy(log.reverse());
    expect(later.get(1)?.seq).toBe(3);
    expect(later.get(2)?.seq).toBe(3);
    // Follow and mute name the same account, but are not one pair.
    expect(later.has(3)).toBe(false);
  });

  it.each([
    ['like', 'unlike', { postId: '1' }],
    ['bookmark', 'unbookmark', { postId: '1' }],
    ['follow', 'unfollow', { userId: '1' }],
    ['mute', 'unmute', { userId: '1' }],
    ['block', 'unblock', { userId: '1' }],
    ['list.addMember', 'list.removeMember', { listId: '5', userId: '1' }],
    ['list.pin', 'list.unpin', { listId: '5' }],
    ['list.follow', 'list.unfollow', { listId: '5' }],
  ])('pairs %s with %s', (on, off, params) => {
    expect(pairKey({ type: on, params })).toBe(pairKey({ type: off, params }));
    expect(takenOverBy([row(1, on, params), row(2, off, params, 'queued')]).get(1)?.seq).toBe(2);
  });

  it('tells members of two Lists apart, and pairs no change, deletion or unknown type', () => {
    expect(pairKey({ type: 'list.addMember', params: { listId: '5', userId: '1' } })).not.toBe(
      pairKey({ type: 'list.removeMember', params: { listId: '6', userId: '1' } }),
    );
    for (const type of ['list.update', 'list.delete', 'list.create', 'post.delete', 'nonsense']) {
      expect(pairKey({ type, params: { listId: '5' } })).toBeUndefined();
    }
  });
});
