import { foldForSearch } from '../services/records';
import { normaliseTag } from './tags';

/**
 * The Bookmarks tab's search syntax (issue 14), as people know it from X's own search: words (each must appear, in
 * any order), "quoted phrases", -word (must not appear), from:user, tag:name (several: all of them), has:media,
 * is:unread, is:read, since:YYYY-MM-DD and until:YYYY-MM-DD (the post's date in UTC, `until` exclusive as on X),
 * folder:"name". `#word` stays a hashtag search of the text. An operator Perch does not know, or one whose value is
 * not valid (`since:yesterday`, `tag:c++`), is a plain word. Text is matched as the manager's search always did:
 * lower-cased and without accents (`foldForSearch`), so "eowyn" finds "Éowyn".
 * Pure: the screens parse here and match in memory, never asking the background.
 */

/** A parsed search: what a bookmark must have, and must not. */
export interface BookmarkQuery {
  /** Folded words and phrases that must all appear in the text (post, links, author, tags, note). */
  include: string[];
  /** Folded words and phrases none of which may appear. */
  exclude: string[];
  /** Lower-cased @usernames (without '@'): the author must be each (several can only match nothing, as on X). */
  from: string[];
  /** Authors excluded (`-from:user`). */
  notFrom: string[];
  /** Normalised tags the bookmark must all have. */
  tags: string[];
  /** Tags it must not have (`-tag:name`). */
  notTags: string[];
  /** has:media (true) or -has:media (false). */
  hasMedia?: boolean;
  /** is:read (true) or is:unread (false). */
  read?: boolean;
  /** The post's date from this UTC day on (YYYY-MM-DD, inclusive). */
  since?: string;
  /** The post's date before this UTC day (YYYY-MM-DD, exclusive). */
  until?: string;
  /** Folded folder names the bookmark must be in. */
  folders: string[];
}

/** Nothing to filter by: every bookmark matches. */
export function isEmptyQuery(q: BookmarkQuery): boolean {
  return (
    !q.include.length &&
    !q.exclude.length &&
    !q.from.length &&
    !q.notFrom.length &&
    !q.tags.length &&
    !q.notTags.length &&
    !q.folders.length &&
    q.hasMedia === undefined &&
    q.read === undefined &&
    q.since === undefined &&
    q.until === undefined
  );
}

/** One token of a query: whether it was negated, its operator (when it has one) and its value. */
interface Token {
  negated: boolean;
  op?: string;
  value: string;
  /** The token as typed (without the '-'), for an operator that turns out to be a plain word. */
  raw: string;
  quoted: boolean;
}

/**
 * Splits a query into tokens: runs of non-space characters, "quoted phrases" (an unclosed quote runs to the end),
 * and `op:value` / `op:"quoted value"`, each optionally after a '-'.
 */
function tokenise(q: string): Token[] {
  const out: Token[] = [];
  const re = /(-?)(?:([a-z]+):"([^"]*)"?|"([^"]*)"?|(\S+))/giu;
  for (const m of q.matchAll(re)) {
    const [whole, minus, op, opValue, phrase, bare] = m;
    const negated = minus === '-';
    if (op !== undefined && opValue !== undefined) {
      out.push({ negated, op: op.toLowerCase(), value: opValue, raw: whole.slice(minus!.length), quoted: true });
    } else if (phrase !== undefined) {
      out.push({ negated, value: phrase, raw: phrase, quoted: true });
    } else if (bare !== undefined) {
      const colon = bare.indexOf(':');
      const op = colon > 0 ? bare.slice(0, colon) : undefined;
      if (op !== undefined && /^[a-z]+$/i.test(op) && colon < bare.length - 1)
        out.push({ negated, op: op.toLowerCase(), value: bare.slice(colon + 1), raw: bare, quoted: false });
      else out.push({ negated, value: bare, raw: bare, quoted: false });
    }
  }
  return out;
}

/** A UTC day written YYYY-MM-DD that exists (2024-02-30 does not), else undefined. */
function day(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : undefined;
}

/** Folded text with every run of white space one space: what words and phrases are matched against. */
export function searchable(text: string): string {
  return foldForSearch(text).replace(/\s+/gu, ' ').trim();
}

/**
 * Reads a query in the search syntax (see the module's comment), each word, phrase and operator value kept once.
 * Never throws: what is not an operator is a word.
 */
