import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db, type ActionRow } from '@/lib/db';
import { listUrl, postUrl, profileUrl } from '@/lib/x-url';

/** An id X gave (a snowflake): a List still being created has Perch's temporary one, with no page on x.com. */
const X_ID = /^\d{1,19}$/;

/**
 * Where on x.com the thing an action was about is: the post (bookmark, like, repost…), the profile (mute, follow, a
 * List member added or removed), or the List (created, changed, pinned, followed: `x.com/i/lists/<id>`, the id X gave,
 * for a creation the one in X's answer). A deleted List has no page left, so its deletion links to nothing, nor does
 * any other action of a List in `deleted` (deletedListIds).
 */
export function actedOnLink(
  a: Pick<ActionRow, 'params'> & Partial<Pick<ActionRow, 'type' | 'result'>>,
  deleted: ReadonlySet<string> = new Set(),
): { href: string; kind: 'post' | 'profile' | 'list' } | undefined {
  const { postId, username, listId } = a.params;
  const name = typeof username === 'string' && username ? username : undefined;
  if (typeof postId === 'string' && X_ID.test(postId)) return { href: postUrl(postId, name), kind: 'post' };
  if (name) return { href: profileUrl(name), kind: 'profile' };
  if (typeof a.type !== 'string' || !a.type.startsWith('list.') || a.type === 'list.delete') return undefined;
  const id = a.type === 'list.create' ? a.result?.id : listId;
  return typeof id === 'string' && X_ID.test(id) && !deleted.has(id) ? { href: listUrl(id), kind: 'list' } : undefined;
}

/**
 * The Lists X deleted at the log's asking (a done list.delete, deleteLists: x-api--lists--delete-list answers
 * `deleted: true`), and those X said no longer exist (`goneOnX`): x.com has no page for them any more, so no action of
 * theirs links there.
 */
export function deletedListIds(
  actions: readonly Pick<ActionRow, 'type' | 'state' | 'params'>[],
  goneOnX: readonly unknown[] = [],
): ReadonlySet<string> {
  const ids = actions.map((a) => (a.type === 'list.delete' && a.state === 'done' ? a.params.listId : undefined));
  return new Set([...ids, ...goneOnX].filter((id): id is string => typeof id === 'string'));
}

/**
 * deletedListIds of the account's log, with the Lists X said no longer exist (deleted on x.com: lib/services/list-gone.ts,
 * kept on the Lists' sync row), read live: a List X says is gone stops being linked at once.
 */
export function useDeletedListIds(accountId: string, actions: readonly ActionRow[] | undefined): ReadonlySet<string> {
  const goneOnX = useLiveQuery(() => storedGoneListIds(accountId), [accountId]);
  return useMemo(() => deletedListIds(actions ?? [], goneOnX), [actions, goneOnX]);
}

/** The Lists X said no longer exist, as kept on the account's Lists sync row (list-gone.ts); a stored value of another shape as none. */
export async function storedGoneListIds(accountId: string): Promise<unknown[]> {
  const ids: unknown = (await db().syncState.get([accountId, 'lists']))?.goneListIds;
  return Array.isArray(ids) ? (ids as unknown[]) : [];
}
