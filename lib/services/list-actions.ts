import { ACTION_TYPES, type ActionType } from '../action-types';
import { putMemberFirst, type ListMemberRow, type ListRow, type PerchDb } from '../db';
import type { XClient } from '../x/client';
import {
  addListMember,
  createList,
  deleteList,
  followList,
  getOwnedLists,
  pinList,
  removeListMember,
  unfollowList,
  unpinList,
  updateList,
} from '../x/lists';
import { XApiError } from '../x/errors';
import { listedPage, wholePage } from '../x/pages';
import { gone, inverseOf, str } from './action-kit';
import { listGoneIn } from './list-gone';
import type { ActionDef, Params } from './outbox';
import { PAGE, pageOptions, pages, type Walk } from './sync-walk';

/** The most owned_lists pages a lost List creation reads to find it: 1,000 Lists. */
const OWNED_LISTS_PAGES = 10;

/** How far ahead of X's clock this device's may be when a lost List creation is looked for by its time. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * The list actions of the outbox (x-api--lists--*): create, change, delete, pin, follow, add and remove a member.
 * Their types, families and undos are declared in lib/action-types.ts.
 */

type RowSnapshot<T> = T | null;

/** A flag on a list row (pinned, followed). */
function listFlag(
  flag: 'pinned' | 'followed',
  on: boolean,
  send: (client: XClient, accountId: string, listId: string) => Promise<unknown>,
  type: ActionType,
): ActionDef {
  return {
    target: (p) => `list:${str(p, 'listId')}:${flag}`,
    tables: (d) => [d.lists],
    async apply(d, accountId, p) {
      const key: [string, string] = [accountId, str(p, 'listId')];
      const before = (await d.lists.get(key)) ?? null;
      if (before) await d.lists.put({ ...before, [flag]: on });
      return before;
    },
    async rollback(d, _accountId, _p, snapshot) {
      const before = snapshot as RowSnapshot<ListRow>;
      if (before) await d.lists.put(before);
    },
    async execute(client, accountId, p) {
      await send(client, accountId, str(p, 'listId'));
    },
    idempotent: true,
    ...inverseOf(type),
  };
}

/**
 * What adding or removing a member changed: the membership row before. An object, unlike the row alone that actions
 * stored before counts were kept hold, so a rollback knows the action moved the List's count. Actions stored before
 * this also hold the count before them (`memberCount`), which nothing reads.
 */
interface MemberSnapshot {
  member: ListMemberRow | null;
}

function member(on: boolean): ActionDef {
  return {
    target: (p) => `list:${str(p, 'listId')}:member:${str(p, 'userId')}`,
    tables: (d) => [d.listMembers, d.lists],
    async apply(d, accountId, p) {
      const key: [string, string, string] = [accountId, str(p, 'listId'), str(p, 'userId')];
      const before = (await d.listMembers.get(key)) ?? null;
      if (on) await putMemberFirst(d.listMembers, accountId, key[1], key[2]);
      else await d.listMembers.delete(key);
      // The list's member_count (x-api--lists--list-lookup) follows the change, as X's will: "10 members", not 9.
      const list = await d.lists.get([accountId, key[1]]);
      if (list?.memberCount !== undefined && !!before !== on)
        await d.lists.put({ ...list, memberCount: Math.max(0, list.memberCount + (on ? 1 : -1)) });
      const snapshot: MemberSnapshot = { member: before };
      return snapshot;
    },
    async rollback(d, accountId, p, snapshot) {
      // An action stored before counts were kept holds the membership row alone (or null), and changed no count.
      const { member, counted } =
        snapshot && typeof snapshot === 'object' && 'member' in snapshot
          ? { member: (snapshot as MemberSnapshot).member, counted: true }
          : { member: snapshot as ListMemberRow | null, counted: false };
      // A row kept before members had positions (store version 4) goes back first.
      if (member && typeof member.position === 'number') await d.listMembers.put(member);
      else if (member) await putMemberFirst(d.listMembers, accountId, member.listId, member.userId);
      else await d.listMembers.delete([accountId, str(p, 'listId'), str(p, 'userId')]);
      // The one it added to the count (or took from it) is given back, not the count before it: another member's
      // change since, or X's newer figure a sync stored (with this action counted), stays.
      const list = await d.lists.get([accountId, str(p, 'listId')]);
      if (counted && !!member !== on && list?.memberCount !== undefined)
        await d.lists.put({ ...list, memberCount: Math.max(0, list.memberCount + (on ? -1 : 1)) });
    },
    async execute(client, _accountId, p) {
      if (on) await addListMember(client, str(p, 'listId'), str(p, 'userId'));
      // A not-found naming the member: they are on it no more, done. One naming the List (deleted on x.com,
      // removeListsMemberByUserId's ResourceNotFoundProblem, `resource_type: "list"`) removed no one: it fails as X
      // answered, and the List is forgotten and recorded gone as for the other List actions (outbox-failure.ts).
      else await gone(() => removeListMember(client, str(p, 'listId'), str(p, 'userId')), listGoneIn);
    },
    idempotent: true,
    ...inverseOf(on ? 'list.addMember' : 'list.removeMember'),
  };
}

