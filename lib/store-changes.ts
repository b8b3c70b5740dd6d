/**
 * Which of the store's tables changed, for a screen that carries no store (the popup): Dexie 4 tells every page of the
 * extension's origin of each write on one BroadcastChannel — the news its `liveQuery` follows across pages, which the
 * manager's `useLiveQuery` already relies on — so a screen can listen to it and re-ask the background, without loading
 * Dexie, without a timer. Each message maps parts `idb://<database>/<table>/<index>` to the keys written; `all` (a page
 * back from the browser's cache) means anything may have changed.
 */

/** Dexie 4's channel name (dexie.mjs `STORAGE_MUTATED_DOM_EVENT_NAME`): versioned, shared by every Dexie 4 page. */
export const STORE_CHANNEL = 'x-storagemutated-1';

/** Whether one of Dexie's published messages touches one of these tables. */
export function touches(parts: unknown, tables: readonly string[]): boolean {
  if (!parts || typeof parts !== 'object') return false;
  return Object.keys(parts).some((part) => {
    if (part === 'all') return true;
    // idb://<database>/<table>/<index>: the table is the fourth piece.
    const table = part.startsWith('idb://') ? part.split('/')[3] : undefined;
    return !!table && tables.includes(table);
  });
}

/**
 * Calls `onChange` each time any page of the extension (the background, the manager) writes one of these tables.
 * Returns the function that stops listening. Where the browser has no BroadcastChannel, nothing is called.
 */
export function watchTables(tables: readonly string[], onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(STORE_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (touches(event.data, tables)) onChange();
  };
  return () => channel.close();
}
