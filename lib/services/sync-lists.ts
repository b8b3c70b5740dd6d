import { typesOfCollection } from '../action-types';
import { AuthError } from '../auth/errors';
import { db, type ListRow, type PerchDb } from '../db';
import { getBlockedUsers } from '../x/blocks';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import { getFollowedLists, getList, getListMemberships, getOwnedLists, getPinnedLists } from '../x/lists';
import { getMutedUsers } from '../x/mutes';
import { listedPage, type Page } from '../x/pages';
import type { XList, XUser } from '../x/schemas';
import { actionsAt, triedSince, type ActionsAt } from './actions-since';
import { putUsers } from './kept-rows';
import { forgetGoneList, listGoneIn, recordGone, recordSeen } from './list-gone';
import { countWith, forgetUnheld, memberChanges } from './member-count';
import { userRow } from './records';
import { goneFrom, MAX_PAGES, notePage, PAGE, pageOptions, pages, type Walk, type WalkContext } from './sync-walk';

/**
 * The walks of lists (owned, followed, member of, pinned: four answers merged into one row per list) and of the
 * muted and blocked accounts. Each is read in full; a walk cut short, or one whose pages did not show everything (errors
 * beside the items naming nothing, items left out), keeps what it did not see; one whose errors name what X could not
 * return keeps just those. A page X answered with only errors is its refusal: the walk stops and nothing stored is
 * touched. A List's flag is cleared only by an answer that reached it, and a List whose `owner_id` is the account is
 * its own, whichever answer showed it. Its member count is X's, moved by the members the person added or removed that
 * the page showing it may predate; a List whose page may or may not show such a change is read again, at most
 * MAX_RECOUNTS of them a sync.
 */

const LIST_ACTIONS = typesOfCollection('lists');

type ListFlag = 'owned' | 'followed' | 'pinned' | 'member';

/**
 * The most List lookups (GET /2/lists/:id) a Lists sync makes to learn a member count its pages left unsure; past it a
 * List keeps the count with the unsure change counted, off by at most that change until the next sync. X bills a List
 * once a UTC day (the walk read it already) and allows 75 lookups in 15 minutes.
 */
export const MAX_RECOUNTS = 5;

/**
 * A read of X and where the outbox stood about it: when it was asked for, and the actions X may have received by its
 * answer (lib/services/actions-since.ts `triedSince`): those the answer may or may not show.
 */
interface Read {
  asked: ActionsAt;
  tried: Set<number>;
}

