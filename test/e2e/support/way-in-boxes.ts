/**
 * Where the popup's way-in links (New post, Bookmarks, Lists, Drafts) are, from the moment each first exists: a
 * script run in the popup before its own code records each link's box on every change of the page (a
 * MutationObserver runs before the frame is painted) and on every frame. A link that moved while the screen above it
 * came in is one a person reaching for it misses.
 */

declare global {
  interface Window {
    /** Each link's places, by its label (without the drafts' count), in the order they were seen. */
    perchWayInBoxes?: Record<string, string[]>;
  }
}

/** Installed before the popup's scripts: records the links' places until the page goes. Runs in the page. */
export function recordWayInBoxes(): void {
  const boxes: Record<string, string[]> = {};
  window.perchWayInBoxes = boxes;
  const sample = () => {
    // The gate ("Opened by another page") is a screen of its own: the links are followed from the person's click on.
    if (document.querySelector('.popup-gate')) return;
    for (const el of document.querySelectorAll('.popup-nav > button, .popup-nav > a')) {
      const r = el.getBoundingClientRect();
      // Not drawn (no box): nothing a person could reach for.
      if (r.width === 0 && r.height === 0) continue;
      const label = (el.textContent ?? '').replace(/\s*[(（].*$/, '');
      const place = `${Math.round(r.left)},${Math.round(r.top)}`;
      const seen = (boxes[label] ??= []);
      if (seen.at(-1) !== place) seen.push(place);
    }
  };
  const frame = () => {
    sample();
    requestAnimationFrame(frame);
  };
  new MutationObserver(sample).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  requestAnimationFrame(frame);
}

/** The places recorded, once two more frames have been drawn. Runs in the page. */
export async function wayInBoxes(): Promise<Record<string, string[]>> {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return { ...window.perchWayInBoxes };
}

/** The labels the popup's way in shows, each with the one place it was ever drawn at. */
export const STILL_LINKS = ['New post', 'Bookmarks', 'Lists', 'Drafts'];
