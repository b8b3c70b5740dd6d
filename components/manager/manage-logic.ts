import { AWAITING_PERSON, type ActionRow, type ListRow, type UserRow } from '@/lib/db';
import { escapeMarkdown, markdownXLink, markdownXText, toCsv, toJson, toMarkdownList, type Column } from '@/lib/export';
import { foldForSearch } from '@/lib/services/records';

/**
 * The pure rules behind the Lists, Muted and Blocked tabs: reading an @username, searching accounts, X's limits
 * for a list's name and description, the sections of the Lists tab, and what an action in the outbox is doing.
 */

/** X's limits for a list (X's OpenAPI `ListCreateRequest`: name 1–25, description up to 100). */
export const LIST_NAME_MAX = 25;
export const LIST_DESCRIPTION_MAX = 100;

/**
 * How long a list's name or description is, as Perch checks it: in UTF-16 code units, as the background's message
 * contract does. X counts code points, so this is never more lenient than X (an emoji may count 2 here, 1 on X).
 */
export function listTextLength(text: string): number {
  return text.length;
}

export type ListFieldProblem = 'name-missing' | 'name-too-long' | 'description-too-long';

/** What is wrong with a list's name and description before X sees them (nothing: an empty array). */
export function listFieldProblems(fields: { name: string; description: string }): ListFieldProblem[] {
  const problems: ListFieldProblem[] = [];
  const name = fields.name.trim();
  if (!name) problems.push('name-missing');
  else if (listTextLength(name) > LIST_NAME_MAX) problems.push('name-too-long');
  if (listTextLength(fields.description.trim()) > LIST_DESCRIPTION_MAX) problems.push('description-too-long');
  return problems;
}

const USERNAME = /^[A-Za-z0-9_]{1,15}$/;

/**
 * The X username in what the person typed: "ewd", "@ewd", " @EWD ", or a profile link such as
 * "https://x.com/ewd". Undefined when it cannot be a username (X's rule: 1–15 letters, digits or underscores).
 */
export function usernameFrom(input: string): string | undefined {
  let text = input.trim();
  const link = /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\/@?([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(text);
  if (link?.[1]) text = link[1];
  text = text.replace(/^@/, '');
  return USERNAME.test(text) ? text : undefined;
}

/** The person's profile on x.com, where they can act themselves when the API may not. */
export function profileUrl(username: string): string {
  return `https://x.com/${encodeURIComponent(username)}`;
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

/** A list Perch is still creating has a temporary id until X answers with the real one. */
export function isPendingList(list: Pick<ListRow, 'id'>): boolean {
  return !/^\d{1,19}$/.test(list.id);
}

export interface ListSections {
  owned: ListRow[];
  pinned: ListRow[];
  followed: ListRow[];
  member: ListRow[];
}

const byName = (a: ListRow, b: ListRow) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * The Lists tab's sections from the lists' flags: owned (being created first, then newest), pinned, followed
 * (lists one does not own) and member of, the last three by name. A list may appear in several.
 */
export function listSections(lists: ListRow[]): ListSections {
  const owned = lists
    .filter((l) => l.owned)
    .sort(
      (a, b) => Number(isPendingList(b)) - Number(isPendingList(a)) || (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || byName(a, b),
    );
  return {
    owned,
    pinned: lists.filter((l) => l.pinned).sort(byName),
    followed: lists.filter((l) => l.followed && !l.owned).sort(byName),
    member: lists.filter((l) => l.member).sort(byName),
  };
}

/** Where one action the person took stands, for its status line. */
export type ActionPhase =
  | { kind: 'queued'; until?: number }
  | { kind: 'sending' }
  | { kind: 'done' }
  | { kind: 'failed'; errorKind: string; message: string }
  | { kind: 'undoing' }
  | { kind: 'undone' }
  | { kind: 'undo-failed'; errorKind: string; message: string };

/**
 * What an outbox action is doing: waiting (until a rate limit resets or a retry is due, when that is later than
 * now), being sent, done, refused — and, once an undo was asked for, where the undo stands (the outbox forgets a
 * refused undo on the action itself, so the caller passes the undo it asked for).
 */
export function actionPhase(
  action: Pick<ActionRow, 'state' | 'notBefore' | 'error'>,
  undo: Pick<ActionRow, 'state' | 'error'> | undefined,
  now: number,
): ActionPhase {
  if (undo) {
    if (undo.state === 'queued' || undo.state === 'sending') return { kind: 'undoing' };
    if (undo.state === 'failed') return { kind: 'undo-failed', errorKind: undo.error?.kind ?? 'error', message: undo.error?.message ?? '' };
    return { kind: 'undone' };
  }
  switch (action.state) {
    case 'queued':
      return action.notBefore > now && action.notBefore < AWAITING_PERSON
        ? { kind: 'queued', until: action.notBefore }
        : { kind: 'queued' };
    case 'sending':
      return { kind: 'sending' };
    case 'done':
      return { kind: 'done' };
    case 'failed':
      return { kind: 'failed', errorKind: action.error?.kind ?? 'error', message: action.error?.message ?? '' };
  }
}

const ACCOUNT_COLUMNS: readonly Column<AccountEntry>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'username', value: (e) => e.username },
  { header: 'name', value: (e) => e.name },
  { header: 'url', value: (e) => (e.username ? profileUrl(e.username) : '') },
];

/** Muted or blocked accounts as CSV (lib/export csvField: every text cell quoted, formulas neutralised, bidi isolated). */
export function accountsToCsv(entries: readonly AccountEntry[]): string {
  return toCsv(entries, ACCOUNT_COLUMNS);
}

/**
 * Muted or blocked accounts as JSON: which, when, how many, then each account, most recent first. Names are X's
 * raw text (no FSI/PDI): JSON is parsed, not rendered.
 */
export function accountsToJson(entries: readonly AccountEntry[], meta: { collection: 'muted' | 'blocked'; exportedAt: string }): string {
  return toJson({
    collection: meta.collection,
    exportedAt: meta.exportedAt,
    count: entries.length,
    accounts: entries.map((e) => ({
      id: e.id,
      username: e.username || null,
      name: e.name || null,
      url: e.username ? profileUrl(e.username) : null,
    })),
  });
}

/**
 * Muted or blocked accounts as a Markdown list under a heading: name, then a link to the profile; the name and
 * @username are bidi-isolated (FSI…PDI) so that neither can reorder the other.
 */
export function accountsToMarkdown(entries: readonly AccountEntry[], title: string): string {
  const item = (e: AccountEntry) =>
    e.username
      ? `${e.name ? `**${markdownXText(e.name)}** ` : ''}${markdownXLink(`@${e.username}`, profileUrl(e.username))}`
      : escapeMarkdown(e.id);
  return `# ${escapeMarkdown(title)}\n\n${toMarkdownList(entries, item)}`;
}

/**
 * A list's members in X's order (newest member first, as the loaded pages gave them); members not in those pages —
 * just added, or stored from an earlier visit — come first, by name.
 */
export function orderMembers<T extends { id: string; name: string }>(members: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...members].sort((a, b) => {
    const ra = rank.get(a.id) ?? -1;
    const rb = rank.get(b.id) ?? -1;
    return ra - rb || (ra === -1 ? a.name.localeCompare(b.name) : 0);
  });
}
