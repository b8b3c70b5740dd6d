import type { UserRow } from '@/lib/db';
import { USERNAME_PATTERN } from '@/lib/limits';
import { foldForSearch } from '@/lib/services/records';

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
  /** Folded name and @username, for search. */
  search: string;
}

/**
 * Joins relation rows (muted or blocked) with what is known of each account, most recent first.
 * `users` is in the same order as `relations` (undefined where the account is unknown).
 */
export function accountEntries(relations: { userId: string; position: number }[], users: (UserRow | undefined)[]): AccountEntry[] {
  const out = relations.map((r, i): AccountEntry => {
    const u = users[i];
    const name = u?.name ?? '';
    const username = u?.username ?? '';
    return {
      id: r.userId,
      name,
      username,
      ...(u?.profileImageUrl ? { profileImageUrl: u.profileImageUrl } : {}),
      ...(u?.protected ? { protected: true } : {}),
      position: r.position,
      search: foldForSearch(`${name} @${username}`),
    };
  });
  return out.sort((a, b) => b.position - a.position);
}

/**
 * The entries whose name or @username holds every word of the query, ignoring case and accents
 * ("eowyn" finds "Éowyn", "@EWD" finds "@ewd"). An empty query keeps everything.
 */
export function searchEntries<T extends { search: string }>(entries: T[], query: string): T[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => words.every((w) => e.search.includes(w)));
}
