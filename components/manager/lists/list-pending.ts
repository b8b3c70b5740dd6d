import { useLiveQuery } from 'dexie-react-hooks';
import { db, type ActionRow } from '@/lib/db';

/**
 * The List changes and creations still waiting for X (queued or being sent), by the List they are about: the store
 * already shows them (the outbox's optimistic change), so the Lists tab says they are not on X yet rather than show a
 * new name or a new List as done.
 */
export function usePendingLists(accountId: string): ReadonlyMap<string, ActionRow> {
  const pending = useLiveQuery(async () => {
    const rows = await db()
      .actions.where('[accountId+state]')
      .anyOf([
        [accountId, 'queued'],
        [accountId, 'sending'],
      ])
      .toArray();
    return pendingByList(rows);
  }, [accountId]);
  return pending ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, ActionRow> = new Map();

/** The latest waiting change or creation of each List, by its id (a creation's temporary id). */
export function pendingByList(rows: readonly ActionRow[]): Map<string, ActionRow> {
  const byList = new Map<string, ActionRow>();
  for (const a of [...rows].sort((x, y) => (x.seq ?? 0) - (y.seq ?? 0))) {
    const id = a.type === 'list.update' ? a.params.listId : a.type === 'list.create' ? a.params.tempId : undefined;
    if (typeof id === 'string') byList.set(id, a);
  }
  return byList;
}
