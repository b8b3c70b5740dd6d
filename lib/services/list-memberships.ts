import { db, putMemberFirst } from '../db';
import { textOf } from '../db/row-fields';
import type { XClient } from '../x/client';
import { getListMemberships } from '../x/lists';
import { listedPage, wholePage } from '../x/pages';

/** Which of the account's own lists a person is on: the popup's list picker (entrypoints/popup/ListPicker.tsx). */

const MAX_MEMBERSHIP_PAGES = 5;

/**
 * The account's owned lists, each saying whether this user is a member (one request to X, when asked), and whether
 * the list is private when X said so (`private` is left out when X did not: not known public).
 * @throws XApiError (X's refusal when it answered a page with only errors: what was stored is kept)
 */
export async function listsForUser(
  client: XClient,
  accountId: string,
  userId: string,
): Promise<{ id: string; name: string; private?: boolean; member: boolean }[]> {
  const d = db();
  const owned = await d.lists
    .where('accountId')
    .equals(accountId)
    .filter((l) => l.owned && /^\d+$/.test(l.id))
    .toArray();
  const memberships = new Set<string>();
  const ownedIds = new Set(owned.map((l) => l.id));
  let token: string | undefined;
  const asked = new Set<string>();
  let whole = true;
  // A well-known account can be on thousands of lists: read a few pages at most (X allows 75 reads / 15 min), and
  // stop if X hands back a token already followed (its answer would walk in circles).
  for (let pages = 0; pages < MAX_MEMBERSHIP_PAGES; pages++) {
    const page = listedPage(await getListMemberships(client, userId, { maxResults: 100, ...(token ? { paginationToken: token } : {}) }));
    // A next page X's operation would refuse to be asked for (lib/x/pages.ts `tokenRefused`): not all read.
    if (!wholePage(page) || page.tokenRefused) whole = false;
    for (const l of page.items) memberships.add(l.id);
    token = page.nextToken;
    if (!token || asked.has(token) || [...ownedIds].every((id) => memberships.has(id))) break;
    asked.add(token);
  }
  if (token || !whole) {
    // Not all read, or X left some out: for owned lists not seen, keep what the store knew.
    for (const l of owned) if (!memberships.has(l.id) && (await d.listMembers.get([accountId, l.id, userId]))) memberships.add(l.id);
  }
  await d.transaction('rw', d.listMembers, async () => {
    for (const l of owned) {
      if (memberships.has(l.id)) await putMemberFirst(d.listMembers, accountId, l.id, userId);
      else await d.listMembers.delete([accountId, l.id, userId]);
    }
  });
  // A name stored as something other than text (a store edited by hand) reads as none, as the Lists tab reads it
  // (components/manager/stored-rows.ts), rather than failing the picker for every List.
  return owned
    .map((l) => ({
      id: l.id,
      name: textOf(l.name),
      ...(l.private === undefined ? {} : { private: l.private }),
      member: memberships.has(l.id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
