import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { act, carriedSend, follow } from '@/entrypoints/popup/act';
import { pickSnapshot, snapshotDigest, snapshotEntry, SNAPSHOTS_KEPT, withSnapshot } from '@/entrypoints/popup/snapshot';
import { readCarried, SnapshotClicks } from '@/entrypoints/popup/snapshot-send';
import { wasSentHere } from '@/lib/failed-actions';
import { postContext } from './post-context';

const session = { accounts: [{ id: '1', name: 'Ada', username: 'ada' }], activeAccountId: '1', notice: null };
const post = postContext({
  post: { id: '20', text: 'hello', createdAt: '2026-11-30T10:00:00.000Z', mediaCount: 0, quoted: false },
  author: { id: '2', name: 'Grace Hopper', username: 'grace', following: false, followRequested: false, muted: false, blocked: false },
  actions: [{ seq: 4, type: 'like', state: 'done', notBefore: 0 }],
  rules: { reply: 'perch', quote: 'perch', block: 'x.com' },
});
const ok = (data: unknown) => ({ ok: true, data });

/** The popup's labels of the toggles' action types, as PostPanel's buttons show them. */
const NAMES = { bookmark: 'Bookmark', unbookmark: 'Remove bookmark', like: 'Like', unlike: 'Unlike', block: 'Block', unblock: 'Unblock' };
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

describe('a click on a painted toggle acts at once, exactly as React’s button would', () => {
  const ADA = '1';
  const params = { postId: '20', username: 'grace' };

  it('carries the very request React’s click sends, with what its screen shows while it is on its way', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { seq: 31 } } as never);
    for (const action of [
      { type: 'bookmark', params },
      { type: 'unlike', params },
      { type: 'undoRepost', params },
    ] as const) {
      sent.mockClear();
      const names = { [action.type]: 'Asked', other: 'Label while sending' };
      const carried = readCarried(carriedSend(ADA, action, names, [action.type, 'other']), ADA);
      await act(ADA, action);
      expect(sent).toHaveBeenCalledTimes(1);
      expect(carried?.request).toEqual(sent.mock.calls[0]![0]);
      expect(carried).toMatchObject({ label: 'Label while sending', pressed: true, note: 'Asked: Queued.' });
    }
    // Unbookmarking: on its way, the button is no longer pressed.
    expect(readCarried(carriedSend(ADA, { type: 'unbookmark', params }, NAMES, ['bookmark', 'unbookmark']), ADA)?.pressed).toBe(false);
  });

  it('carries nothing for an action Perch asks about first: Block is held for React’s own click', () => {
    expect(carriedSend(ADA, { type: 'block', params: { userId: '2', username: 'grace' } }, NAMES, ['block', 'unblock'])).toBeUndefined();
  });

  it('sends only what is carried, well formed, for this account', () => {
    const good = carriedSend(ADA, { type: 'like', params }, NAMES, ['like', 'unlike']);
    expect(readCarried(good, ADA)?.request).toEqual({ type: 'action.do', accountId: ADA, action: { type: 'like', params } });
    expect(readCarried(good, '2')).toBeUndefined();
    for (const bad of [null, undefined, '', '{', '[]', 'null', JSON.stringify({ ...JSON.parse(good!), label: 3 })]) {
      expect(readCarried(bad, ADA)).toBeUndefined();
    }
    expect(readCarried(JSON.stringify({ ...JSON.parse(good!), request: { type: 'tab.post', accountId: ADA } }), ADA)).toBeUndefined();
  });

  it('sends on the first click of a toggle, holds any other first click, and never acts on a second click', () => {
    const toggle = carriedSend(ADA, { type: 'bookmark', params }, NAMES, ['bookmark', 'unbookmark']);
    const first = new SnapshotClicks(ADA);
    expect(first.take(toggle)).toEqual({ send: readCarried(toggle, ADA) });
    expect(first.take(toggle)).toBeUndefined();
    expect(first.take(null)).toBeUndefined();
    // Reply, Quote, a link: no request carried, so held and made again on React's same button.
    const other = new SnapshotClicks(ADA);
    expect(other.take(null)).toEqual({ hold: true });
    expect(other.take(toggle)).toBeUndefined();
  });

  it('React follows the snapshot’s send as its own, without sending again', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const track = vi.fn();
    expect(await follow(Promise.resolve({ seq: 41 }), 'bookmark', track)).toBeUndefined();
    expect(track).toHaveBeenCalledWith(41, 'bookmark');
    // Its failure is this popup's to say on the button: no badge later.
    expect(wasSentHere(41)).toBe(true);
    const failed = vi.fn();
    const words = await follow(Promise.reject(new Error('The background is gone.')), 'bookmark', failed);
    expect(words).toContain('The background is gone.');
    expect(failed).not.toHaveBeenCalled();
    expect(sent).not.toHaveBeenCalled();
  });
});
