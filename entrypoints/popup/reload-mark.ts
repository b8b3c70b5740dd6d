/**
 * The mark of a popup page Perch reloaded to reopen a screen (./part-reload.ts): the screens to reopen, kept in the
 * page's sessionStorage under this key until the new page's app takes them. Apart from part-reload.ts, which uses
 * React, so that the head script (./prefetch.ts) can read it without loading React.
 */
export const REOPEN_KEY = 'perch.popup.reopen';

/** The page's sessionStorage; undefined where the page has none or refuses it. */
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Whether this page is one Perch reloaded to reopen a screen, whose app has not yet taken it. Never throws. */
export function reopensScreen(): boolean {
  try {
    return (pageStorage()?.getItem(REOPEN_KEY) ?? null) !== null;
  } catch {
    return false;
  }
}
