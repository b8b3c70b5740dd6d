import type { ActionRow } from '@/lib/db';

/**
 * What of the Lists still waits for X (queued or being sent), from the waiting actions read in one query with the
 * Lists themselves (use-action-row.ts `waitingActions`): the store already shows it (the outbox's optimistic
 * change), so the Lists tab says it is not on X yet rather than show a new name, a new List or a pin as done.
 */

/** The latest waiting change or creation of each List, by its id (a creation's temporary id). */
export function pendingByList(rows: readonly ActionRow[]): Map<string, ActionRow> {
  return latestByList(rows, (a) => (a.type === 'list.update' ? a.params.listId : a.type === 'list.create' ? a.params.tempId : undefined));
}

/**
 * The first waiting pin or unpin of each List, by its id: what X has is the other way round (a pin, then an unpin,
 * both waiting: X has it unpinned, as before either).
 */
export function pinsByList(rows: readonly ActionRow[]): Map<string, ActionRow> {
  return latestByList(rows, (a) => (a.type === 'list.pin' || a.type === 'list.unpin' ? a.params.listId : undefined), -1);
}

/** The first waiting follow or unfollow of each List, by its id: its button shows the change, its note that X lacks it. */
export function followsByList(rows: readonly ActionRow[]): Map<string, ActionRow> {
  return latestByList(rows, (a) => (a.type === 'list.follow' || a.type === 'list.unfollow' ? a.params.listId : undefined), -1);
}

/** Whether X has the List pinned: as the store says, unless a pin or unpin of it is still waiting (then the other way). */
export function pinnedOnX(list: { pinned: boolean }, pin: Pick<ActionRow, 'type'> | undefined): boolean {
  return pin ? pin.type === 'list.unpin' : list.pinned;
}

/** The last action of each List by the outbox's order (`order` -1: the first). */
function latestByList(rows: readonly ActionRow[], listOf: (a: ActionRow) => unknown, order = 1): Map<string, ActionRow> {
  const byList = new Map<string, ActionRow>();
  for (const a of [...rows].sort((x, y) => order * ((x.seq ?? 0) - (y.seq ?? 0)))) {
    const id = listOf(a);
    if (typeof id === 'string') byList.set(id, a);
  }
  return byList;
}
