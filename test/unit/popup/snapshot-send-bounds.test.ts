import { describe, expect, it } from 'vitest';
import { readCarried, SnapshotClicks } from '@/entrypoints/popup/snapshot-send';
import { ACTION_TYPES, type ActionType } from '@/lib/action-types';

// A click on the popup's painted snapshot sends the request its button carries (data-perch-send) before React runs.
// The snapshot's HTML is kept in storage.session; whatever it carries, such a click may only do what React's toggles
// do there — bookmark, like or repost that very post, or undo it — never anything else a button's label could hide.
const ADA = '1';
const carried = (action: object) =>
  JSON.stringify({
    request: { type: 'action.do', accountId: ADA, action },
    label: 'Bookmarked',
    pressed: true,
    note: 'Sending…',
    failed: 'Not sent',
  });

describe('what a click on a painted snapshot may send', () => {
  it.each([
    ['delete a post', { type: 'post.delete', params: { postId: '20' } }],
    ['mute someone', { type: 'mute', params: { userId: '2', username: 'grace' } }],
    ['block someone', { type: 'block', params: { userId: '2', username: 'grace' } }],
    ['unfollow someone', { type: 'unfollow', params: { userId: '2', username: 'grace' } }],
    ['delete a List', { type: 'list.delete', params: { listId: '9' } }],
  ])('never sends a request to %s: the click waits for React’s own button', (_, action) => {
    expect(readCarried(carried(action), ADA)).toBeUndefined();
    expect(new SnapshotClicks(ADA, '20').take(carried(action))).toEqual({ hold: true });
  });

  it('sends a toggle only on the snapshot’s own post', () => {
    const other = carried({ type: 'like', params: { postId: '21', username: 'grace' } });
    expect(new SnapshotClicks(ADA, '20').take(other)).toEqual({ hold: true });
    const own = carried({ type: 'like', params: { postId: '20', username: 'grace' } });
    expect(new SnapshotClicks(ADA, '20').take(own)).toEqual({ send: readCarried(own, ADA, '20') });
  });

  // snapshot-send.ts spells its toggles out (the head script carries no registry): they must stay the registry's post
  // toggles, the entries lib/action-types.ts builds with postToggle (the only ones with words for an unnamed author).
  it('sends exactly the post toggles of the action registry, no more and no fewer', () => {
    const types = Object.keys(ACTION_TYPES) as ActionType[];
    const sent = types.filter((type) => readCarried(carried({ type, params: { postId: '20' } }), ADA, '20') !== undefined);
    const toggles = types.filter((type) => 'anonymous' in ACTION_TYPES[type]);
    expect(sent).toEqual(toggles);
    expect(toggles).toEqual(expect.arrayContaining(['bookmark', 'like', 'repost', 'undoRepost']));
    // The comparison notices one toggle missing from snapshot-send.ts's copy (the canary: that copy less one entry).
    expect(sent.slice(1)).not.toEqual(toggles);
  });
});
