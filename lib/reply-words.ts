import { TAGS_PER_ACCOUNT_MAX, TAGS_PER_BOOKMARK_MAX } from './bookmarks/tag-limits';
import { BOOKMARK_NOTE_MAX, IMPORT_MAX_CHARS, IMPORT_MAX_ENTRIES } from './limits';

/**
 * Why the background refused a request, in Perch's own words, carried as a kind and the facts it names, never as a
 * sentence: the background speaks the browser's language, the screen its reader's. The screen words them
 * (lib/reply-words-text.ts). Plain code, no i18n and no zod: the background and the screens both import it.
 */

/**
 * The facts a kind's sentence names, declared with it: `type`, an action type, when one shaped as an action type is
 * known (else none); `entry`, which entry of an imported file, from 1; `count`, the number the sentence names, at
 * least this (a number over a limit is more than the limit); `tags`, the person's tags that are not tags, named (the
 * first {@link NAMED_TAGS_MAX}, each cut to {@link NAMED_TAG_MAX}) beside how many there are (`count`, at least 1).
 */
interface Facts {
  type?: true;
  entry?: true;
  count?: number;
  tags?: true;
}

/** Each kind of refusal, with the facts its sentence names (see {@link Facts}). The kinds' type is read from it. */
const FACTS_OF = {
  // The outbox (lib/services/outbox.ts): an action no longer in the account's log.
  'not-in-log': {},
  // Undo: not finished yet, already undone, not reversible on X, reversed by a later action.
  'undo-not-done': {},
  'undo-already': {},
  'undo-impossible': {},
  'undo-reversed': {},
  // Cancel: being sent right now, or no longer waiting.
  'cancel-sending': {},
  'cancel-not-waiting': {},
  // Retry: it did not fail for a passing reason.
  'retry-not-passing': {},
  // Undo or Retry: a later action of the same pair on the same thing is waiting or done (lib/action-pairs.ts).
  'taken-over': {},
  // An action type Perch does not know (`type`).
  'unknown-action': { type: true },
  // Reopening a draft (lib/services/drafts-open.ts): it is gone, or its place cannot be reopened.
  'draft-gone': {},
  'draft-not-listed': {},
  // The post in the tab (lib/services/tab-context.ts): X did not find it, or would not show it to this account
  // (not-authorized-for-resource: a protected account's post; X's words go beside it as `said`).
  'post-not-found': {},
  'post-not-authorized': {},
  // X sent the post in the tab without its text (getPostsByIds; X's Tweet requires no field).
  'post-unreadable': {},
  // A page opened by someone else, before the person clicked in it (entrypoints/background/index.ts).
  'gate-refused': {},
  // The options page's Client ID (lib/settings.ts) is not one X issues.
  'client-id-invalid': {},
  // An imported file (lib/bookmarks/import.ts): not Perch's export, too big, too many entries (`count`), or an entry
  // (`entry`) that is not a bookmark, has tags that are not tags, more tags than a bookmark carries, or a note too long.
  'import-not-export': {},
  'import-too-big': {},
  'import-too-many': { count: IMPORT_MAX_ENTRIES + 1 },
  'import-not-bookmark': { entry: true },
  'import-bad-tag': { entry: true, tags: true, count: 1 },
  'import-too-many-tags': { entry: true, count: TAGS_PER_BOOKMARK_MAX + 1 },
  'import-long-note': { entry: true },
  // A bookmark's tags and note (lib/bookmarks/tags.ts, notes.ts): tags that are not tags, too many, a note too long;
  // more different tags on the account than it keeps (`count`, from a tag given or a file imported).
  'tags-invalid': { tags: true, count: 1 },
  'tags-too-many': { count: TAGS_PER_BOOKMARK_MAX + 1 },
  'tags-account-full': { count: TAGS_PER_ACCOUNT_MAX + 1 },
  'note-too-long': { count: BOOKMARK_NOTE_MAX + 1 },
  // A saved search with no name, or no search.
  'search-needs-name': {},
  'search-empty': {},
} as const satisfies Record<string, Facts>;

export type ReplyWordsKind = keyof typeof FACTS_OF;

export interface ReplyWords {
  kind: ReplyWordsKind;
  /** For 'unknown-action': the action type Perch did not know, as it was named. */
  type?: string;
  /** Which entry of an imported file, from 1. */
  entry?: number;
  /** The number the sentence names: entries in a file, tags given, a note's characters, tags that are not tags. */
  count?: number;
  /** Tags that are not tags, as the person gave them (the first few, each cut to a bound: {@link namedTags}). */
  tags?: string[];
}

