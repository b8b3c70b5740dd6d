import { ACTIONS_BY_LIST, db } from '../db';
import type { ActionBrief } from '../views';

/** A list in the popup's tab as the store holds it, with its owner's name when the store has them. */
export interface ListContext {
  list: {
    name: string;
    owned: boolean;
    pinned: boolean;
    followed: boolean;
    /** The owner of someone else's list, when Perch has synced them. */
    owner?: { name: string; username: string };
  } | null;
  /** The newest pin or unpin and the newest follow or unfollow of this list, as the outbox holds them. */
  actions: ActionBrief[];
}

/** The two families of actions a list's buttons follow, each with its two types. */
const FAMILIES = [
  ['list.pin', 'list.unpin'],
  ['list.follow', 'list.unfollow'],
] as const;

/**
 * The newest action of each family (pin, follow) on this list, newest first: what the popup's buttons follow. Read
 * through the actions' list index (lib/db, version 6), one row for each of the four types at most, however long the
 * account's action log.
 */
async function actionsOn(accountId: string, listId: string): Promise<ActionBrief[]> {
  const d = db();
  const newest = (type: string) => d.actions.where(ACTIONS_BY_LIST).equals([accountId, listId, type]).last();
  const rows = await d.transaction('r', d.actions, () => Promise.all(FAMILIES.map((types) => Promise.all(types.map(newest)))));
  return rows
    .map(([a, b]) => (a && b ? (a.seq! > b.seq! ? a : b) : (a ?? b)))
    .filter((a) => a !== undefined)
    .sort((a, b) => b.seq! - a.seq!)
    .map((a) => ({ seq: a.seq!, type: a.type, state: a.state, notBefore: a.notBefore, ...(a.error ? { error: a.error } : {}) }));
}

/**
 * What the popup shows of the list at `x.com/i/lists/ID` (`tab.list`): the store's row when Perch synced it, else
 * null, and the newest pin and follow actions on it. Nothing is read from X (reads are billed). Read in the background, so the popup carries no store.
 * @throws if IndexedDB fails.
 */
export async function listContext(accountId: string, listId: string): Promise<ListContext> {
  const [row, actions] = await Promise.all([db().lists.get([accountId, listId]), actionsOn(accountId, listId)]);
  if (!row) return { list: null, actions };
  const user = row.ownerId && !row.owned ? await db().users.get([accountId, row.ownerId]) : undefined;
  return {
    list: {
      name: row.name,
      owned: row.owned,
      pinned: row.pinned,
      followed: row.followed,
      ...(user ? { owner: { name: user.name, username: user.username } } : {}),
    },
    actions,
  };
}
