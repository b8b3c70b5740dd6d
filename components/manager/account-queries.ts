import Dexie from 'dexie';
import { db, type UserRow } from '@/lib/db';
import { isId } from '@/lib/db/row-fields';
import { accountEntries, type AccountEntry } from './accounts';
import { readUser } from './stored-rows';

/**
 * How the manager reads long lists of accounts from the store (the Muted and Blocked tabs, a list's members) so a
 * big account's first screen comes at once: the newest rows through the `[accountId+position]` index with a limit,
 * and the whole list in one read a table instead of one request an account.
 */

/** The rows a first screen needs: more than the tallest window shows (about 20 rows of 56 px). */
export const FIRST_SCREEN_ACCOUNTS = 40;

/**
 * The `limit` most recently muted or blocked accounts, newest first, joined with what is known of each: the
 * first rows of `allAccounts`, read through the position index without loading the rest.
 * @throws if IndexedDB fails.
 */
export async function newestAccounts(
  accountId: string,
  collection: 'muted' | 'blocked',
  limit = FIRST_SCREEN_ACCOUNTS,
): Promise<AccountEntry[]> {
  const d = db();
  const relations = await d[collection]
    .where('[accountId+position]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
  const users = await d.users.bulkGet(relations.map((r) => [accountId, r.userId] as [string, string]));
  return accountEntries(relations, users);
}

/**
 * Every muted or blocked account, newest first, joined with what is known of each.
 * @throws if IndexedDB fails.
 */
export async function allAccounts(accountId: string, collection: 'muted' | 'blocked'): Promise<AccountEntry[]> {
  return (await storedAccounts(accountId, collection)).entries;
}

/**
 * `allAccounts`, and how many stored rows it left out: rows of another shape without the account's id
 * (accounts.ts `accountEntries`), which the tab counts in one line.
 * @throws if IndexedDB fails.
 */
export async function storedAccounts(
  accountId: string,
  collection: 'muted' | 'blocked',
): Promise<{ entries: AccountEntry[]; unreadable: number }> {
  const d = db();
  const relations = await d[collection].where('accountId').equals(accountId).toArray();
  const entries = accountEntries(relations, await usersOf(accountId, relations));
  return { entries, unreadable: relations.length - entries.length };
}

type MemberUser = Pick<UserRow, 'id' | 'name' | 'username'>;

/** A list's stored members in X's order (newest added first), through the `[accountId+listId+position]` index. */
const membersByPosition = (accountId: string, listId: string) =>
  db().listMembers.where('[accountId+listId+position]').between([accountId, listId, Dexie.minKey], [accountId, listId, Dexie.maxKey]);

/**
 * The first `limit` members stored for a list, in X's order, each with what is known of them: the head of
 * `listMemberUsers`, read without loading the rest.
 * @throws if IndexedDB fails.
 */
export async function firstListMemberUsers(accountId: string, listId: string, limit = FIRST_SCREEN_ACCOUNTS): Promise<MemberUser[]> {
  const rows = await membersByPosition(accountId, listId).limit(limit).toArray();
  const users = await db().users.bulkGet(rows.map((r) => [accountId, r.userId] as [string, string]));
  return memberUsers(rows, users);
}

/**
 * The members stored for a list, each with what is known of them (an unknown account has only its id), in X's
 * order: most recently added first, as GET /2/lists/{id}/members (x-api--lists--list-members) and x.com list them.
 * @throws if IndexedDB fails.
 */
export async function listMemberUsers(accountId: string, listId: string): Promise<MemberUser[]> {
  return (await storedListMembers(accountId, listId)).members;
}

/**
 * `listMemberUsers`, and how many stored member rows it left out (those without the account's id, which nothing
 * could remove): the List's page counts them in one line. A member whose position is no key the position index
 * holds (another version's row, a store edited by hand) is listed after the others: it is a member all the same,
 * with its Remove.
 * @throws if IndexedDB fails.
 */
export async function storedListMembers(accountId: string, listId: string): Promise<{ members: MemberUser[]; unreadable: number }> {
  const ofList = db().listMembers.where('[accountId+listId]').equals([accountId, listId]);
  const [indexed, total] = await Promise.all([membersByPosition(accountId, listId).toArray(), ofList.count()]);
  // Only when some rows are missing from the position index is the List read again, whole.
  const listed = new Set(indexed.map((r) => r.userId));
  const unindexed = total > indexed.length ? (await ofList.toArray()).filter((r) => isId(r.userId) && !listed.has(r.userId)) : [];
  const rows = [...indexed.filter((r) => isId(r.userId)), ...unindexed];
  return { members: memberUsers(rows, await usersOf(accountId, rows)), unreadable: total - rows.length };
}

/**
 * Of the members a page of X's named (`ids`, in its order), those the store holds for the list, in that order, each
 * with what is known of them. Read once the background has answered, it holds the page as stored: a member whose
 * removal still waits in the outbox is not among them (the members view shows no row for them).
 * @throws if IndexedDB fails.
 */
export async function storedListMembersOf(accountId: string, listId: string, ids: readonly string[]): Promise<MemberUser[]> {
  const d = db();
  const found = await d.listMembers.bulkGet(ids.map((id) => [accountId, listId, id] as [string, string, string]));
  const rows = found.flatMap((r) => (r ? [r] : []));
  return memberUsers(rows, await d.users.bulkGet(rows.map((r) => [accountId, r.userId] as [string, string])));
}

/**
 * Members with what is known of each, read field by field (stored-rows.ts): a name that is not text reads as none.
 * A row without the account's id is left out: its Remove could not act on it.
 */
function memberUsers(rows: readonly { userId: string }[], users: readonly (UserRow | undefined)[]): MemberUser[] {
  return rows.flatMap((r, i) => (isId(r.userId) ? [{ name: '', username: '', ...readUser(users[i]), id: r.userId }] : []));
}

/** Above this many accounts, one read of the account's users beats one request per account. */
const ONE_READ_FROM = 500;

/**
 * The stored users of `rows`, in their order (undefined where unknown). A few are read by key; thousands in one
 * read of every user of the account, since IndexedDB answers each key as its own request.
 */
async function usersOf(accountId: string, rows: readonly { userId: string }[]): Promise<(UserRow | undefined)[]> {
  const d = db();
  if (rows.length < ONE_READ_FROM) return d.users.bulkGet(rows.map((r) => [accountId, r.userId] as [string, string]));
  const byId = new Map<string, UserRow>();
  for (const u of await d.users.where('accountId').equals(accountId).toArray()) byId.set(u.id, u);
  return rows.map((r) => byId.get(r.userId));
}
