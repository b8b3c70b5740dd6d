/**
 * Watching for the focus falling to the page itself (the body) while a step is under way, in either driver: a keyboard
 * user's next Tab then starts again from the top. The watcher runs in the page (self-contained: no imports, no outer
 * names); it looks after every change to the page and every frame, so a drop that lasts until X answers is seen.
 */

/** In the page: starts noting each moment the focus is on the page itself (what had it last, and when). */
export function watchFocusDrops(): void {
  const w = window as unknown as { perchFocusDrops?: string[]; perchFocusLast?: string };
  w.perchFocusDrops = [];
  const check = () => {
    const at = document.activeElement;
    if (at && at !== document.body) {
      w.perchFocusLast = `${at.tagName.toLowerCase()} “${(at.getAttribute('aria-label') ?? at.textContent ?? '').trim().slice(0, 60)}”`;
      return;
    }
    const drop = `after ${w.perchFocusLast ?? 'nothing'}`;
    if (w.perchFocusDrops!.at(-1) !== drop) w.perchFocusDrops!.push(drop);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = () => {
    check();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** In the page: where the focus fell to the page since `watchFocusDrops` (none: an empty list). */
export function focusDrops(): string[] {
  return (window as unknown as { perchFocusDrops?: string[] }).perchFocusDrops ?? [];
}