/** Reads the four list answers and stores one row per list with its flags. */
export async function walkLists(ctx: WalkContext): Promise<void> {
  const { client, accountId, walk } = ctx;
  const d = db();
  const flags = new Map<string, { list: XList } & Record<ListFlag, boolean>>();
  const parts = new Map<ListFlag, Walk>();
  // For each List, where the outbox stood about the page whose member_count it keeps.
  const countAt = new Map<string, Read>();
  const collect = async (flag: ListFlag, fetch: (token?: string) => Promise<Page<XList>>) => {
    // Each of the four answers is its own walk with its own cap; any cut one is reported.
    const part: Walk = { pages: 0 };
    parts.set(flag, part);
    let last: Read | undefined;
    const read = async (token?: string) => {
      const asked = await actionsAt(d, accountId);
      const page = listedPage(await fetch(token));
      last = { asked, tried: await triedSince(d, accountId, asked) };
      return page;
    };
    for await (const page of pages(read, MAX_PAGES.other, part)) {
      notePage(walk, page);
      notePage(part, page);
      for (const list of page.items) {
        const entry = flags.get(list.id) ?? { list, owned: false, followed: false, pinned: false, member: false };
        entry[flag] = true;
        entry.list = { ...entry.list, ...list };
        flags.set(list.id, entry);
        if (list.member_count !== undefined && last) countAt.set(list.id, last);
      }
      await putUsers(
        d,
        page.includes.users.map((u) => userRow(accountId, u, new Date(ctx.now()).toISOString())),
      );
      await ctx.onPage(page.items.length);
    }
    walk.pages += part.pages;
    if (part.cut) walk.cut ??= part.cut;
  };
  await collect('owned', (t) => getOwnedLists(client, accountId, pageOptions(PAGE.lists, t)));
  await collect('followed', (t) => getFollowedLists(client, accountId, pageOptions(PAGE.lists, t)));
  await collect('member', (t) => getListMemberships(client, accountId, pageOptions(PAGE.lists, t)));
  await collect('pinned', () => getPinnedLists(client, accountId));
  const tables = [d.lists, d.listMembers, d.actions, d.engagements, d.bookmarks, d.posts, d.users, d.syncState];
  const unsure = await d.transaction('rw', tables, async () => {
    const stored = await d.lists.where('accountId').equals(accountId).toArray();
    // Lists still being created locally keep their temporary rows until X confirms them; after a walk cut short or
    // partial, lists it did not see are kept, and so are lists X's errors named.
    const gone = goneFrom(walk, flags);
    const dropped = stored.filter((l) => gone(l.id) && /^\d+$/.test(l.id));
    for (const l of dropped) await d.lists.delete([accountId, l.id]);
    const before = new Map(stored.map((l) => [l.id, l]));
    // An answer cut short, partial or whose errors named the List did not reach it: its flag stays as stored, not
    // cleared because another answer showed the List.
    const kept = (flag: ListFlag, id: string) => {
      const part = parts.get(flag);
      return (!part || !!part.cut || !!part.partial || !!part.named?.has(id)) && before.get(id)?.[flag] === true;
    };
    const rows: ListRow[] = [...flags.values()].map((entry) => {
      const { list } = entry;
      const flag = (f: ListFlag) => entry[f] || kept(f, list.id);
      // Its owner_id ("Owner's user ID", x-api--lists--list-lookup--integrate) says whose it is, whichever answer
      // showed it: one's own List stays one's own when owned_lists was read before it was made.
      const owned = entry.owned || (list.owner_id ? list.owner_id === accountId : kept('owned', list.id));
      const read = row(accountId, list, { owned, followed: flag('followed'), pinned: flag('pinned'), member: flag('member') });
      // A List Perch made stays known to hold exactly its stored members only while X's figure says it had none: a
      // figure above 0 may count someone added on x.com in place of someone taken off there, the same number of
      // members but not the same ones, and a member whose add still waits in the outbox is none of X's.
      return before.get(list.id)?.knownEmpty && list.member_count === 0 ? { ...read, knownEmpty: true } : read;
    });
    await d.lists.bulkPut(rows);
    await ctx.reapplyActions(d, LIST_ACTIONS);
    // One's own List that the whole walk of owned_lists no longer listed was deleted on x.com (X gives no other way to
    // stop owning one): recorded as a deletion through Perch is (list-gone.ts), unless an action since put it back.
    const deleted = dropped.filter((l) => l.owned).map((l) => l.id);
    const back = new Set((await d.lists.bulkGet(deleted.map((id) => [accountId, id]))).map((l) => l?.id));
    const goneOnX = deleted.filter((id) => !back.has(id));
    for (const id of goneOnX) await d.listMembers.where('[accountId+listId]').equals([accountId, id]).delete();
    await recordGone(d, accountId, goneOnX);
    // A List X listed (in any of the four answers) exists: one it once said gone is linked again.
    await recordSeen(d, accountId, new Set(flags.keys()));
    const unsure = await countMembersSince(d, accountId, countAt);
    // Only a List the walk kept flagged can lose the flag: the others' rows and members are not read again.
    await forgetUnheld(
      d,
      accountId,
      rows.filter((r) => r.knownEmpty).map((r) => r.id),
    );
    return unsure;
  });
  await recountMembers(ctx, unsure);
}

/**
 * A List's member count as the person left it: X's figure, moved by each member the person added or removed through
 * Perch that the page showing it may predate (lib/services/actions-since.ts: still waiting, or confirmed by X after that
 * page was asked for), in the outbox's order. One X confirmed before the page was asked for is in its figure already,
 * and counted once. The membership rows are not the walk's (Load members keeps them): only the count is moved.
 * @returns the Lists whose figure may already show a change counted on it (X had it before the page's answer came):
 *   their count may be one too many or too few, until read again.
 */
async function countMembersSince(d: PerchDb, accountId: string, countAt: Map<string, Read>): Promise<string[]> {
  const byRead = new Map<Read, Set<string>>();
  for (const [id, read] of countAt) byRead.set(read, (byRead.get(read) ?? new Set()).add(id));
  const unsure: string[] = [];
  for (const [read, ids] of byRead) {
    for (const [id, actions] of await memberChanges(d, accountId, read.asked, ids)) {
      const list = await d.lists.get([accountId, id]);
      if (list?.memberCount === undefined) continue;
      await d.lists.put({ ...list, memberCount: countWith(list.memberCount, actions) });
      if (actions.some((a) => read.tried.has(a.seq!))) unsure.push(id);
    }
  }
  return unsure;
}

/**
 * Reads again, with X's List lookup (GET /2/lists/:id, operation getListsById, list.fields=member_count:
 * x-api--lists--get-list-by-id), the member count of each List the walk left unsure, and stores X's figure moved by
 * the changes that lookup may predate, as the walk does. One whose lookup is unsure again (the person changed its
 * members while it was read) is read again after the others. At most MAX_RECOUNTS lookups; a List past them, or whose
 * lookup X refused or answered without a count, keeps the count the walk stored.
 * @throws what is not X's or sign-in's refusal (a fault in Perch)
 */
