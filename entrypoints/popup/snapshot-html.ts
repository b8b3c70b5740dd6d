/**
 * The snapshot's HTML (./snapshot.ts): React's screen written out without the parts that follow other stores, with
 * ids that never clash with React's screen beside it, painted back in an inert way; and how a button or link is
 * found again between the two screens (by its visible label).
 */

/** Parts of the screen that follow other stores than the answer a snapshot stands for: never in a snapshot. */
const LEFT_OUT = '.failed-line, .popup-nav';
/** The prefix a snapshot's element ids carry, so they never clash with React's screen beside it. */
const ID_PREFIX = 'perch-snap-';
const ID_REFS = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'for'];
/** What a click or focus is matched by, between the snapshot and React's screen. */
export const TARGETS = 'button, a[href]';

/**
 * The HTML of React's screen as a snapshot: ids prefixed (and every reference to them), and inline styles (the
 * buttons' measured widths) moved to a data attribute — the extension's CSP refuses style attributes in parsed HTML,
 * and the painter sets them back through the CSSOM.
 */
export function snapshotHtml(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll(LEFT_OUT)) el.remove();
  for (const el of copy.querySelectorAll('[id]')) el.id = ID_PREFIX + el.id;
  for (const attr of ID_REFS) {
    for (const el of copy.querySelectorAll(`[${attr}]`)) {
      const ids = (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
      el.setAttribute(attr, ids.map((id) => ID_PREFIX + id).join(' '));
    }
  }
  for (const el of copy.querySelectorAll<HTMLElement>('[style]')) {
    el.dataset.perchStyle = el.style.cssText;
    el.removeAttribute('style');
  }
  return copy.innerHTML;
}

const targetsOf = (el: Element) => [...el.querySelectorAll<HTMLElement>(TARGETS)];
const labelOf = (el: Element) => el.textContent?.trim() ?? '';

/** A button or link by its visible label and which of that label it is: the same on both screens. */
export interface Place {
  label: string;
  nth: number;
}

export function placeOf(screen: Element, target: Element): Place {
  const label = labelOf(target);
  const same = targetsOf(screen).filter((el) => labelOf(el) === label);
  return { label, nth: Math.max(0, same.indexOf(target as HTMLElement)) };
}

export function atPlace(screen: Element, place: Place): HTMLElement | undefined {
  return targetsOf(screen).filter((el) => labelOf(el) === place.label)[place.nth];
}

/**
 * A snapshot's HTML as the element painted in React's place: parsed in an inert document (no script runs, nothing
 * loads) and moved over, and the buttons' widths set back through the CSSOM.
 */
export function snapshotView(html: string): HTMLElement {
  const view = document.createElement('div');
  view.id = 'perch-snapshot';
  view.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  for (const el of view.querySelectorAll<HTMLElement>('[data-perch-style]')) {
    el.style.cssText = el.dataset.perchStyle ?? '';
    delete el.dataset.perchStyle;
  }
  return view;
}
