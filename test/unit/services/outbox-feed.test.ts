import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFeedPublisher, OUTBOX_FEED_KEY, watchOutbox, type ActionChange, type OutboxFeed } from '@/lib/services/outbox-feed';

const ADA = '1585841080431321088';
const GRACE = '1452871219391512578';
const change = (seq: number, state: ActionChange['state'], accountId = ADA): ActionChange => ({
  accountId,
  seq,
  type: 'bookmark',
  state,
  notBefore: 0,
});

describe('the outbox’s published changes', () => {
  it('reach a watcher in order, each action at its latest state, only for its account', async () => {
    const publish = createFeedPublisher(fakeBrowser.storage.session);
    const seen: ActionChange[][] = [];
    const stop = watchOutbox(ADA, (changes) => seen.push(changes));
    void publish(change(1, 'queued'));
    void publish(change(1, 'sending'));
    void publish(change(2, 'queued', GRACE));
    await publish(change(1, 'done'));
    expect(seen.map((changes) => changes.map((c) => `${c.seq}:${c.state}`))).toEqual([
      ['1:queued'],
      ['1:sending'],
      ['1:sending'],
      ['1:done'],
    ]);
    stop();
    await publish(change(3, 'queued'));
    expect(seen).toHaveLength(4);
  });

  it('remembers the last twenty actions only', async () => {
    const set = vi.fn(async () => undefined);
    const publish = createFeedPublisher({ set });
    for (let seq = 1; seq <= 25; seq++) void publish(change(seq, 'queued'));
    await publish(change(25, 'done'));
    const feed = (set.mock.calls.at(-1) as unknown as [Record<string, { rev: number; changes: ActionChange[] }>])[0]['outbox.feed']!;
    expect(feed.rev).toBe(26);
    expect(feed.changes.map((c) => c.seq)).toEqual([...Array(20).keys()].map((i) => i + 6));
    expect(feed.changes.at(-1)?.state).toBe('done');
  });

  it('keeps publishing after a write fails', async () => {
    const set = vi.fn().mockRejectedValueOnce(new Error('quota')).mockResolvedValue(undefined);
    const publish = createFeedPublisher({ set });
    await publish(change(1, 'queued'));
    await publish(change(1, 'done'));
    expect(set).toHaveBeenCalledTimes(2);
  });

  it('does not bring back the changes of an account that signed out when the next action is published', async () => {
    const publish = createFeedPublisher(fakeBrowser.storage.session);
    await publish(change(1, 'done'));
    await publish(change(2, 'queued', GRACE));
    const stored = (await fakeBrowser.storage.session.get(OUTBOX_FEED_KEY))[OUTBOX_FEED_KEY] as OutboxFeed;
    // What the sign-out of Ada does to the feed (lib/storage-wipe.ts).
    await fakeBrowser.storage.session.set({
      [OUTBOX_FEED_KEY]: { ...stored, changes: stored.changes.filter((c) => c.accountId !== ADA) },
    });
    await publish(change(2, 'done', GRACE));
    const after = (await fakeBrowser.storage.session.get(OUTBOX_FEED_KEY))[OUTBOX_FEED_KEY] as OutboxFeed;
    expect(after.changes.map((c) => `${c.accountId === ADA ? 'ada' : 'grace'}:${c.seq}:${c.state}`)).toEqual(['grace:2:done']);
    expect(after.rev).toBeGreaterThan(stored.rev);
  });
});
