/**
 * The snapshot's HTML (./snapshot.ts): React's screen written out without the parts that follow other stores, with
 * ids that never clash with React's screen beside it, painted back in an inert way; and how a button or link is
 * found again between the two screens (by its visible label).
 */

import { xImageUrl } from '@/lib/image-url';

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
 * Elements React's popup never draws, each of which could run, load, navigate or send something once in the page (a
 * `<meta http-equiv="refresh">` navigates the popup when it is inserted, whatever the page's CSP; SVG's animation
 * elements can set a link's `href` again after this cleaning, e.g. `<set attributeName="href" to="javascript:…">`).
 */
const NEVER_DRAWN = [
  'script, style, link, meta, base, iframe, frame, frameset, object, embed, applet, portal, form, template, noscript',
  'foreignObject, set, animate, animateMotion, animateTransform, animateColor, discard',
].join(', ');
/** Attributes naming an address that React's popup never sets: dropped whatever they name. */
const NEVER_SET = ['srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'ping', 'background', 'lowsrc', 'dynsrc'];

/**
 * Style values that could load something (`url(…)`, `image-set(…)`, `@import`), or hide such a word behind CSS escapes
 * (`u\rl(`): React's popup only sets measured widths, so a style holding any of these is dropped whole.
 */
const LOADING_STYLE = /url|image|@import|\\/i;
const STYLES = ['style', 'data-perch-style'];

/** scheme://host of the page the snapshot is painted in (spelled out: extension origins are "null" in some runtimes). */
const ownOrigin = () => `${location.protocol}//${location.host}`;

/** A link React draws: to X (https) or to one of Perch's own pages. */
function isDrawnLink(href: string): boolean {
  try {
    const url = new URL(href, location.href);
    return url.protocol === 'https:' || `${url.protocol}//${url.host}` === ownOrigin();
  } catch {
    return false;
  }
}

/**
 * Makes kept HTML as inert as what React draws, in the document it was parsed in, before any of it reaches the page:
 * the HTML is Perch's own, from storage.session, but a row changed by another party or a fault must paint nothing
 * that runs (`on…` handlers), loads (pictures off X's image hosts: lib/image-url.ts), navigates or leaves the popup
 * (links that are neither https nor Perch's own pages; an address on anything but a link; a style naming a picture or
 * a sheet). The page's CSP would stop most of it; this stops it first.
 */
function inert(body: HTMLElement): void {
  for (const el of body.querySelectorAll(NEVER_DRAWN)) el.remove();
  for (const el of body.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      const lower = name.toLowerCase();
      const drop =
        lower.startsWith('on') ||
        NEVER_SET.includes(lower) ||
        (lower === 'href' && !(el.localName === 'a' && isDrawnLink(value))) ||
        (lower === 'src' && xImageUrl(value) === undefined) ||
        (STYLES.includes(lower) && LOADING_STYLE.test(value));
      if (drop) el.removeAttribute(name);
    }
  }
}

/**
 * A snapshot's HTML as the element painted in React's place: parsed in an inert document (no script runs, nothing
 * loads), made inert as what React draws (`inert`), and moved over, and the buttons' widths set back through the CSSOM.
 */
export function snapshotView(html: string): HTMLElement {
  const view = document.createElement('div');
  view.id = 'perch-snapshot';
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  inert(body);
  view.append(...body.childNodes);
  for (const el of view.querySelectorAll<HTMLElement>('[data-perch-style]')) {
    el.style.cssText = el.dataset.perchStyle ?? '';
    delete el.dataset.perchStyle;
  }
  return view;
}
