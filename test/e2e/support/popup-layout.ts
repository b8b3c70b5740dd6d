/**
 * What the popup's layout tests read from the page (issue 12, item 11), the same in Chromium and Firefox. `measurePopup`
 * runs in the page, so it is self-contained: no imports, no outer names.
 */
export interface PopupLayout {
  /** Every button and link of the action rows, in order, with its box rounded to the pixel. */
  controls: { box: string; text: string }[];
  /** Action labels laid out on more than one line. */
  wrapped: string[];
  /** Text smaller than 14 px (13 px on a button), as "text: size". */
  small: string[];
}

/** Reads the action rows' boxes, wrapped labels and every shown text's font size. */
export function measurePopup(): PopupLayout {
  const lines = (node: Node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return new Set(rects.map((r) => Math.round(r.top))).size;
  };
  const textNodes = (root: Node) => {
    const out: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n as Text);
    return out;
  };
  const controls = [...document.querySelectorAll<HTMLElement>('.quick-actions button, .quick-actions a')];
  const small: string[] = [];
  for (const node of textNodes(document.body)) {
    const el = node.parentElement;
    if (!el || el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const size = parseFloat(style.fontSize);
    const min = el.closest('button, [role="button"], a.quick-link') ? 13 : 14;
    if (size < min) small.push(`${node.textContent.trim().slice(0, 40)}: ${size}px`);
  }
  return {
    controls: controls.map((el) => {
      const r = el.getBoundingClientRect();
      return { box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(','), text: el.textContent?.trim() ?? '' };
    }),
    wrapped: controls.filter((el) => textNodes(el).some((n) => lines(n) > 1)).map((el) => el.textContent?.trim() ?? ''),
    small,
  };
}

/** The boxes only, to compare before and after a click whose labels differ. */
export const boxesOf = (layout: PopupLayout) => layout.controls.map((c) => c.box);