/** How many of the tags that are not tags a refusal names, and how long each may be (UTF-16 units). */
export const NAMED_TAGS_MAX = 5;
export const NAMED_TAG_MAX = 64;
/** Nothing a refusal counts is more than the characters a request may hold (an imported file). */
const COUNT_MAX = IMPORT_MAX_CHARS;

/** An action type as the outbox names them (`like`, `list.update`, `post.delete`); never a sentence. */
const ACTION_TYPE = /^[A-Za-z][\w.-]{0,63}$/;

const factsOf = (kind: unknown): Facts | undefined =>
  typeof kind === 'string' && Object.hasOwn(FACTS_OF, kind) ? FACTS_OF[kind as ReplyWordsKind] : undefined;

const wholeIn = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/** Whether `tags` are the tags a refusal of `count` tags names: the first ones, each a string within its bound. */
function tagsFit(tags: unknown, count: number): tags is string[] {
  if (!Array.isArray(tags) || tags.length !== Math.min(count, NAMED_TAGS_MAX)) return false;
  for (let i = 0; i < tags.length; i++) {
    const tag: unknown = tags[i];
    if (typeof tag !== 'string' || tag.length > NAMED_TAG_MAX) return false;
  }
  return true;
}

/**
 * The words when `raw` is exactly their shape and within bounds, else undefined: what a reply holds is never trusted.
 * Within bounds: a known kind, with the facts its sentence names and no other field; an action type only for
 * 'unknown-action', and only one shaped as an action type ({@link isActionTypeName}); an entry 1 to IMPORT_MAX_ENTRIES;
 * a whole count from the kind's least to IMPORT_MAX_CHARS; for tags that are not tags, as many strings as the kind
 * names of `count` (at most {@link NAMED_TAGS_MAX}), each at most {@link NAMED_TAG_MAX} long.
 */
export function replyWordsOf(raw: unknown): ReplyWords | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const { kind, type, entry, count, tags, ...rest } = raw as Record<string, unknown>;
  const facts = factsOf(kind);
  if (!facts || Object.keys(rest).length) return undefined;
  if (type !== undefined && (!facts.type || !isActionTypeName(type))) return undefined;
  if (entry === undefined ? facts.entry : !facts.entry || !wholeIn(entry, 1, IMPORT_MAX_ENTRIES)) return undefined;
  if (count === undefined ? facts.count !== undefined : facts.count === undefined || !wholeIn(count, facts.count, COUNT_MAX))
    return undefined;
  if (tags === undefined ? facts.tags : !facts.tags || !tagsFit(tags, count as number)) return undefined;
  return {
    kind: kind as ReplyWordsKind,
    ...(type !== undefined ? { type } : {}),
    ...(entry !== undefined ? { entry: entry as number } : {}),
    ...(count !== undefined ? { count: count as number } : {}),
    ...(tags !== undefined ? { tags: [...(tags as string[])] } : {}),
  };
}

/**
 * The words for an action type Perch does not know, with the type when it is one {@link replyWordsOf} accepts (a
 * stored row from another version or a corrupted store may name anything, or hold no string): what is made can always
 * be sent, and a type out of bounds is never put in a sentence (lib/reply-words-text.ts words it without one).
 */
export function unknownActionWords(type: unknown): ReplyWords {
  return isActionTypeName(type) ? { kind: 'unknown-action', type } : { kind: 'unknown-action' };
}

/** Whether `type` is shaped as an action type's name (`like`, `list.update`): safe to put in a sentence as it is. */
export function isActionTypeName(type: unknown): type is string {
  return typeof type === 'string' && ACTION_TYPE.test(type);
}

/**
 * Tags the person gave that are not tags, as a refusal names them: the first {@link NAMED_TAGS_MAX}, each cut to
 * {@link NAMED_TAG_MAX} UTF-16 units (between two code points, ending with “…”), and how many there are in all.
 */
export function namedTags(bad: readonly string[]): { tags: string[]; count: number } {
  return { tags: bad.slice(0, NAMED_TAGS_MAX).map(cutTag), count: bad.length };
}

function cutTag(tag: string): string {
  if (tag.length <= NAMED_TAG_MAX) return tag;
  let cut = NAMED_TAG_MAX - 1;
  const last = tag.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${tag.slice(0, cut)}…`;
}
