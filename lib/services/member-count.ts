import { typesOfCollection } from '../action-types';
import type { ActionRow, PerchDb } from '../db';
import { isId } from '../db/row-fields';
import { actionsSince, type ActionsAt } from './actions-since';

/**
 * A List's member count as the person left it (lib/services/sync-lists.ts): X's figure moved by the members the person
 * added or removed that X's answer may predate, and what a List Perch made (`knownEmpty`) keeps of that knowledge.
 */

const MEMBER_ACTIONS: readonly string[] = typesOfCollection('listMembers');

/**
 * Of these Lists, one Perch made and knew every member of (`knownEmpty`) whose count, X's figure of 0 moved by the
 * members Perch added or removed since it was asked for (still waiting, or confirmed since), is not the number of members
 * the store holds (counted as components/manager/account-queries.ts `storedListMembers` counts them: rows with an
 * account id) had someone Perch added taken off on x.com: Perch no longer knows all its members. Only the Lists named
 * are read: a caller passes those it holds flagged, not every List a walk saw.
 */
export async function forgetUnheld(d: PerchDb, accountId: string, ids: Iterable<string>): Promise<void> {
  for (const id of ids) {
    const list = await d.lists.get([accountId, id]);
    if (!list) continue;
    const { knownEmpty, ...rest } = list;
    if (!knownEmpty) continue;
    const held = await d.listMembers
      .where('[accountId+listId]')
      .equals([accountId, id])
      .filter((m) => isId(m.userId))
      .count();
    if (held !== list.memberCount) await d.lists.put(rest);
  }
}

/** The members added to or removed from these Lists that a read begun at `asked` may predate, by List, in order. */
export async function memberChanges(d: PerchDb, accountId: string, asked: ActionsAt, ids: Set<string>): Promise<Map<string, ActionRow[]>> {
  const onRead = (a: ActionRow) => MEMBER_ACTIONS.includes(a.type) && ids.has(String(a.params.listId)) && memberCountChange(a) !== 0;
  const byList = new Map<string, ActionRow[]>();
  for (const a of await actionsSince(d, accountId, asked, onRead)) {
    const id = String(a.params.listId);
    byList.set(id, [...(byList.get(id) ?? []), a]);
  }
  return byList;
}

/** X's figure moved by these changes, never below none. */
export function countWith(figure: number, actions: ActionRow[]): number {
  const moved = actions.reduce((n, a) => n + memberCountChange(a), figure);
  return Math.max(0, moved);
}

/**
 * What adding or removing a member changed in the List's count when the person did it: one more or one fewer, or none
 * for someone already there or already gone. Its rollback snapshot (lib/services/list-actions.ts) holds the membership
 * row before it, or is that row alone in an action stored before counts were kept.
 */
function memberCountChange(action: ActionRow): number {
  const on = action.type === 'list.addMember';
  const snapshot = action.rollback;
  const before = snapshot && typeof snapshot === 'object' && 'member' in snapshot ? snapshot.member : snapshot;
  if (!!before === on) return 0;
  return on ? 1 : -1;
}
