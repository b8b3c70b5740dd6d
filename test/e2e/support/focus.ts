/**
 * Whether the focus shows, the same in Chromium and Firefox: passed to each fixture's `page.evaluate`, so it runs in
 * the page and is self-contained (no imports, no outer names).
 */

/** The focused control shows it: an outline or a ring (box-shadow) while it matches :focus-visible. */
export function focusShown(): boolean {
  const el = document.activeElement;
  if (!el || !el.matches(':focus-visible')) return false;
  const style = getComputedStyle(el);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
}
