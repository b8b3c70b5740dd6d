import { useEffect, type RefObject } from 'react';

/**
 * Where the popup's first action is: the post's or profile's action row. Not the composer's text: it fills in after
 * the account header, and focus landing there late would take the person's first Tab past the header.
 */
const FIRST_ACTION = ['.quick-actions button:not([disabled], [aria-disabled="true"])', '.quick-actions a[href]'];
/** The line that says what is loading (the post, the profile, the List, the composer) until its part is drawn. */
const LOADING = '[aria-busy="true"]';
/** Where a read that ended without actions leaves the focus (X refused it): its Read again, else its alert line. */
const READ_FAILED = ['.read-again-row button:not([disabled])', '[role="alert"]'];

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

/** Read again (or the alert saying the read failed) in `within`, never the gate's. */
function readFailedIn(within: ParentNode): HTMLElement | undefined {
  for (const selector of READ_FAILED) {
    const target = within.querySelector<HTMLElement>(selector);
    if (target && !inGate(target)) return target;
  }
  return undefined;
}

/**
 * Puts focus on the popup's first action once it appears (the panels fill in after X answers), so a keyboard user
 * starts where the popup's work is. Never the "opened by another page" gate's button, and never once the person has
 * moved focus or clicked themselves — except by pressing the gate's button, which opens the actions: the person who
 * pressed it (with Tab and Enter as much as with a click) goes on to the first of them, and while they load the focus
 * waits on the line saying so, not on the page, where the gate's button went from under it; a read that fails
 * there leaves it on Read again.
 */
export function useFirstActionFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let done = false;
    let opened = false;
    let waiting: HTMLElement | undefined;
    // The tabindex given to the loading line so it could hold the focus, taken back when the wait ends.
    let lent: HTMLElement | undefined;
    const observer = new MutationObserver(() => tryFocus());
    const stop = () => {
      done = true;
      observer.disconnect();
      lent?.removeAttribute('tabindex');
      lent = undefined;
    };
    const start = () => {
      done = false;
      observer.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
      tryFocus();
    };
    const onPerson = (e: Event) => {
      if (!inGate(e.target)) stop();
    };
    const onGatePressed = (e: Event) => {
      if (!inGate(e.target)) return;
      opened = true;
      start();
    };
    function tryFocus() {
      if (done) return;
      const current = document.activeElement;
      if (current && current !== document.body && current !== waiting && !inGate(current)) return stop();
      const target = firstActionIn(el!);
      if (target) {
        target.focus();
        return stop();
      }
      if (!opened || current !== document.body) return;
      const loading = el!.querySelector<HTMLElement>(LOADING);
      if (loading) {
        if (waiting !== loading) lent?.removeAttribute('tabindex');
        waiting = loading;
        if (!loading.hasAttribute('tabindex')) {
          loading.tabIndex = -1;
          lent = loading;
        }
        loading.focus();
        return;
      }
      // The read ended without actions (X refused it): the focus goes to what the person can do next, not the page.
      const failed = waiting ? readFailedIn(el!) : undefined;
      if (!failed) return;
      if (failed.getAttribute('role') === 'alert' && !failed.hasAttribute('tabindex')) failed.tabIndex = -1;
      failed.focus();
      stop();
    }
    document.addEventListener('pointerdown', onPerson, true);
    document.addEventListener('keydown', onPerson, true);
    document.addEventListener('click', onGatePressed, true);
    start();
    return () => {
      stop();
      document.removeEventListener('pointerdown', onPerson, true);
      document.removeEventListener('keydown', onPerson, true);
      document.removeEventListener('click', onGatePressed, true);
    };
  }, [root]);
}
