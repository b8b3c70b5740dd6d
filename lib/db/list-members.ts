import Dexie, { type Table } from 'dexie';
import type { ListMemberRow } from './rows';

/**
 * Where a list's members go in the store's `position` order (X's order: GET /2/lists/{id}/members,
 * x-api--lists--list-members, returns the most recently added first; smaller positions come first).
 */

type Members = Table<ListMemberRow, [string, string, string]>;

const range = (accountId: string, listId: string) =>
  [
    [accountId, listId, Dexie.minKey],
    [accountId, listId, Dexie.maxKey],
  ] as const;

/** The position before every stored member of the list (0 for an empty list). */
export async function firstMemberPosition(members: Members, accountId: string, listId: string): Promise<number> {
  const first = await members
    .where('[accountId+listId+position]')
    .between(...range(accountId, listId))
    .first();
  return first ? first.position - 1 : 0;
}

/** The position after every stored member of the list (0 for an empty list): where X's next page goes. */
export async function nextMemberPosition(members: Members, accountId: string, listId: string): Promise<number> {
  const last = await members
    .where('[accountId+listId+position]')
    .between(...range(accountId, listId))
    .last();
  return last ? last.position + 1 : 0;
}

/**
 * Stores that `userId` is on the list: a member already stored keeps its place; a new one (added through Perch, as
 * X would list it: newest first) goes before the others.
 */
export async function putMemberFirst(members: Members, accountId: string, listId: string, userId: string): Promise<void> {
  if (await members.get([accountId, listId, userId])) return;
  await members.put({ accountId, listId, userId, position: await firstMemberPosition(members, accountId, listId) });
}

/** Gives every member stored without a position one, per list, in the order the store holds them. */
export async function positionMembers(members: Members): Promise<void> {
  const next = new Map<string, number>();
  await members.toCollection().modify((m) => {
    const key = `${m.accountId}\u0000${m.listId}`;
    const at = next.get(key) ?? 0;
    next.set(key, at + 1);
    m.position = at;
  });
}
