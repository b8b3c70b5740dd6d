import type { ListRow } from '@/lib/db';
import { LIST_DESCRIPTION_MAX, LIST_NAME_MAX } from '@/lib/limits';

/**
 * The pure rules of the Lists tab: X's limits for a list's name and description, a list still being created, and the
 * tab's sections.
 */

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

/**
 * What an edit of `list` asks X to change (updateLists sends only the fields given, x-api--lists--update-list): each
 * field the person changed, compared as the form compares it, without the spaces at its ends. A name or description
 * X holds with a space or line break at its end, left as it was, is not sent back trimmed: the person did not change
 * it. `private` only when X said it (`privacySaid`): the form's blank box would otherwise claim it public.
 */
export function listEdits(
  list: Pick<ListRow, 'name' | 'description' | 'private'>,
  fields: { name: string; description: string; private: boolean },
  privacySaid: boolean,
): { name?: string; description?: string; private?: boolean } {
  return {
    ...(fields.name.trim() !== list.name.trim() ? { name: fields.name } : {}),
    ...(fields.description.trim() !== (list.description ?? '').trim() ? { description: fields.description } : {}),
    ...(privacySaid && fields.private !== list.private ? { private: fields.private } : {}),
  };
}

/**
 * Whether Pin (or Unpin) is offered on a List: X pins only Lists one owns or follows
 * (x-api--lists--pinned-lists--quickstart--manage-pinned-lists: "You can only pin Lists you follow or own"). A List
 * pinned stays unpinnable whatever else is said of it.
 */
export function offersPin(list: Pick<ListRow, 'owned' | 'followed' | 'pinned'>): boolean {
  return list.owned || list.followed || list.pinned;
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

/** One collator for every comparison: `localeCompare` builds one per call, which thousands of names make slow. */
const collator = new Intl.Collator();

/** ISO times sort as text, code unit by code unit. */
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byName = (a: ListRow, b: ListRow) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);

/**
 * The Lists tab's sections from the lists' flags: owned (being created first, then newest), pinned, followed (lists
 * one does not own) and member of, the last three by name. A pinned List one owns or follows is shown under Pinned
 * only, not twice (its heading's count says so); a List one is a member of and owns, pinned or follows is shown in
 * that section only (Member of's count says so), so no screen holds two buttons of the same name for one List.
 * `pinned` says whether X has a List pinned (a pin still waiting is not on X yet): by default, as the store says.
 */
export function listSections(lists: ListRow[], pinned: (list: ListRow) => boolean = (l) => l.pinned): ListSections {
  const owned = lists
    .filter((l) => l.owned && !pinned(l))
    .sort((a, b) => Number(isPendingList(b)) - Number(isPendingList(a)) || ordinal(b.createdAt ?? '', a.createdAt ?? '') || byName(a, b));
  return {
    owned,
    pinned: lists.filter(pinned).sort(byName),
    followed: lists.filter((l) => l.followed && !l.owned && !pinned(l)).sort(byName),
    member: lists.filter((l) => l.member && !shownAbove(l, pinned)).sort(byName),
  };
}

/**
 * Whether a List one is a member of is shown in a section above Member of (Owned, Pinned or Followed): it is not
 * repeated there. `pinned` as for listSections.
 */
export function shownAbove(list: ListRow, pinned: (list: ListRow) => boolean = (l) => l.pinned): boolean {
  return list.owned || list.followed || pinned(list);
}
