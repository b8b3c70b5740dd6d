import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickSnapshot, runSnapshot, snapshotEntry, SNAPSHOTS_KEY, withSnapshot } from '@/entrypoints/popup/snapshot';
import { postContext } from './post-context';

/**
 * Keeping a popup's screen as the next snapshot (entrypoints/popup/snapshot.ts) in a page: the kept list is the one
 * in storage when the screen is kept, not the one read when the popup opened.
 */

const session = { accounts: [{ id: '1', name: 'Ada', username: 'ada' }], activeAccountId: '1', notice: null };
const answer = { ok: true, data: postContext({ post: { id: '20', text: 'hello', mediaCount: 0, quoted: false } }) };

const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, document: g.document, MutationObserver: g.MutationObserver };
afterEach(() => Object.assign(g, saved));

/** A popup page whose root is there, as popup.html has it, made the global page. */
function page() {
  const { window, document } = parseHTML('<!doctype html><html><head></head><body><div id="root"></div></body></html>');
  Object.assign(g, { window, document, MutationObserver: window.MutationObserver });
  return document.getElementById('root')!;
}

/** storage.session as the popup sees it: what another popup writes meanwhile is what the next read returns. */
function sessionStorage(initial: unknown) {
  let kept: unknown = initial;
  return {
    get: vi.fn(async (key: string) => (key === SNAPSHOTS_KEY ? { [SNAPSHOTS_KEY]: kept } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      kept = items[SNAPSHOTS_KEY];
    }),
    writeElsewhere: (next: unknown) => {
      kept = next;
    },
    read: () => kept,
  };
}

describe('a popup keeps its first screen beside what other popups kept meanwhile', () => {
  it('reads the kept list again before writing: a screen another popup kept while this one was open stays', async () => {
    const root = page();
    const other = snapshotEntry('1', 'post:30');
    const older = snapshotEntry('1', 'post:40');
    const opened = withSnapshot(undefined, older, { digest: 'd40', html: '<p>40</p>' });
    const storage = sessionStorage(opened);
    runSnapshot({
      storage,
      accountId: '1',
      key: 'post:20',
      reply: Promise.resolve(answer),
      session,
      language: 'en',
      refusals: Promise.resolve(null),
      stored: Promise.resolve({ [SNAPSHOTS_KEY]: opened }),
    });
    // Another popup, open on another post, keeps its screen while this one is still open.
    storage.writeElsewhere(withSnapshot(opened, other, { digest: 'd30', html: '<p>30</p>' }));
    // React's first screen here; it stands still, untouched, and is kept.
    const panel = root.ownerDocument.createElement('section');
    panel.className = 'post-panel';
    panel.textContent = 'hello';
    root.append(panel);
    await vi.waitFor(() => expect(storage.set).toHaveBeenCalledTimes(1), { timeout: 5000 });
    const kept = storage.read();
    expect(pickSnapshot(kept, snapshotEntry('1', 'post:20'))?.html).toContain('hello');
    expect(pickSnapshot(kept, other)).toEqual({ digest: 'd30', html: '<p>30</p>' });
    expect(pickSnapshot(kept, older)).toEqual({ digest: 'd40', html: '<p>40</p>' });
  });
});
