import { useEffect, type RefObject } from 'react';

/**
 * A row of the popup's actions, and the controls in it the focus can be on: those a person can press and those shown
 * as unavailable but still in the Tab order (Requested, an action in flight), so a place counts the same either way.
 */
const ROW = '.quick-actions';
const CONTROLS = 'button:not([disabled]), a[href]';
/** The words said about what the last action did (Deleted.), where no row is left to go back to. */
const SAID = '[role="status"], [role="alert"]';

/**
 * Where the focus last was in an action row: the control, its row's name, its place among the row's controls, and the
 * panel (the post's or profile's section) it was in.
 */
interface Held {
  control: Element;
  /** The row itself, and its name (to find it again if React drew it afresh): only the author's row has one. */
  rowElement: Element;
  row: string | null;
  index: number;
  panel: Element | null;
}

/**
 * Keeps the focus in the popup when the action control that had it goes away under it: X refused Block as
 * Enterprise-only and the button became its x.com link, a relation X had not said became one button, your own post
 * was deleted and its row went. The browser drops the focus to the page then, and a keyboard user must start again
 * from the top; here it goes to what took the control's place — the control at the same place in the same row, else
 * the line in the same panel that says what happened (made focusable for it, as the manager's status lines are). A
 * row the composer took the place of (Reply pressed) hands it to the composer's first control until its box is drawn.
 */
export function useKeptFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const main = root.current;
    if (!main) return;
    let held: Held | undefined;
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      const row = target && main.contains(target) ? target.closest(ROW) : null;
      held =
        row && target
          ? {
              control: target,
              rowElement: row,
              row: row.getAttribute('aria-label'),
              index: [...row.querySelectorAll(CONTROLS)].indexOf(target),
              panel: row.closest('section'),
            }
          : undefined;
    };
    const onChange = () => {
      if (!held || held.control.isConnected) return;
      const at = document.activeElement;
      // The person (or a dialog closing) put the focus somewhere already: theirs to keep.
      if (at && at !== document.body) return;
      // The panel itself went: nothing of it is left to hold the focus.
      const panel = held.panel;
      if (!panel?.isConnected) return;
      // It holds the composer now (Reply, Quote, Post a link to it): the composer puts the focus in its box once drawn
      // (its code and draft load first); until then the focus waits on the first control there, Back to the post.
      if (panel.hasAttribute('data-composing')) return panel.querySelector<HTMLElement>(CONTROLS)?.focus();
      const rows = [...panel.querySelectorAll(ROW)];
      const named = held.row === null ? undefined : rows.find((r) => r.getAttribute('aria-label') === held?.row);
      const row = held.rowElement.isConnected ? held.rowElement : (named ?? rows[0]);
      const controls = row ? [...row.querySelectorAll<HTMLElement>(CONTROLS)] : [];
      const said = [...panel.querySelectorAll<HTMLElement>(SAID)].filter((el) => el.textContent?.trim()).pop();
      const to = controls[Math.min(Math.max(held.index, 0), controls.length - 1)] ?? said;
      if (!to) return;
      if (to === said && !to.hasAttribute('tabindex')) to.tabIndex = -1;
      to.focus();
    };
    const observer = new MutationObserver(onChange);
    observer.observe(main, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [root]);
}
