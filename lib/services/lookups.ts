import { typesOfCollection } from '../action-types';
import { db, nextMemberPosition, type ActionRow } from '../db';
import type { XClient } from '../x/client';
import { getListMembers, getListPosts } from '../x/lists';
import { listedPage, wholePage } from '../x/pages';
import { withCardMedia } from '../x/posts';
import { getUserByUsername } from '../x/users';
import { actionsAt, actionsSince } from './actions-since';
import { putUsers } from './kept-rows';
import { LIST_ACTIONS } from './list-actions';
import { noticingGone } from './list-gone';
import { postRow, userRow } from './records';
import { postViewOf, userViewOf } from './row-views';
import type { PostView, UserView } from '../views';

/**
 * Looks an account up by @username (before muting it or adding it to a list, so the person sees who it is)
 * and keeps it in the store.
 * @throws XApiError ('not-found' for no such account)
 */
export async function lookupUser(client: XClient, accountId: string, username: string): Promise<UserView> {
  const user = await getUserByUsername(client, username.replace(/^@/, ''));
  const [row] = await putUsers(db(), [userRow(accountId, user, new Date().toISOString())]);
  return userViewOf(row!);
}

const MEMBER_ACTIONS: readonly string[] = typesOfCollection('listMembers');

/**
 * One page of a list's members, stored (members and who they are), so the members view works offline after. A member
 * the person added or removed that the page may predate (still waiting to be sent, or confirmed by X since the page
 * was asked for) is shown as the person left it, not as the page had it. `stopped`: X's next page token is one its
 * operation would refuse, so there is no asking for more. A next token X gave before is handed on as it is: the
 * members view (components/manager/lists/ListMembers.tsx) keeps the tokens of its walk and stops where X repeats one.
 * @throws XApiError (X's refusal when it answered with only errors: the stored members are kept; when X says the List
 *   does not exist, it is forgotten first: lib/services/list-gone.ts)
 */
export async function listMembers(
  client: XClient,
  accountId: string,
  listId: string,
  paginationToken?: string,
): Promise<{ users: UserView[]; nextToken?: string; stopped?: true }> {
  const d = db();
  const started = await actionsAt(d, accountId);
  // X saying the List does not exist (deleted on x.com) forgets it, as its deletion through Perch does (list-gone.ts).
  const page = await noticingGone(d, accountId, listId, async () =>
    listedPage(await getListMembers(client, listId, { maxResults: 100, ...(paginationToken ? { paginationToken } : {}) })),
  );
  const seenAt = new Date().toISOString();
  await d.transaction('rw', [d.users, d.listMembers, d.lists, d.actions], async () => {
    await putUsers(
      d,
      page.items.map((u) => userRow(accountId, u, seenAt)),
    );
    const rows = page.items.map((u, i) => ({ accountId, listId, userId: u.id, position: i }));
    if (!paginationToken) {
      // The first page replaces what was known of the list's members, unless X left some out of it (`errors` beside
      // the data, or items Perch could not read): a member it did not show is not known gone, and stays after it. So is
      // every member when X sent none but a next page (getListsMembers: `data`, if sent, holds at least one).
      const members = d.listMembers.where('[accountId+listId]').equals([accountId, listId]);
      const shown = new Set(rows.map((r) => r.userId));
      const replaces = wholePage(page) && (rows.length > 0 || !page.nextToken);
      const kept = replaces ? [] : (await members.sortBy('position')).filter((r) => !shown.has(r.userId));
      await members.delete();
      await d.listMembers.bulkPut([...rows, ...kept.map((r, i) => ({ ...r, position: rows.length + i }))]);
    } else {
      // Kept in X's order (x-api--lists--list-members: most recently added first), each page after the last.
      const at = await nextMemberPosition(d.listMembers, accountId, listId);
      await d.listMembers.bulkPut(rows.map((r) => ({ ...r, position: at + r.position })));
    }
    // The List's member count is the Lists sync's and the actions' own: a page of members shown again leaves it be.
    const list = await d.lists.get([accountId, listId]);
    const mine = (a: ActionRow) => MEMBER_ACTIONS.includes(a.type) && a.params.listId === listId;
    for (const a of await actionsSince(d, accountId, started, mine)) {
      await LIST_ACTIONS[a.type as keyof typeof LIST_ACTIONS].apply(d, accountId, a.params);
    }
    // A List Perch made is no longer known to have no members once X shows one in it.
    if (list) {
      const { knownEmpty, ...rest } = list;
      await d.lists.put(knownEmpty && page.items.length > 0 ? rest : list);
    }
  });
  // A next token X's operation would refuse (getListsMembers: 1 to 19 characters) is not handed on: the walk stops, saying
  // so, and what was read stays.
  return {
    users: page.items.map((u) => userViewOf(userRow(accountId, u, seenAt))),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    ...(page.tokenRefused ? { stopped: true as const } : {}),
  };
}

/**
 * The newest posts of a list, for a preview. Not kept: they are shown, not stored.
 * @throws XApiError (X's refusal when it answered with only errors: not an empty list)
 */
export async function listPostsPreview(client: XClient, accountId: string, listId: string): Promise<PostView[]> {
  // With their pictures and X's descriptions (`attachments.media_keys`, `media.fields=alt_text`): the preview shows them.
  const page = await noticingGone(db(), accountId, listId, async () =>
    listedPage(
      await getListPosts(client, listId, {
        maxResults: 20,
        fields: withCardMedia(['author_id']),
      }),
    ),
  );
  const seenAt = new Date().toISOString();
  const authors = new Map(page.includes.users.map((u) => [u.id, userViewOf(userRow(accountId, u, seenAt))]));
  return page.items.map((p) => {
    const row = postRow(accountId, p, seenAt, { media: page.includes.media });
    return postViewOf(row, row.authorId ? authors.get(row.authorId) : undefined);
  });
}
