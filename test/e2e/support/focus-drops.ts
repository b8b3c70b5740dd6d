/**
 * Watching for the focus falling to the page itself (the body) while a step is under way, in either driver: a keyboard
 * user's next Tab then starts again from the top. The watcher runs in the page (self-contained: no imports, no outer
 * names); it looks after every change to the page and every frame, so a drop that lasts until X answers is seen,
 * until the test reads what it saw (`focusDrops`), which ends the watch.
 */

/** What the watcher keeps on the page's window. */
interface Watch {
  perchFocusDrops?: string[];
  perchFocusLast?: string;
  /** Ends the watch: no more frames asked for, the page's changes no longer observed. */
  perchFocusStop?: () => void;
}

/** In the page: starts noting each moment the focus is on the page itself (what had it last, and when). */
export function watchFocusDrops(): void {
  const w = window as unknown as Watch;
  w.perchFocusStop?.();
  const drops: string[] = [];
  w.perchFocusDrops = drops;
  const check = () => {
    const at = document.activeElement;
    if (at && at !== document.body) {
      w.perchFocusLast = `${at.tagName.toLowerCase()} “${(at.getAttribute('aria-label') ?? at.textContent ?? '').trim().slice(0, 60)}”`;
      return;
    }
    const drop = `after ${w.perchFocusLast ?? 'nothing'}`;
    if (drops.at(-1) !== drop) drops.push(drop);
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  let frameId = 0;
  const frame = () => {
    check();
    frameId = requestAnimationFrame(frame);
  };
  frameId = requestAnimationFrame(frame);
  w.perchFocusStop = () => {
    observer.disconnect();
    cancelAnimationFrame(frameId);
    delete w.perchFocusStop;
  };
}

/**
 * In the page: where the focus fell to the page since `watchFocusDrops` (none: an empty list), and ends the watch, so
 * it does not run on for the page's life once the test has what it needs.
 */
export function focusDrops(): string[] {
  const w = window as unknown as Watch;
  w.perchFocusStop?.();
  return w.perchFocusDrops ?? [];
}
