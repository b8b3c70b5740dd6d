import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDb } from '@/lib/db';
import type { PostContext, ProfileContext } from '@/lib/messaging';

/** The words the popup gets when Perch's background cannot be reached (a tab read that fails). */
export const CUT = 'Perch’s background could not be reached. Try again.';

/**
 * The page a popup panel is drawn on, for each test of the file: an empty database and browser, the popup's own
 * address (opened on the tab, not reopened from a draft), and the page's own `Event` (the panel tells the snapshot
 * what it shows with one); all put back after each test.
 */
export function withPopupPage(): void {
  beforeEach(() => {
    resetDb();
    fakeBrowser.reset();
    vi.stubGlobal('location', { search: '' });
    vi.stubGlobal('Event', parseHTML('').window.Event);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    resetDb();
  });
}

/** Stubs the global `MutationObserver` (for a test's duration) with the test page's own: the popup's hooks watch it. */
export function stubPageMutationObserver(): void {
  vi.stubGlobal(
    'MutationObserver',
    class {
      constructor(callback: MutationCallback) {
        const { MutationObserver } = (globalThis as unknown as { window: { MutationObserver: typeof globalThis.MutationObserver } }).window;
        return new MutationObserver(callback);
      }
    },
  );
}

/** The background as a test steers it; see `answerTab`. */
export interface TabBackground {
  /** A tab read: `answer`s the context, `fail`s as a background cut off would, or waits (`hold`) in `held`. */
  mode: 'answer' | 'fail' | 'hold';
  /** The held reads, first asked first: call one with true to answer it, false to fail it. */
  held: ((ok: boolean) => void)[];
  /** How many tab reads the popup asked for. */
  reads: number;
  /** The seq the next `action.do` answers with. */
  seq: number;
}

/**
 * The background the popup talks to: `tab` (`tab.post` or `tab.profile`) answers `context` (or what `context()`
 * returns at each read) as `mode` says; `action.do` answers with the next action number, from 9; anything else, null.
 */
export function answerTab(
  tab: 'tab.post' | 'tab.profile',
  context: PostContext | ProfileContext | (() => PostContext | ProfileContext),
): TabBackground {
  const bg: TabBackground = { mode: 'answer', held: [], reads: 0, seq: 9 };
  const reply = (ok: boolean) =>
    ok
      ? { ok: true, data: typeof context === 'function' ? context() : context }
      : { ok: false, error: { kind: 'unreachable', message: CUT } };
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (message.type === 'action.do') return Promise.resolve({ ok: true, data: { seq: bg.seq++ } });
    if (message.type !== tab) return Promise.resolve({ ok: true, data: null });
    bg.reads++;
    if (bg.mode === 'hold') return new Promise((resolve) => bg.held.push((ok) => resolve(reply(ok))));
    return Promise.resolve(reply(bg.mode === 'answer'));
  }) as never);
  return bg;
}
