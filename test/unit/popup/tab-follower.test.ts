import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { TabFollower, shownState } from '@/entrypoints/popup/tab-follower';
import { db } from '@/lib/db';
import type { ActionBrief } from '@/lib/messaging';
import { Outbox, type ActionDef } from '@/lib/services/outbox';
import { createFeedPublisher, watchOutbox } from '@/lib/services/outbox-feed';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { withEmptyStore } from '../support/store';

/**
 * The popup follows an action it sent through the outbox's publications, reading the tab only once it is done (or
 * refused): never polling. A read that crosses a click: tab-follower-crossing.test.ts; Read again pressed during a
 * read: tab-follower-read-again.test.ts.
 */

const ACCOUNT = '1585841080431321088';
const POST = '1960673648440250273';
let now = 1_800_000_000_000;

/** A bookmark as the popup sends it: the optimistic change is a row in `bookmarks`. */
const bookmark: ActionDef = {
  target: (p) => `post:${String(p.postId)}`,
  tables: (d) => [d.bookmarks],
  async apply(d, accountId, p) {
    await d.bookmarks.put({ accountId, postId: String(p.postId), position: now, folderIds: [], searchText: '' });
    return null;
  },
  async rollback(d, accountId, p) {
    await d.bookmarks.delete([accountId, String(p.postId)]);
  },
  async execute(client, accountId, p) {
    await client.request({ method: 'POST', path: `/2/users/${accountId}/bookmarks`, body: { tweet_id: p.postId }, schema: z.unknown() });
  },
  idempotent: true,
};

/** X answering each request from a script: 'ok', or an error to throw. */
function fakeX(...script: ('ok' | XApiError)[]): XClient {
  return {
    request: vi.fn(async () => {
      const step = script.shift() ?? 'ok';
      if (step !== 'ok') throw step;
      return { body: {}, status: 200, rateLimit: undefined };
    }),
  } as unknown as XClient;
}

interface Ctx {
  bookmarked: boolean;
  actions: ActionBrief[];
}

/** The background's `tab.post`, reduced to what the popup's button shows: counted, since each is a message. */
async function readTab(): Promise<Ctx> {
  const d = db();
  const latest = (await d.actions.orderBy('seq').reverse().toArray()).find((a) => a.type === 'bookmark');
  return {
    bookmarked: !!(await d.bookmarks.get([ACCOUNT, POST])),
    actions: latest
      ? [
          {
            seq: latest.seq!,
            type: latest.type,
            state: latest.state,
            notBefore: latest.notBefore,
            ...(latest.error ? { error: latest.error } : {}),
          },
        ]
      : [],
  };
}

/** A popup on the post: the outbox publishing into storage.session, the follower watching it. */
async function popupOn(client: XClient) {
  const publish = createFeedPublisher(fakeBrowser.storage.session);
  const outbox = new Outbox({
    defs: { bookmark },
    clientFor: async () => client,
    wakeAt: () => undefined,
    publish: (c) => void publish(c),
    now: () => now,
    random: () => 0.5,
  });
  const read = vi.fn(readTab);
  const shown: Ctx[] = [];
  const follower = new TabFollower<Ctx>({
    read,
    watch: (onChange) => watchOutbox(ACCOUNT, onChange),
    show: (c) => shown.push(c),
    fail: (e) => {
      throw e;
    },
  });
  const stop = follower.start();
  await vi.waitFor(() => expect(shown).toHaveLength(1));
  read.mockClear();
  /** The person presses Bookmark: `action.do`, then the panel follows the action it answered with. */
  const click = async () => {
    const row = await outbox.enqueue(ACCOUNT, 'bookmark', { postId: POST });
    follower.track(row.seq!, 'bookmark');
    return row.seq!;
  };
  const last = () => shown.at(-1)!;
  /** Waits for the popup's read of the tab after the action settled, and for what it showed. */
  const reread = async () => {
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
    await read.mock.results.at(-1)!.value;
    await new Promise((r) => setTimeout(r, 10));
  };
  return { outbox, read, shown, last, click, stop, reread };
}

withEmptyStore();
beforeEach(() => {
  now = 1_800_000_000_000;
});

describe('the popup follows an action to its end without polling', () => {
  it('reads the tab once from the click to "done", and the button settles as bookmarked', async () => {
    const p = await popupOn(fakeX('ok'));
    await p.click();
    await p.outbox.idle(ACCOUNT);
    await p.reread();
    expect(p.last().actions[0]?.state).toBe('done');
    expect(p.last().bookmarked).toBe(true);
    expect(p.read).toHaveBeenCalledTimes(1);
    // From the click on, the button never went back to Bookmark: not even between "done" and the read after it,
    // when a click would have bookmarked again instead of removing the bookmark.
    expect(p.shown.slice(1).map((c) => shownState(c.bookmarked, c.actions[0], 'bookmark'))).not.toContain(false);
    p.stop();
  });

  it('waits out X’s 429 shown from the publication alone, then reads once when it is done', async () => {
    const reset = Math.ceil(now / 1000) + 60;
    const p = await popupOn(fakeX(new XApiError('rate-limited', { status: 429, rateLimitReset: reset }), 'ok'));
    await p.click();
    await p.outbox.idle(ACCOUNT);
    // Queued until X's reset, with X's reason: known from the publication, no request.
    await vi.waitFor(() => expect(p.last().actions[0]).toMatchObject({ state: 'queued', error: { kind: 'rate-limited' } }));
    expect(p.last().actions[0]!.notBefore).toBeGreaterThanOrEqual(reset * 1000);
    expect(shownState(p.last().bookmarked, p.last().actions[0], 'bookmark')).toBe(true);
    expect(p.read).not.toHaveBeenCalled();

    now = reset * 1000 + 2_000;
    await p.outbox.wake();
    await p.reread();
    expect(p.last().actions[0]?.state).toBe('done');
    expect(p.last().bookmarked).toBe(true);
    expect(p.read).toHaveBeenCalledTimes(1);
    p.stop();
  });

  it('reads once when X refuses, and the button goes back to what it was', async () => {
    const p = await popupOn(fakeX(new XApiError('forbidden', { status: 403 })));
    await p.click();
    await p.outbox.idle(ACCOUNT);
    await p.reread();
    expect(p.last().actions[0]?.state).toBe('failed');
    expect(p.last().bookmarked).toBe(false);
    expect(shownState(p.last().bookmarked, p.last().actions[0], 'bookmark')).toBe(false);
    expect(p.read).toHaveBeenCalledTimes(1);
    p.stop();
  });

  it('stops listening when the popup closes', async () => {
    const p = await popupOn(fakeX('ok'));
    p.stop();
    await p.click();
    await p.outbox.idle(ACCOUNT);
    await new Promise((r) => setTimeout(r, 20));
    expect(p.last().actions[0]?.state).toBe('queued');
    expect(p.read).not.toHaveBeenCalled();
  });
});
