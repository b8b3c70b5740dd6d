import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { TabFollower, shownState } from '@/entrypoints/popup/tab-follower';
import { db } from '@/lib/db';
import type { ActionBrief } from '@/lib/messaging';
import { Outbox, type ActionDef } from '@/lib/services/outbox';
import { createFeedPublisher, watchOutbox, type ActionChange } from '@/lib/services/outbox-feed';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { withEmptyStore } from '../support/store';

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

describe('a read that crosses a click', () => {
  interface LikeCtx {
    liked: boolean;
    actions: ActionBrief[];
  }
  const done = (seq: number, type: string): ActionBrief => ({ seq, type, state: 'done', notBefore: 0 });

  /**
   * A follower whose reads answer from `answers` in turn (past them, `otherwise`, or a read that waits for `release`),
   * with the outbox's publications in the test's hands. `reads` counts the reads.
   */
  function scripted(answers: LikeCtx[], otherwise?: LikeCtx) {
    const s = {
      answers,
      shown: [] as LikeCtx[],
      reads: 0,
      publish: (_changes: ActionChange[]): void => undefined,
      release: (_context: LikeCtx): void => undefined,
    };
    const follower = new TabFollower<LikeCtx>({
      read: () => {
        s.reads++;
        const next = s.answers.shift() ?? otherwise;
        return next ? Promise.resolve(next) : new Promise<LikeCtx>((resolve) => (s.release = resolve));
      },
      watch: (onChange) => {
        s.publish = onChange;
        return () => undefined;
      },
      show: (c) => s.shown.push(c),
      fail: (e) => {
        throw e;
      },
    });
    follower.start();
    return { ...s, follower, get: () => s };
  }

  it('keeps following the action sent meanwhile, and reads again once it settles', async () => {
    // X's truth, as the store would answer a read: the like done, then the unlike done.
    const x = scripted([{ liked: true, actions: [done(1, 'like')] }]);
    const { shown, follower } = x;
    await vi.waitFor(() => expect(shown.at(-1)?.liked).toBe(true));
    // A read begins (e.g. after the like settled) and is slow; meanwhile the person presses Unlike.
    const slow = follower.refresh();
    follower.track(2, 'unlike');
    expect(shown.at(-1)!.actions[0]).toMatchObject({ seq: 2, type: 'unlike' });
    // The slow read answers from before the click: it does not know the unlike.
    x.get().release({ liked: true, actions: [done(1, 'like')] });
    await slow;
    expect(shown.at(-1)!.actions[0]).toMatchObject({ seq: 2, type: 'unlike' });
    expect(shownState(shown.at(-1)!.liked, shown.at(-1)!.actions[0], 'like')).toBe(false);
    // The unlike settles: the popup reads again and shows X's state.
    x.answers.push({ liked: false, actions: [done(2, 'unlike'), done(1, 'like')] });
    x.get().publish([{ accountId: ACCOUNT, seq: 2, type: 'unlike', state: 'done', notBefore: 0 }]);
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ liked: false }));
    expect(x.get().reads).toBe(3);
    // Between the click and X's answer read back, the button said Like (the unlike's state) throughout.
    expect(shown.slice(2).map((c) => shownState(c.liked, c.actions[0], 'like'))).not.toContain(true);
  });

  it('reads once more when the action settled before a crossing read could list it, then shows the store', async () => {
    const x = scripted([{ liked: false, actions: [] }]);
    const { shown, follower } = x;
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    const slow = follower.refresh();
    // The like is done before its `action.do` answer reaches the popup, and the slow read began before the click.
    x.get().publish([{ accountId: ACCOUNT, seq: 1, type: 'like', state: 'done', notBefore: 0 }]);
    follower.track(1, 'like');
    x.answers.push({ liked: true, actions: [done(1, 'like')] });
    x.get().release({ liked: false, actions: [] });
    await slow;
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ liked: true, actions: [done(1, 'like')] }));
    expect(shown.slice(1).map((c) => shownState(c.liked, c.actions[0], 'like'))).not.toContain(false);
    expect(x.get().reads).toBe(3);
  });

  it('reads again for a toggle the painted snapshot sent before the popup watched, done unseen (no "Queued." for good)', async () => {
    const x = scripted([]);
    const { shown, follower } = x;
    // The snapshot's Like went out before the popup's code loaded; it was done before the popup watched the outbox,
    // so no publication of it ever comes. The popup's first read is the answer asked before the click.
    follower.track(1, 'like', true);
    x.answers.push({ liked: true, actions: [done(1, 'like')] });
    x.get().release({ liked: false, actions: [] });
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ liked: true, actions: [done(1, 'like')] }));
    expect(x.get().reads).toBe(2);
  });

  it('reads again for such a toggle when the popup already shows the tab, and follows it to its end', async () => {
    const x = scripted([{ liked: false, actions: [] }]);
    const { shown, follower } = x;
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    x.answers.push({ liked: true, actions: [done(1, 'like')] });
    follower.track(1, 'like', true);
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ liked: true, actions: [done(1, 'like')] }));
    expect(x.get().reads).toBe(2);
  });

  it('lets go of an action the tab never lists after one more read (no endless reading)', async () => {
    const x = scripted([], { liked: false, actions: [] });
    const { shown, follower } = x;
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    x.get().publish([{ accountId: ACCOUNT, seq: 7, type: 'list.add', state: 'done', notBefore: 0 }]);
    follower.track(7, 'list.add');
    await new Promise((r) => setTimeout(r, 30));
    expect(x.get().reads).toBe(3);
    expect(shown.at(-1)!.actions).toEqual([]);
  });
});

