import { db } from '../db';

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
}

/**
 * What the popup shows of the list at `x.com/i/lists/ID` (`tab.list`): the store's row when Perch synced it, else
 * null. Nothing is read from X (reads are billed). Read in the background, so the popup carries no store.
 * @throws if IndexedDB fails.
 */
export async function listContext(accountId: string, listId: string): Promise<ListContext> {
  const row = await db().lists.get([accountId, listId]);
  if (!row) return { list: null };
  const user = row.ownerId && !row.owned ? await db().users.get([accountId, row.ownerId]) : undefined;
  return {
    list: {
      name: row.name,
      owned: row.owned,
      pinned: row.pinned,
      followed: row.followed,
      ...(user ? { owner: { name: user.name, username: user.username } } : {}),
    },
  };
}