const listCreate: ActionDef = {
  target: (p) => `list:${str(p, 'tempId')}`,
  tables: (d) => [d.lists],
  async apply(d, accountId, p) {
    await d.lists.put({
      accountId,
      id: str(p, 'tempId'),
      name: str(p, 'name'),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      private: p.private === true,
      // X's answer to createList carries no counts, but a new List has no members yet: "0 members", as on every card,
      // until a sync reads X's figure (confirm keeps what a sync read). Perch made it: that it is empty is Perch's own
      // knowledge, until X says it has members.
      memberCount: 0,
      knownEmpty: true,
      ownerId: accountId,
      owned: true,
      followed: false,
      pinned: false,
      member: false,
    });
    return null;
  },
  async rollback(d, accountId, p) {
    await d.lists.delete([accountId, str(p, 'tempId')]);
  },
  async execute(client, _accountId, p) {
    const created = await createList(client, {
      name: str(p, 'name'),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(typeof p.private === 'boolean' ? { private: p.private } : {}),
    });
    return { id: created.id };
  },
  async confirm(d, accountId, p, result) {
    const tempKey: [string, string] = [accountId, str(p, 'tempId')];
    const row = await d.lists.get(tempKey);
    await d.lists.delete(tempKey);
    if (!row || typeof result?.id !== 'string') return;
    // What a sync already stored under X's id (read after X made it) is X's word, and stays over the temporary row; a
    // member count above 0 in it says the List has members, which Perch no longer knows it has none of.
    const read = await d.lists.get([accountId, result.id]);
    const { knownEmpty, ...made } = row;
    const empty = knownEmpty && !(read?.memberCount !== undefined && read.memberCount > 0) ? { knownEmpty } : {};
    await d.lists.put({ ...made, ...read, ...empty, id: result.id });
  },
  idempotent: false,
  async reconcile(client, accountId, p, action) {
    // Its answer was lost: a list of that name created since the action was taken means X did create it. X does not
    // say in which order owned_lists comes (x-api--users--get-owned-lists), so every page is read; only when each was
    // whole is "not there" known, and the List may be sent again (sent twice, it makes two Lists).
    // X's clock stamps created_at, this device's the action: one a few seconds ahead of X's would miss the List.
    const at = Date.parse(action.createdAt);
    const since = Number.isFinite(at) ? new Date(at - CLOCK_SLACK_MS).toISOString().slice(0, 19) : action.createdAt.slice(0, 19);
    // A List of that name without created_at (List requires only id and name: openapi.json `List`) may be an older
    // one: taken for the new one, Undo would delete it. Nor is the new List known absent while one is there.
    const walk: Walk = { pages: 0 };
    let whole = true;
    const read = async (token?: string) => listedPage(await getOwnedLists(client, accountId, pageOptions(PAGE.lists, token)));
    for await (const page of pages(read, OWNED_LISTS_PAGES, walk)) {
      const named = page.items.filter((l) => l.name === p.name);
      const made = named.find((l) => l.created_at !== undefined && l.created_at >= since);
      if (made) return { id: made.id };
      if (!wholePage(page) || named.some((l) => l.created_at === undefined)) whole = false;
    }
    if (whole && !walk.cut) return undefined;
    // Not known either way: it waits and looks again, saying so ('unavailable' is retried with its back-off).
    throw new XApiError('unavailable', { ownWords: { kind: 'list-create-unsure' } });
  },
  inverse: (_p, result) =>
    typeof result?.id === 'string' ? { type: ACTION_TYPES['list.create'].undo, params: { listId: result.id } } : undefined,
};

