import type { PerchDb, SyncNotice } from '../db';
import type { XClient } from '../x/client';
import { namedGaps, type Page } from '../x/pages';

/**
 * What every collection's walk shares: page sizes and caps, the page walker that refuses to go in circles, what a
 * walk cut short says, and the context a walker gets from the sync service.
 */

export const PAGE = { bookmarks: 100, lists: 100, users: 1000 } as const;

/**
 * The most pages one walk reads: bookmarks 8 pages of 100, the 800 newest that X returns at most; any other
 * collection 100 pages (100,000 muted or blocked accounts, 10,000 lists). Reaching it is said in the sync state.
 */
export const MAX_PAGES = { bookmarks: 8, other: 100 } as const;

/**
 * How a walk through pages ended early, if it did: at the page cap, on X repeating a `next_token`, or on one its
 * operation would refuse as `pagination_token` (lib/x/pages.ts `tokenRefused`).
 */
export interface Walk {
  pages: number;
  cut?: 'cap' | 'repeat' | 'token';
  /** Bookmark folders only, when there are more than one sync reads: how many it reads. */
  folders?: number;
  /** Bookmarks only, at the page cap: how many different bookmarks were read, and what became of older stored ones. */
  bookmarks?: { read: number; older: 'gone' | 'kept' };
  /**
   * Set when a page left out what X did not name (lib/x/pages.ts `namedGaps`): errors naming no resource beside its
   * items, or fewer items than X counted. The walk removed nothing it did not see, and is not counted as the day's full
   * read, so the next sync reads again.
   */
  partial?: true;
  /** The ids X's errors named beside a page's items: not returned this time, not known gone, so kept where stored. */
  named?: Set<string>;
  /** How many stored rows the walk kept only because X's errors named them: the sync line says so. */
  kept?: number;
  /** Bookmarks only: how many posts X sent that Perch could not read (lib/x/bookmarks.ts): the sync line says so. */
  unreadable?: number;
}

/** What the sync service hands the walker of one collection. */
export interface WalkContext {
  client: XClient;
  accountId: string;
  walk: Walk;
  /** Counts a page read and its items in the sync progress. */
  onPage(items: number): Promise<void>;
  now(): number;
  /**
   * Re-shows, over what the walk read, every action of these types its pages may predate: still waiting to be sent,
   * or confirmed by X since the walk began. Called inside the walk's last write, after what it read is stored.
   */
  reapplyActions(d: PerchDb, types: readonly string[]): Promise<void>;
}

/** The `{ maxResults, paginationToken }` options of one page request. */
export function pageOptions(maxResults: number, token?: string): { maxResults: number; paginationToken?: string } {
  return { maxResults, ...(token ? { paginationToken: token } : {}) };
}

/**
 * YYYY-MM-DD of an instant, in UTC: X's billing day. An instant that is no time (a stored date that does not read as
 * one: another version's row, a write cut off) is no day, never today: what was read then is read again.
 */
export function utcDay(ms: number): string {
  const day = new Date(ms);
  return Number.isNaN(day.getTime()) ? '' : day.toISOString().slice(0, 10);
}

/**
 * Walks the pages of a list answer, one request each, following `nextToken` — at most `maxPages` of them, never
 * asking twice for the same token (an answer repeating one would walk in circles), and stopping at a token X's
 * operation would refuse (X would answer 400). How it ended is left in `walk`.
 */
export async function* pages<T>(
  fetch: (token?: string) => Promise<Page<T>>,
  maxPages: number,
  walk: Walk = { pages: 0 },
): AsyncGenerator<Page<T>> {
  const asked = new Set<string>();
  let token: string | undefined;
  for (let read = 0; ;) {
    const page = await fetch(token);
    read++;
    walk.pages++;
    yield page;
    if (page.tokenRefused) {
      walk.cut = 'token';
      return;
    }
    token = page.nextToken;
    if (!token) return;
    if (asked.has(token)) {
      walk.cut = 'repeat';
      return;
    }
    if (read >= maxPages) {
      walk.cut = 'cap';
      return;
    }
    asked.add(token);
  }
}

/**
 * What the sync state keeps of a walk cut short: how it ended and how many pages it read. The screen words it for
 * the collection, in its reader's language (components/manager/sync-words.ts).
 */
export function cutNotice(walk: Walk): SyncNotice {
  if (walk.cut === 'repeat' || walk.cut === 'token') return { kind: walk.cut, pages: walk.pages };
  return { kind: 'cap', pages: walk.pages, ...(walk.folders ? { folders: walk.folders } : {}), ...walk.bookmarks };
}

/** Notes what a page read left out: the ids X named, or, when X did not say, that the walk is partial. */
export function notePage(walk: Walk, page: Page<unknown>): void {
  const named = namedGaps(page);
  if (named === undefined) walk.partial = true;
  else for (const id of named) (walk.named ??= new Set()).add(id);
}

/**
 * Whether a stored row absent from what the walk saw is known gone from X, as the walk stands now: only after a walk
 * neither cut short nor partial, and not for an id X's errors named. It counts in `walk.kept` the rows kept because
 * X's errors named them (the sync line says so), each once however often it is asked (a bookmark folder is asked of
 * itself and of every bookmark in it).
 */
export function goneFrom(walk: Walk, seen: { has(id: string): boolean }): (id: string) => boolean {
  const named = new Set(walk.named);
  const kept = new Set<string>();
  delete walk.kept;
  const whole = !walk.cut && !walk.partial;
  return (id) => {
    if (seen.has(id)) return false;
    if (named.has(id)) walk.kept = kept.add(id).size;
    return whole && !named.has(id);
  };
}
