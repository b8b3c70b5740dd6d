import { useEffect, type RefObject } from 'react';
import { firstActionIn } from './use-first-action-focus';

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
  /** The row's place among its panel's rows (the others are unnamed). */
  rowIndex: number;
  index: number;
  panel: Element | null;
}

/**
 * Keeps the focus in the popup when the action control that had it goes away under it: X refused Block as
 * Enterprise-only and the button became its x.com link, a relation X had not said became one button, your own post
 * was deleted and its row went. The browser drops the focus to the page then, and a keyboard user must start again
 * from the top; here it goes to what took the control's place — the control at the same place in the same row, else
 * the line in the same panel that says what happened (made focusable for it, as the manager's status lines are). A
 * row the composer took the place of (Reply pressed) hands it to the composer's first control until its box is drawn;
 * when the composer goes (Back to the post, whose button goes with it), the focus goes back to the control at the place
 * of the one that opened it (Reply, Edit post), where the person left the post's actions.
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
              rowIndex: [...(row.closest('section') ?? main).querySelectorAll(ROW)].indexOf(row),
              index: [...row.querySelectorAll(CONTROLS)].indexOf(target),
              panel: row.closest('section'),
            }
          : undefined;
    };
    /** The control at `h`'s place in its panel, else the panel's line that says what happened; undefined: none. */
    const placeOf = (h: Held, panel: Element): HTMLElement | undefined => {
      const rows = [...panel.querySelectorAll(ROW)];
      const named = h.row === null ? undefined : rows.find((r) => r.getAttribute('aria-label') === h.row);
      const row = h.rowElement.isConnected ? h.rowElement : (named ?? rows[h.rowIndex] ?? rows[0]);
      const controls = row ? [...row.querySelectorAll<HTMLElement>(CONTROLS)] : [];
      const said = [...panel.querySelectorAll<HTMLElement>(SAID)].filter((el) => el.textContent?.trim()).pop();
      const to = controls[Math.min(Math.max(h.index, 0), controls.length - 1)] ?? said;
      if (to === said && to && !to.hasAttribute('tabindex')) to.tabIndex = -1;
      return to;
    };
    const onThePage = () => {
      const at = document.activeElement;
      return !at || at === document.body;
    };
    // The control that opened the composer in its panel, while the composer is there.
    let opener: Held | undefined;
    // A panel seen holding the composer that no control of this popup opened (the popup opened on a draft, from the
    // Drafts tab): when its composer goes, no place was left to go back to.
    let composed: Element | undefined;
    const onChange = () => {
      if (!opener) {
        if (composed && !(composed.isConnected && composed.hasAttribute('data-composing'))) {
          const panel = composed;
          composed = undefined;
          // Back to the post, on a popup opened on a draft: the focus goes where a popup's starts, its first action.
          if (panel.isConnected && onThePage()) {
            firstActionIn(panel)?.focus();
            return;
          }
        }
        composed ??= main.querySelector('[data-composing]') ?? undefined;
      }
      if (opener) {
        const panel = opener.panel;
        if (!panel?.isConnected) opener = undefined;
        else if (!panel.hasAttribute('data-composing')) {
          // The composer went (Back to the post): back to where the person opened it, unless the focus is elsewhere.
          const from = opener;
          opener = undefined;
          if (onThePage()) {
            placeOf(from, panel)?.focus();
            return;
          }
        }
      }
      if (!held || held.control.isConnected) return;
      // The person (or a dialog closing) put the focus somewhere already: theirs to keep.
      if (!onThePage()) return;
      // The panel itself went: nothing of it is left to hold the focus.
      const panel = held.panel;
      if (!panel?.isConnected) return;
      // It holds the composer now (Reply, Quote, Post a link to it): the composer puts the focus in its box once drawn
      // (its code and draft load first); until then the focus waits on the first control there, Back to the post.
      if (panel.hasAttribute('data-composing')) {
        opener = held;
        composed = undefined;
        return panel.querySelector<HTMLElement>(CONTROLS)?.focus();
      }
      placeOf(held, panel)?.focus();
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
