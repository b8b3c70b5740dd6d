import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusDrops, watchFocusDrops } from '../../e2e/support/focus-drops';

/**
 * The end-to-end watcher for the focus falling to the page (test/e2e/support/focus-drops.ts) looks every frame and on
 * every change to the page. Before, it asked for frames for the rest of the page's life, long after the spec had read
 * what it saw; reading it now ends the watch. Run here on a stand-in page whose frames and observers are counted.
 */

/** A stand-in page: its frames run when `frames()` is called, and it says what is still asked of it. */
function standInPage() {
  const body = { tagName: 'BODY' };
  const doc = { body, activeElement: body as unknown };
  let pending = new Map<number, () => void>();
  let next = 1;
  let observing = 0;
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', doc);
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => (pending.set(next, cb), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => pending.delete(id));
  vi.stubGlobal(
    'MutationObserver',
    class {
      observe() {
        observing++;
      }
      disconnect() {
        observing--;
      }
    },
  );
  return {
    doc,
    frames() {
      const now = pending;
      pending = new Map();
      for (const cb of now.values()) cb();
    },
    framesAsked: () => pending.size,
    observing: () => observing,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the focus-drop watcher', () => {
  it('notes the focus on the page, and stops looking once the test has read it', () => {
    const page = standInPage();
    watchFocusDrops();
    page.frames();
    page.frames();
    expect(page.framesAsked()).toBe(1);
    expect(page.observing()).toBe(1);

    expect(focusDrops()).toEqual(['after nothing']);
    expect(page.framesAsked(), 'no frame asked for after the drops are read').toBe(0);
    expect(page.observing(), 'the page no longer observed').toBe(0);
    page.frames();
    expect(page.framesAsked()).toBe(0);
  });

  it('keeps what it saw readable after the watch ends', () => {
    const page = standInPage();
    page.doc.activeElement = { tagName: 'BUTTON', getAttribute: () => 'Delete', textContent: 'Delete' };
    watchFocusDrops();
    page.frames();
    page.doc.activeElement = page.doc.body;
    page.frames();
    expect(focusDrops()).toEqual(['after button “Delete”']);
    expect(focusDrops()).toEqual(['after button “Delete”']);
  });
});
