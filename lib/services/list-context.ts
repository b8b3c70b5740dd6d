import { db } from '../db';
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

const FAMILY: Record<string, string> = {
  'list.pin': 'pin',
  'list.unpin': 'pin',
  'list.follow': 'follow',
  'list.unfollow': 'follow',
};

/** The newest action of each family (pin, follow) on this list: what the popup's buttons follow. */
async function actionsOn(accountId: string, listId: string): Promise<ActionBrief[]> {
  const rows = await db()
    .actions.where('[accountId+seq]')
    .between([accountId, 0], [accountId, Infinity])
    .reverse()
    .filter((a) => a.type in FAMILY && String(a.params.listId ?? '') === listId)
    .limit(20)
    .toArray();
  const seen = new Set<string>();
  const out: ActionBrief[] = [];
  for (const a of rows) {
    if (seen.has(FAMILY[a.type]!)) continue;
    seen.add(FAMILY[a.type]!);
    out.push({ seq: a.seq!, type: a.type, state: a.state, notBefore: a.notBefore, ...(a.error ? { error: a.error } : {}) });
  }
  return out;
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
