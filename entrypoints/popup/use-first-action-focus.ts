import { useEffect, type RefObject } from 'react';

/**
 * Where the popup's first action is: the post's or profile's action row. Not the composer's text: it fills in after
 * the account header, and focus landing there late would take the person's first Tab past the header.
 */
const FIRST_ACTION = ['.quick-actions button:not([disabled])', '.quick-actions a[href]'];

/** Whether `node` is in the "opened by another page" gate. */
const inGate = (node: EventTarget | Element | null) => node instanceof Element && node.closest('.popup-gate') !== null;

/** The popup's first action in `within` that takes the focus (an enabled button, else a link), never the gate's. */
export function firstActionIn(within: ParentNode): HTMLElement | undefined {
  for (const selector of FIRST_ACTION) {
    const target = within.querySelector<HTMLElement>(selector);
    if (target && !inGate(target)) return target;
  }
  return undefined;
}

/**
 * Puts focus on the popup's first action once it appears (the panels fill in after X answers), so a keyboard user
 * starts where the popup's work is. Never the "opened by another page" gate's button, and never once the person has
 * moved focus or clicked themselves.
 */
export function useFirstActionFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let done = false;
    const stop = () => {
      done = true;
      observer.disconnect();
      document.removeEventListener('pointerdown', onPerson, true);
      document.removeEventListener('keydown', onPerson, true);
    };
    // The gate's click opens the popup's actions: focus still goes to the first of them after it.
    const onPerson = (e: Event) => {
      if (!inGate(e.target)) stop();
    };
    const tryFocus = () => {
      if (done) return;
      const current = document.activeElement;
      if (current && current !== document.body && !inGate(current)) return stop();
      const target = firstActionIn(el);
      if (target) {
        target.focus();
        return stop();
      }
    };
    const observer = new MutationObserver(tryFocus);
    observer.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    document.addEventListener('pointerdown', onPerson, true);
    document.addEventListener('keydown', onPerson, true);
    tryFocus();
    return stop;
  }, [root]);
}
