import { describe, expect, it } from 'vitest';
import { TabFollower } from '@/entrypoints/popup/tab-follower';
import type { ActionBrief } from '@/lib/messaging';

/** Read again, pressed while a read of the tab is under way, waits on a read of its own and says that read's failure. */

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
