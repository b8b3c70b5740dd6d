import type { UserRow } from '@/lib/db';
import { USERNAME_PATTERN } from '@/lib/limits';
import { isId, isNumber } from '@/lib/db/row-fields';
import { foldForSearch } from '@/lib/services/records';
import { shownAccountName } from '@/components/account-words';
import { readUser } from './stored-rows';

/**
 * The accounts of the Muted and Blocked tabs and the account lookup: reading an @username from what the person
 * typed, the profile link, joining relation rows with what is known of each account, and searching them.
 */

/**
 * The X username in what the person typed: "ewd", "@ewd", " @EWD ", or a profile link such as
 * "https://x.com/ewd". Undefined when it cannot be a username (X's rule: 1–15 letters, digits or underscores).
 */
export function usernameFrom(input: string): string | undefined {
  let text = input.trim();
  const link = /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\/@?([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(text);
  if (link?.[1]) text = link[1];
  text = text.replace(/^@/, '');
  return USERNAME_PATTERN.test(text) ? text : undefined;
}

/** An account as the Muted and Blocked tabs list it. */
export interface AccountEntry {
  id: string;
  name: string;
  /** Empty when Perch never learned who it is. */
  username: string;
  profileImageUrl?: string;
  protected?: boolean;
  position: number;
  /** Folded words the row shows (its name as shown, "Unknown account" when none reads, and @username), for search. */
  search: string;
}

/**
 * Joins relation rows (muted or blocked) with what is known of each account, most recent first, each read field by
 * field (stored-rows.ts): a row without the account's id is left out, since nothing could unmute or unblock it.
 * `users` is in the same order as `relations` (undefined where the account is unknown).
 */
export function accountEntries(
  relations: readonly { userId: string; position: number }[],
  users: readonly (UserRow | undefined)[],
): AccountEntry[] {
  const out = relations.flatMap((r, i): AccountEntry[] => {
    if (!isId(r.userId)) return [];
    const u = readUser(users[i]);
    const name = u?.name ?? '';
    const username = u?.username ?? '';
    return [
      {
        id: r.userId,
        name,
        username,
        ...(u?.profileImageUrl ? { profileImageUrl: u.profileImageUrl } : {}),
        ...(u?.protected ? { protected: true } : {}),
        position: isNumber(r.position) ? r.position : 0,
        search: foldForSearch(`${shownAccountName({ name, username })}${username ? ` @${username}` : ''}`),
      },
    ];
  });
  return out.sort((a, b) => b.position - a.position);
}

/**
 * The entries whose shown words (name as shown, @username) hold every word of the query, ignoring case and accents
 * ("eowyn" finds "Éowyn", "@EWD" finds "@ewd", "unknown" an account shown as "Unknown account"). An empty query keeps
 * everything.
 */
export function searchEntries<T extends { search: string }>(entries: T[], query: string): T[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => words.every((w) => e.search.includes(w)));
}