const listUpdate: ActionDef = {
  target: (p) => `list:${str(p, 'listId')}`,
  tables: (d) => [d.lists],
  async apply(d, accountId, p) {
    const key: [string, string] = [accountId, str(p, 'listId')];
    const before = (await d.lists.get(key)) ?? null;
    if (before) {
      await d.lists.put({
        ...before,
        ...(typeof p.name === 'string' ? { name: p.name } : {}),
        ...(typeof p.description === 'string' ? { description: p.description } : {}),
        ...(typeof p.private === 'boolean' ? { private: p.private } : {}),
      });
    }
    return before;
  },
  async rollback(d, _accountId, _p, snapshot) {
    if (snapshot) await d.lists.put(snapshot as ListRow);
  },
  async execute(client, _accountId, p) {
    await updateList(client, str(p, 'listId'), {
      ...(typeof p.name === 'string' ? { name: p.name } : {}),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(typeof p.private === 'boolean' ? { private: p.private } : {}),
    });
  },
  idempotent: true,
};

const listDelete: ActionDef = {
  target: (p) => `list:${str(p, 'listId')}`,
  tables: (d) => [d.lists, d.listMembers],
  async apply(d, accountId, p) {
    const key: [string, string] = [accountId, str(p, 'listId')];
    const list = (await d.lists.get(key)) ?? null;
    const members = await d.listMembers.where('[accountId+listId]').equals(key).toArray();
    await d.lists.delete(key);
    await d.listMembers.where('[accountId+listId]').equals(key).delete();
    return { list, members };
  },
  async rollback(d, _accountId, _p, snapshot) {
    const { list, members } = snapshot as { list: ListRow | null; members: ListMemberRow[] };
    if (list) await d.lists.put(list);
    // Rows kept before members had positions (store version 4) get them in the order they were kept.
    await d.listMembers.bulkPut(members.map((m, i) => (typeof m.position === 'number' ? m : { ...m, position: i })));
  },
  async execute(client, _accountId, p) {
    await gone(() => deleteList(client, str(p, 'listId')));
  },
  idempotent: true,
};

/** Unfollowing a list also unpins it on X: show both at once. */
async function unfollowAndUnpin(d: PerchDb, accountId: string, p: Params): Promise<unknown> {
  const key: [string, string] = [accountId, str(p, 'listId')];
  const before = (await d.lists.get(key)) ?? null;
  if (before) await d.lists.put({ ...before, followed: false, ...(before.owned ? {} : { pinned: false }) });
  return before;
}

/** The list actions, by type. */
export const LIST_ACTIONS = {
  'list.create': listCreate,
  'list.update': listUpdate,
  'list.delete': listDelete,
  'list.addMember': member(true),
  'list.removeMember': member(false),
  'list.pin': listFlag('pinned', true, pinList, 'list.pin'),
  'list.unpin': listFlag('pinned', false, unpinList, 'list.unpin'),
  'list.follow': listFlag('followed', true, followList, 'list.follow'),
  'list.unfollow': { ...listFlag('followed', false, unfollowList, 'list.unfollow'), apply: unfollowAndUnpin },
} satisfies Record<Extract<ActionType, `list.${string}`>, ActionDef>;