export function parseQuery(q: string): BookmarkQuery {
  const query: BookmarkQuery = { include: [], exclude: [], from: [], notFrom: [], tags: [], notTags: [], folders: [] };
  const word = (t: Token, text: string) => {
    const folded = searchable(text);
    // A lone '-' is the start of an exclusion being typed, not a word.
    if (folded && !(folded === '-' && !t.quoted)) (t.negated ? query.exclude : query.include).push(folded);
  };
  for (const t of tokenise(q)) {
    const handled = t.op !== undefined && operator(query, t);
    if (!handled) word(t, t.quoted && t.op === undefined ? t.value : t.raw);
  }
  // Each list is all-of or none-of, so a word or operator given again asks nothing more: kept once, a search repeating
  // one word (a paste gone wrong, 100,000 characters of it) costs one check a bookmark, not one a repeat.
  for (const key of LISTS) query[key] = [...new Set(query[key])];
  return query;
}

/** The lists of a {@link BookmarkQuery}. */
const LISTS = ['include', 'exclude', 'from', 'notFrom', 'tags', 'notTags', 'folders'] as const satisfies readonly (keyof BookmarkQuery)[];

/** Applies an operator token to the query; false when it is no operator Perch knows, or its value is not valid. */
function operator(query: BookmarkQuery, t: Token): boolean {
  const value = t.value.trim();
  switch (t.op) {
    case 'from': {
      const user = value.replace(/^@/, '').toLowerCase();
      if (!/^[a-z0-9_]{1,15}$/.test(user)) return false;
      (t.negated ? query.notFrom : query.from).push(user);
      return true;
    }
    case 'tag': {
      const tag = normaliseTag(value);
      if (!tag) return false;
      (t.negated ? query.notTags : query.tags).push(tag);
      return true;
    }
    case 'has':
      if (value.toLowerCase() !== 'media') return false;
      query.hasMedia = !t.negated;
      return true;
    case 'is': {
      const v = value.toLowerCase();
      if (v !== 'read' && v !== 'unread') return false;
      query.read = (v === 'read') !== t.negated;
      return true;
    }
    case 'since':
    case 'until': {
      const d = day(value);
      if (!d || t.negated) return false;
      query[t.op] = d;
      return true;
    }
    case 'folder': {
      const name = searchable(value);
      if (!name || t.negated) return false;
      query.folders.push(name);
      return true;
    }
    default:
      return false;
  }
}

/**
 * What the matcher reads of a bookmark (the manager's BookmarkItem has these): text pre-folded once per change of
 * the store, never per keystroke.
 */
export interface MatchableBookmark {
  /** `searchable` text: the words the bookmark's card shows (components/manager/bookmarks/search-words.ts). */
  searchText: string;
  tags: readonly string[];
  read: boolean;
  folderIds: readonly string[];
  /** The stored post: its media count and X's `created_at` (ISO, UTC). */
  post?: { mediaCount: number; createdAt?: string | undefined } | undefined;
  /** The post's author, when known. */
  author?: { username: string } | undefined;
}

/**
 * A predicate for a parsed query. `folderIds` maps a folded folder name to X's folder ids of that name (a `folder:`
 * naming no folder matches nothing). The returned function allocates nothing per bookmark.
 */
export function matcher(
  query: BookmarkQuery,
  folderIds: ReadonlyMap<string, readonly string[]> = new Map(),
): (b: MatchableBookmark) => boolean {
  const { include, exclude, from, notFrom, tags, notTags, hasMedia, read, since, until } = query;
  const folders = query.folders.map((name) => folderIds.get(name) ?? []);
  return (b) => {
    if (read !== undefined && b.read !== read) return false;
    if (hasMedia !== undefined && (b.post?.mediaCount ?? 0) > 0 !== hasMedia) return false;
    for (const t of tags) if (!b.tags.includes(t)) return false;
    for (const t of notTags) if (b.tags.includes(t)) return false;
    if (from.length || notFrom.length) {
      const user = b.author?.username.toLowerCase();
      for (const u of from) if (user !== u) return false;
      if (user !== undefined) for (const u of notFrom) if (user === u) return false;
    }
    // ISO dates in UTC compare as strings: "2024-05-01T09:00:00.000Z" >= "2024-05-01", and < "2024-05-02".
    const createdAt = b.post?.createdAt;
    if (since !== undefined && (createdAt === undefined || createdAt < since)) return false;
    if (until !== undefined && (createdAt === undefined || createdAt >= until)) return false;
    for (const ids of folders) {
      let inside = false;
      for (const id of ids) if (b.folderIds.includes(id)) inside = true;
      if (!inside) return false;
    }
    for (const w of include) if (!b.searchText.includes(w)) return false;
    for (const w of exclude) if (b.searchText.includes(w)) return false;
    return true;
  };
}
