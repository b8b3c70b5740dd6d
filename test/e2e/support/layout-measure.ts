/**
 * Layout measures run in a page of Perch's (test/e2e/chromium/layout-oversize.spec.ts, and the Firefox sidebar's
 * test/e2e/firefox/layout-oversize.spec.ts): each function is self-contained, passed to the page as it is.
 */

export interface Layout {
  width: number;
  scrolls: string;
  outside: string[];
  covered: string[];
  spills: string[];
  unreachable: string[];
}

/**
 * The page never scrolls sideways, every control is whole inside the window and not covered, and text either wraps or,
 * where a line must stay one line, is cut with an ellipsis and its whole text kept in a title or the accessible name.
 */
export function measureLayout(): Layout {
  const width = document.documentElement.clientWidth;
  const root = document.scrollingElement!;
  const label = (e: Element) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40);
  const shown = (e: Element) => {
    const r = e.getBoundingClientRect();
    // A closed <details> keeps its content laid out but not drawn: checkVisibility() says so.
    return r.width > 2 && r.height > 2 && e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  };
  /** Ancestors (from `e` itself when `self`) that clip what overflows them sideways. */
  const clippers = (e: Element, self = false) => {
    const out: Element[] = [];
    for (let a = self ? e : e.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') out.push(a);
    return out;
  };
  /** One line cut on purpose: an ellipsis, or lines clamped. */
  const ellipsis = (e: Element) => {
    const style = getComputedStyle(e);
    return style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
  };
  const outside: string[] = [];
  const covered: string[] = [];
  const controls = [
    ...document.querySelectorAll('button, a[href], input:not([type="file"]), select, textarea, [role="button"], [role="tab"]'),
  ].filter(shown);
  for (const c of controls) {
    const r = c.getBoundingClientRect();
    const clips = clippers(c);
    // Folded away: a closed region shows none of it.
    if (
      clips.some((a) => {
        const b = a.getBoundingClientRect();
        return r.bottom <= b.top + 0.5 || r.top >= b.bottom - 0.5;
      })
    )
      continue;
    // A link in a line cut with an ellipsis is cut with it (its name keeps the whole text); anything else must be whole.
    const line = clips.find((a) => ellipsis(a));
    const edge = line ? line.getBoundingClientRect() : r;
    if (edge.left < -0.5 || edge.right > width + 0.5) {
      outside.push(`${label(c)}: ${Math.round(edge.left)}–${Math.round(edge.right)} of ${width} px`);
      continue;
    }
    const cut = line
      ? undefined
      : clips.find((a) => {
          const b = a.getBoundingClientRect();
          return r.left < b.left - 0.5 || r.right > b.right + 0.5;
        });
    if (cut) {
      outside.push(`${label(c)}: cut by .${cut.className}`);
      continue;
    }
    const first = [...c.getClientRects()].find((b) => b.width > 2) ?? r;
    const x = Math.max(first.left, 0) + Math.min(first.width, width) / 2;
    const y = first.top + first.height / 2;
    if (y <= 0 || y >= innerHeight) continue;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === c || c.contains(hit))) covered.push(`${label(c)}: under ${hit?.tagName ?? 'nothing'}.${hit?.className ?? ''}`);
  }
  const spills: string[] = [];
  const unreachable: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim();
    const el = n.parentElement;
    if (!text || !el || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const right = Math.max(...rects.map((r) => r.right));
    const clip = clippers(el, true)[0];
    if (!clip) {
      if (right > width + 0.5) spills.push(`${text.slice(0, 40)}: to ${Math.round(right)} of ${width} px`);
      continue;
    }
    const box = clip.getBoundingClientRect();
    if (right <= box.right + 0.5) continue;
    // Cut: with an ellipsis, and the whole text kept in a title or the accessible name (a link or button's text).
    const control = el.closest('a, button');
    const named =
      (el.closest('[title]')?.getAttribute('title') ?? '').includes(text) ||
      (el.closest('[aria-label]')?.getAttribute('aria-label') ?? '').includes(text) ||
      (control !== null && !control.hasAttribute('aria-label'));
    const lines = [el, ...clippers(el, true)];
    // Lines clamped: an excerpt on purpose (a quoted post, whole on X behind its link).
    if (lines.some((a) => getComputedStyle(a).webkitLineClamp !== 'none')) continue;
    const cutLine = lines.some((a) => ellipsis(a));
    if (!cutLine || !named)
      unreachable.push(`${text.slice(0, 40)}: cut by .${clip.className}${cutLine ? ', no title' : ' with no ellipsis'}`);
  }
  return {
    width,
    scrolls: root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : '',
    outside,
    covered,
    spills,
    unreachable,
  };
}

/**
 * How much of an account's name the row list named `listLabel` shows, against the width of the name's first eight
 * characters in its own font: a name cut to "Gr…" is whole in its title, but a person reads none of it.
 */
export function nameRoom([listLabel, name]: [string, string]): { shown: number; eight: number } | undefined {
  const list = [...document.querySelectorAll('[role="list"]')].find((l) => l.getAttribute('aria-label') === listLabel);
  // The innermost element holding just the name (its <bdi>), not the line around it.
  const el = [...(list?.querySelectorAll('*') ?? [])].reverse().find((e) => e.textContent === name);
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  let clip = r;
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
    if (getComputedStyle(a).overflowX !== 'visible') {
      clip = a.getBoundingClientRect();
      break;
    }
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = getComputedStyle(el).font;
  return {
    shown: Math.round(Math.min(r.right, clip.right) - Math.max(r.left, clip.left)),
    eight: Math.round(context.measureText([...name].slice(0, 8).join('')).width),
  };
}
