import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { pageStorage, REOPEN_KEY as KEY } from './reload-mark';

/**
 * The popup's screen, kept over a reload Perch makes itself. A part of the popup whose file failed to load may load
 * only in a new document (./lazy.tsx): Firefox keeps a failed module for the document's life (the HTML spec's module
 * map keeps failures), and a file an update renamed is named anew only by a new popup page. So a second failure
 * reloads the popup, at the same address (the same tab, or the page it was aimed at), and each screen kept here opens
 * as it was: New post's composer, a post's reply or list picker. Nothing typed is lost: a draft is the background's at
 * each change (components/use-draft.ts). Kept in the page's sessionStorage, read once when the page loads.
 */

type Kept = string | boolean;

/** The screens drawn now, by name: what a reload reopens. */
const shown = new Map<string, Kept>();
let reopened = new Map<string, Kept>();
let reloaded = false;

/** What the reload before this page's load kept, taken out of the page's storage (so it reopens once) when first read. */
function keptOverReload(): Map<string, Kept> {
  const storage = pageStorage();
  const raw = storage?.getItem(KEY);
  if (!storage || raw === null || raw === undefined) return reopened;
  storage.removeItem(KEY);
  reloaded = true;
  reopened = new Map();
  try {
    const kept = JSON.parse(raw) as unknown;
    if (kept && typeof kept === 'object') for (const [name, value] of Object.entries(kept)) reopened.set(name, value as Kept);
  } catch {
    // Not what reloadPopup writes: nothing to reopen.
  }
  return reopened;
}

/**
 * Whether this page is one Perch reloaded for a part that failed to load, asked once, by the first part drawn (./lazy.tsx),
 * loaded or not: a line that says it failed again takes the focus, where Try again had it.
 */
export function takeReloadedForPart(): boolean {
  keptOverReload();
  const was = reloaded;
  reloaded = false;
  return was;
}

/**
 * useState for a screen a reload reopens: `name` says whose (unique while drawn), `valid` checks a kept value. The
 * value kept over the reload is taken once; until then, and after, `initial`.
 */
export function useReopenedState<T extends Kept>(
  name: string,
  initial: () => T,
  valid: (kept: Kept) => kept is T,
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    const kept = keptOverReload();
    const was = kept.get(name);
    kept.delete(name);
    return was !== undefined && valid(was) ? was : initial();
  });
  useEffect(() => {
    shown.set(name, value);
    return () => void shown.delete(name);
  }, [name, value]);
  return [value, setValue];
}

/** Reloads the popup page at its own address, keeping its screens (useReopenedState) for the new page to reopen. */
export function reloadPopup(): void {
  const storage = pageStorage();
  try {
    storage?.setItem(KEY, JSON.stringify(Object.fromEntries(shown)));
  } catch {
    // Storage refused: the popup reloads on its first screen.
  }
  location.reload();
}
