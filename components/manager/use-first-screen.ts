import { startTransition, useEffect, useState } from 'react';

/** Rows drawn at once: more than the tallest window shows of the Lists or Activity tab. */
export const FIRST_SCREEN_ROWS = 30;

/** Rows added by each later step. */
export const NEXT_ROWS = 150;

/**
 * How many rows to draw after `drawn` of `total` are on screen: all when few are left, else one more step.
 */
export function nextRowCount(drawn: number, total: number): number {
  return Math.min(total, drawn + NEXT_ROWS);
}

/**
 * How many of `total` rows a long list draws now: the first screen at once, then the rest a step at a time, each
 * step a transition React sets aside for a click or a keystroke. Every row is in the page within a moment, so
 * find-in-page, Tab and screen readers see the whole list, yet the tab opens at once however many rows it has.
 */
export function useFirstScreen(total: number): number {
  const [drawn, setDrawn] = useState(FIRST_SCREEN_ROWS);
  useEffect(() => {
    if (drawn >= total) return;
    // A task, not a microtask: the browser paints the first screen before the next step is drawn.
    const timer = setTimeout(() => startTransition(() => setDrawn((d) => nextRowCount(d, total))), 0);
    return () => clearTimeout(timer);
  }, [drawn, total]);
  return drawn;
}
