import type { PerchDb } from '../db';
import { XApiError } from '../x/errors';

/**
 * A List X says no longer exists (deleted on x.com, not through Perch), recorded as a deletion through Perch leaves the
 * store: its row and its members go (as list.delete's apply), and its id is kept on the Lists' sync row so Activity
 * links none of its actions to x.com, where it has no page left (components/manager/activity-link.ts), until a Lists
 * walk sees it listed again.
 */

/** The most gone List ids kept: Activity shows the newest 300 actions, and a List deleted long ago has none of them. */
export const GONE_LISTS_KEPT = 500;

/**
 * X said the List does not exist: a not-found whose errors name a list (`resource_type: "list"`, X's
 * ResourceNotFoundProblem: getListsById, getListsMembers, getListsPosts, updateLists, addListsMember, pinList,
 * followList answer it for an unknown List; x-api--lists--list-lookup--integrate, "404 – List doesn't exist"). A
 * List X merely refused (not-authorized-for-resource, a limit, X failing, no connection) is not gone; nor is one whose
 * not-found names another thing (the user a member add named).
 */
export function listGoneIn(error: unknown): boolean {
  return error instanceof XApiError && error.kind === 'not-found' && !!error.problem.resourceTypes?.includes('list');
}

/** The Lists X said no longer exist, as recorded for the account. */
export async function goneListIds(d: PerchDb, accountId: string): Promise<string[]> {
  return (await d.syncState.get([accountId, 'lists']))?.goneListIds ?? [];
}

/**
 * Forgets a List X said no longer exists and records it gone. Only an id X gave (a List still being created has
 * Perch's temporary one, which X knows nothing of).
 */
export async function forgetGoneList(d: PerchDb, accountId: string, listId: string): Promise<void> {
  if (!/^\d{1,19}$/.test(listId)) return;
  await d.transaction('rw', [d.lists, d.listMembers, d.syncState], async () => {
    await d.lists.delete([accountId, listId]);
    await d.listMembers.where('[accountId+listId]').equals([accountId, listId]).delete();
    await recordGone(d, accountId, [listId]);
  });
}

/** Adds ids to the account's gone Lists (newest last, the oldest let go past GONE_LISTS_KEPT). Inside a transaction on syncState. */
export async function recordGone(d: PerchDb, accountId: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const row = (await d.syncState.get([accountId, 'lists'])) ?? { accountId, collection: 'lists' as const };
  const kept = (row.goneListIds ?? []).filter((id) => !ids.includes(id));
  await d.syncState.put({ ...row, goneListIds: [...kept, ...ids].slice(-GONE_LISTS_KEPT) });
}

/**
 * Takes off the account's gone Lists those X listed again (its not-found passed: a List visible again), so Activity links
 * their actions once more. Inside a transaction on syncState.
 */
export async function recordSeen(d: PerchDb, accountId: string, ids: ReadonlySet<string>): Promise<void> {
  const row = await d.syncState.get([accountId, 'lists']);
  const gone = row?.goneListIds;
  if (!row || !gone?.some((id) => ids.has(id))) return;
  await d.syncState.put({ ...row, goneListIds: gone.filter((id) => !ids.has(id)) });
}

/** Runs a read or write of one List; when X answers that the List does not exist, forgets it first. Rethrows. */
export async function noticingGone<T>(d: PerchDb, accountId: string, listId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (listGoneIn(error)) await forgetGoneList(d, accountId, listId);
    throw error;
  }
}
