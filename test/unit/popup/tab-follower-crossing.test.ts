import { describe, expect, it, vi } from 'vitest';
import { TabFollower, shownState } from '@/entrypoints/popup/tab-follower';
import type { ActionBrief } from '@/lib/messaging';
import type { ActionChange } from '@/lib/services/outbox-feed';

/**
 * A read of the tab that answers from before the person's click must not undo what the button shows: the popup keeps
 * following the action sent meanwhile and reads again once it settles, and lets go of one the tab never lists.
 */

const ACCOUNT = '1585841080431321088';

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
