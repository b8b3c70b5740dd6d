import { describe, expect, it } from 'vitest';
import { pickSnapshot, snapshotDigest, snapshotEntry, SNAPSHOTS_KEPT, withSnapshot } from '@/entrypoints/popup/snapshot';

const session = { accounts: [{ id: '1', name: 'Ada', username: 'ada' }], activeAccountId: '1', notice: null };
const post = {
  kind: 'post',
  post: { id: '20', text: 'hello', createdAt: '2026-11-30T10:00:00.000Z' },
  author: { id: '2', username: 'grace' },
  bookmarked: false,
  liked: false,
  reposted: false,
  actions: [{ seq: 4, type: 'like', state: 'done', notBefore: 0 }],
  rules: { reply: 'perch', quote: 'perch', block: 'x.com' },
};
const ok = (data: unknown) => ({ ok: true, data });

describe('when the popup may paint its last first screen on a post', () => {
  it('stands for one answer exactly: another state, account or language is another digest', () => {
    const digest = snapshotDigest(ok(post), session, 'en-US');
    expect(digest).toBeDefined();
    expect(snapshotDigest(ok({ ...post }), session, 'en-US')).toBe(digest);
    // Bookmarked since (here or on the manager): the old screen would show Bookmark, so it is not this one.
    expect(snapshotDigest(ok({ ...post, bookmarked: true }), session, 'en-US')).not.toBe(digest);
    expect(snapshotDigest(ok({ ...post, actions: [{ ...post.actions[0], seq: 5 }] }), session, 'en-US')).not.toBe(digest);
    expect(snapshotDigest(ok(post), { ...session, activeAccountId: '3' }, 'en-US')).not.toBe(digest);
    expect(snapshotDigest(ok(post), session, 'ja')).not.toBe(digest);
  });

  it('stands for what X refused of the account too: Reply or Quote moved to x.com is another screen', () => {
    const none = { quote: false, reply: false };
    const digest = snapshotDigest(ok(post), session, 'en', none);
    expect(snapshotDigest(ok(post), session, 'en', { ...none })).toBe(digest);
    expect(snapshotDigest(ok(post), session, 'en', { ...none, quote: true })).not.toBe(digest);
    expect(snapshotDigest(ok(post), session, 'en', { ...none, reply: true })).not.toBe(digest);
  });

  it('is never made from a failure, a post not loaded, an action on its way or a post in its edit window', () => {
    expect(snapshotDigest({ ok: false, error: { kind: 'x', message: 'no' } }, session, 'en')).toBeUndefined();
    expect(snapshotDigest(undefined, session, 'en')).toBeUndefined();
    expect(snapshotDigest(ok({ ...post, post: null }), session, 'en')).toBeUndefined();
    expect(snapshotDigest(ok({ ...post, error: { kind: 'network', message: 'offline' } }), session, 'en')).toBeUndefined();
    expect(snapshotDigest(ok({ ...post, kind: 'profile' }), session, 'en')).toBeUndefined();
    for (const state of ['queued', 'sending']) {
      expect(snapshotDigest(ok({ ...post, actions: [{ seq: 9, type: 'bookmark', state, notBefore: 0 }] }), session, 'en')).toBeUndefined();
    }
    expect(
      snapshotDigest(ok({ ...post, edit: { editsRemaining: 5, editableUntil: '2026-11-30T11:00:00Z' } }), session, 'en'),
    ).toBeUndefined();
  });
});

describe('the kept snapshots', () => {
  const snap = (n: number) => ({ digest: `d${n}`, html: `<p>${n}</p>` });

  it('finds the one of this account and post only', () => {
    const kept = withSnapshot(undefined, snapshotEntry('1', 'post:20'), snap(1));
    expect(pickSnapshot(kept, snapshotEntry('1', 'post:20'))).toEqual(snap(1));
    expect(pickSnapshot(kept, snapshotEntry('1', 'post:21'))).toBeUndefined();
    expect(pickSnapshot(kept, snapshotEntry('2', 'post:20'))).toBeUndefined();
    expect(pickSnapshot('garbage', snapshotEntry('1', 'post:20'))).toBeUndefined();
    expect(pickSnapshot([['1 post:20', { digest: 1 }]], snapshotEntry('1', 'post:20'))).toBeUndefined();
  });

  it('keeps the latest few, one per post, the newest replacing the old one of its post', () => {
    let kept: unknown = undefined;
    for (let n = 0; n < SNAPSHOTS_KEPT + 2; n++) kept = withSnapshot(kept, snapshotEntry('1', `post:${n}`), snap(n));
    kept = withSnapshot(kept, snapshotEntry('1', `post:${SNAPSHOTS_KEPT + 1}`), snap(99));
    const list = kept as [string, unknown][];
    expect(list).toHaveLength(SNAPSHOTS_KEPT);
    expect(list[0]).toEqual(['1 post:' + (SNAPSHOTS_KEPT + 1), snap(99)]);
    expect(pickSnapshot(kept, snapshotEntry('1', 'post:0'))).toBeUndefined();
  });
});