describe('Read again pressed while a read is under way', () => {
  interface Ctx {
    liked: boolean;
    actions: ActionBrief[];
  }

  /** A follower whose every read waits for the test to answer it (`answer`), a context or a failure. */
  function held() {
    const pending: { resolve: (c: Ctx) => void; reject: (e: unknown) => void }[] = [];
    const shown: Ctx[] = [];
    const failed: unknown[] = [];
    const follower = new TabFollower<Ctx>({
      read: () => new Promise<Ctx>((resolve, reject) => pending.push({ resolve, reject })),
      watch: () => () => undefined,
      show: (c) => shown.push(c),
      fail: (e) => failed.push(e),
    });
    follower.start();
    const answer = async (with_: Ctx | Error) => {
      const read = pending.shift();
      if (!read) throw new Error('no read under way');
      if (with_ instanceof Error) read.reject(with_);
      else read.resolve(with_);
      await new Promise((r) => setTimeout(r, 0));
    };
    return { follower, pending, shown, failed, answer };
  }

  it('waits on the read the press asked for, not the one under way, and that read’s failure is said', async () => {
    const f = held();
    await f.answer({ liked: false, actions: [] });
    // A read begun before the press (an action settled), still on its way.
    void f.follower.refresh();
    expect(f.pending).toHaveLength(1);
    let pressEnded = false;
    const press = f.follower.refresh().finally(() => (pressEnded = true));
    // The read under way comes back: the press is still reading — its own read has only now begun.
    await f.answer({ liked: true, actions: [] });
    expect(pressEnded).toBe(false);
    expect(f.pending).toHaveLength(1);
    await f.answer(new Error('Perch’s background could not be reached.'));
    await press;
    expect(pressEnded).toBe(true);
    expect(f.failed).toHaveLength(1);
    // One read for the press, none after it.
    await new Promise((r) => setTimeout(r, 10));
    expect(f.pending).toHaveLength(0);
  });

  it('reads once for several presses during a read, and they all end with it', async () => {
    const f = held();
    await f.answer({ liked: false, actions: [] });
    void f.follower.refresh();
    let ended = 0;
    const presses = [f.follower.refresh(), f.follower.refresh()].map((p) => p.finally(() => ended++));
    await f.answer({ liked: false, actions: [] });
    expect(ended).toBe(0);
    expect(f.pending).toHaveLength(1);
    await f.answer({ liked: true, actions: [] });
    await Promise.all(presses);
    expect(f.shown.at(-1)).toEqual({ liked: true, actions: [] });
    await new Promise((r) => setTimeout(r, 10));
    expect(f.pending).toHaveLength(0);
  });
});