async function recountMembers(ctx: WalkContext, unsure: string[]): Promise<void> {
  const { client, accountId } = ctx;
  const d = db();
  const queue = [...unsure];
  for (let lookups = 0; lookups < MAX_RECOUNTS && queue.length; lookups++) {
    const id = queue.shift()!;
    const asked = await actionsAt(d, accountId);
    let figure: number | undefined;
    try {
      const list = await getList(client, id, { fields: { 'list.fields': ['member_count'] } });
      if (list.id === id) figure = list.member_count;
    } catch (error) {
      // X saying the List does not exist (deleted on x.com) forgets it (list-gone.ts); any other refusal keeps it.
      if (listGoneIn(error)) await forgetGoneList(d, accountId, id);
      if (error instanceof XApiError || error instanceof AuthError) continue;
      throw error;
    }
    const read: Read = { asked, tried: await triedSince(d, accountId, asked) };
    if (figure === undefined) continue;
    const onX = figure;
    const again = await d.transaction('rw', [d.lists, d.listMembers, d.actions], async () => {
      // Not put back if it went meanwhile (deleted, or its account signed out).
      const list = await d.lists.get([accountId, id]);
      if (list?.memberCount === undefined) return false;
      const actions = (await memberChanges(d, accountId, read.asked, new Set([id]))).get(id) ?? [];
      // As after the walk: a List Perch made stays known whole only on X's figure of 0 (any other figure may count
      // someone else: the same number is not the same members), its stored members then the ones Perch added since.
      const { knownEmpty, ...rest } = list;
      await d.lists.put({ ...(knownEmpty && onX === 0 ? { ...rest, knownEmpty } : rest), memberCount: countWith(onX, actions) });
      await forgetUnheld(d, accountId, [id]);
      return actions.some((a) => read.tried.has(a.seq!));
    });
    if (again) queue.push(id);
  }
}

/** The stored row of a List X returned, with its flags. */
function row(accountId: string, list: XList, flags: Record<ListFlag, boolean>): ListRow {
  return {
    accountId,
    id: list.id,
    name: list.name,
    ...(list.description !== undefined ? { description: list.description } : {}),
    ...(list.private !== undefined ? { private: list.private } : {}),
    ...(list.owner_id ? { ownerId: list.owner_id } : {}),
    ...(list.member_count !== undefined ? { memberCount: list.member_count } : {}),
    ...(list.follower_count !== undefined ? { followerCount: list.follower_count } : {}),
    ...(list.created_at ? { createdAt: list.created_at } : {}),
    ...flags,
  };
}

const RELATIONS = {
  muted: { fetch: getMutedUsers, actions: typesOfCollection('muted') },
  blocked: { fetch: getBlockedUsers, actions: typesOfCollection('blocked') },
} satisfies Record<
  string,
  {
    fetch: (client: XClient, userId: string, options: { maxResults: number; paginationToken?: string }) => Promise<Page<XUser>>;
    actions: readonly string[];
  }
>;

/** Reads the muted or blocked accounts and stores them in X's order. */
export async function walkRelation(ctx: WalkContext, table: 'muted' | 'blocked'): Promise<void> {
  const { client, accountId, walk } = ctx;
  const d = db();
  const users: XUser[] = [];
  const { fetch, actions } = RELATIONS[table];
  const read = async (token?: string) => listedPage(await fetch(client, accountId, pageOptions(PAGE.users, token)));
  for await (const page of pages(read, MAX_PAGES.other, walk)) {
    notePage(walk, page);
    users.push(...page.items);
    await putUsers(
      d,
      page.items.map((u) => userRow(accountId, u, new Date(ctx.now()).toISOString())),
    );
    await ctx.onPage(page.items.length);
  }
  await d.transaction('rw', [d[table], d.actions], async () => {
    const seen = new Set(users.map((u) => u.id));
    // After a walk cut short or partial, accounts it did not see are kept (below the ones read), not taken for removed;
    // after a whole one, so are accounts X's errors named.
    const gone = goneFrom(walk, seen);
    const rest = (await d[table].where('accountId').equals(accountId).toArray())
      .filter((r) => !seen.has(r.userId) && !gone(r.userId))
      .sort((a, b) => b.position - a.position);
    await d[table].where('accountId').equals(accountId).delete();
    // The first kept (the highest before) goes just below the ones read: their order stays as it was.
    await d[table].bulkPut(rest.map((r, i) => ({ ...r, position: -1 - i })));
    let position = users.length;
    await d[table].bulkPut(users.map((u) => ({ accountId, userId: u.id, position: position-- })));
    await ctx.reapplyActions(d, actions);
  });
}
