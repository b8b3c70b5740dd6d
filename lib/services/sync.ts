import { db, type Collection, type ListRow, type PerchDb, type RelationRow, type SyncStateRow } from '../db';
import { getBlockedUsers } from '../x/blocks';
import { getBookmarkFolderPosts, getBookmarkFolders, getBookmarks } from '../x/bookmarks';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import { getFollowedLists, getListMemberships, getOwnedLists, getPinnedLists } from '../x/lists';
import { getMutedUsers } from '../x/mutes';
import type { Page } from '../x/pages';
import type { XList, XPost, XUser } from '../x/schemas';
import type { ActionDef } from './outbox';
import { bookmarkSearchText, postRow, userRow } from './records';

/**
 * Keeps the local copy in step with X, sparingly: X's limits are tight (15 requests / 15 min for muted, blocked
 * and owned lists) and every resource read is billed (once per UTC day). Rules:
 * - A collection is walked at most once per UTC day unless the person asks ("Sync now").
 * - Bookmarks sync incrementally: newest first, stopping at the first page that holds a bookmark already stored
 *   (everything after it is older and already here) — 5 new bookmarks cost 1 request. The daily walk goes through
 *   all of them (X returns at most the 800 newest), drops bookmarks removed on X and purges posts X no longer
 *   returns, so content deleted on X leaves the store within 24 hours.
 * - Lists, muted and blocked accounts are walked in full, with progress. Never more requests than
 *   ceil(N / page size).
 * - Actions still in the outbox win over what X said a moment before they were sent.
 */

export interface SyncOptions {
  /** The person asked: ignore the once-per-UTC-day rule. */
  force?: boolean;
  /** Bookmarks only: walk everything (the daily compliance walk) instead of stopping at known ones. */
  full?: boolean;
}

export interface SyncResult {
  collection: Collection;
  /** False when skipped (already synced this UTC day) or stopped by an error. */
  ran: boolean;
  requests: number;
  items: number;
  error?: { kind: string; message: string; rateLimitReset?: number };
  /** The walk ended early (page cap, or X repeating a page), and what was kept: shown beside the sync line. */
  notice?: { kind: 'cap' | 'repeat'; message: string };
}

export interface SyncDeps {
  clientFor(accountId: string): Promise<XClient>;
  /** The outbox's action definitions, to re-apply what is still waiting to be sent. */
  defs: Record<string, ActionDef>;
  now?: () => number;
}

const PAGE = { bookmarks: 100, lists: 100, users: 1000 } as const;

/**
 * The most pages one walk reads: bookmarks 8 pages of 100, the 800 newest that X returns at most; any other
 * collection 100 pages (100,000 muted or blocked accounts, 10,000 lists). Reaching it is said in the sync state.
 */
export const MAX_PAGES = { bookmarks: 8, other: 100 } as const;

/** How a walk through pages ended early, if it did: at the page cap, or on X repeating a `next_token`. */
export interface Walk {
  pages: number;
  cut?: 'cap' | 'repeat';
}

/** YYYY-MM-DD of an instant, in UTC: X's billing day. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export class SyncService {
  private readonly running = new Map<string, Promise<SyncResult>>();

  constructor(private readonly deps: SyncDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Syncs one collection of one account; a second call while one runs joins it. */
  sync(accountId: string, collection: Collection, options: SyncOptions = {}): Promise<SyncResult> {
    const key = `${accountId}|${collection}`;
    let run = this.running.get(key);
    if (!run) {
      run = this.run(accountId, collection, options).finally(() => this.running.delete(key));
      this.running.set(key, run);
    }
    return run;
  }

  private async run(accountId: string, collection: Collection, options: SyncOptions): Promise<SyncResult> {
    const d = db();
    const state = (await d.syncState.get([accountId, collection])) ?? { accountId, collection };
    const today = utcDay(this.now());
    // Unless asked, nothing is fetched twice in one UTC day (X bills each resource once a day).
    if (!options.force && state.lastFullDay === today) return { collection, ran: false, requests: 0, items: 0 };
    // The day's first bookmark sync walks everything (that is what keeps deletions out within 24 h); later ones,
    // asked for, stop at the first bookmark already stored.
    const full = collection !== 'bookmarks' || !!options.full || state.lastFullDay !== today;
    await this.setState(accountId, collection, { running: true, progress: { pages: 0, items: 0 } });
    const client = await this.deps.clientFor(accountId);
    const progress = { pages: 0, items: 0 };
    const walk: Walk = { pages: 0 };
    const onPage = async (items: number) => {
      progress.pages += 1;
      progress.items += items;
      await this.setState(accountId, collection, { progress: { ...progress } });
    };
    try {
      switch (collection) {
        case 'bookmarks':
          await (full ? this.walkBookmarks(client, accountId, onPage, walk) : this.newBookmarks(client, accountId, onPage, walk));
          break;
        case 'bookmarkFolders':
          await this.walkFolders(client, accountId, onPage, walk);
          break;
        case 'lists':
          await this.walkLists(client, accountId, onPage, walk);
          break;
        case 'muted':
          await this.walkRelation(client, accountId, 'muted', getMutedUsers, onPage, walk);
          break;
        case 'blocked':
          await this.walkRelation(client, accountId, 'blocked', getBlockedUsers, onPage, walk);
          break;
      }
      const notice = walk.cut ? cutNotice(collection, walk) : undefined;
      const at = new Date(this.now()).toISOString();
      await this.setState(accountId, collection, {
        running: false,
        lastSyncedAt: at,
        ...(full ? { lastFullDay: today } : {}),
        error: undefined,
        notice,
        progress: { ...progress },
      });
      return { collection, ran: true, requests: progress.pages, items: progress.items, ...(notice ? { notice } : {}) };
    } catch (error) {
      const e =
        error instanceof XApiError
          ? { kind: error.kind, message: error.message, ...(error.rateLimitReset ? { rateLimitReset: error.rateLimitReset } : {}) }
          : { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      await this.setState(accountId, collection, { running: false, error: e });
      return { collection, ran: false, requests: progress.pages, items: progress.items, error: e };
    }
  }

  private async setState(accountId: string, collection: Collection, change: Partial<SyncStateRow>): Promise<void> {
    const d = db();
    await d.transaction('rw', d.syncState, async () => {
      const current = (await d.syncState.get([accountId, collection])) ?? { accountId, collection };
      await d.syncState.put({ ...current, ...change });
    });
  }

  /** Stores the posts and authors of a page. */
  private async storePage(d: PerchDb, accountId: string, posts: XPost[], users: XUser[], seenAt: string): Promise<void> {
    await d.users.bulkPut(users.map((u) => userRow(accountId, u, seenAt)));
    await d.posts.bulkPut(posts.map((p) => postRow(accountId, p, seenAt)));
  }

  private async searchTextOf(d: PerchDb, accountId: string, postId: string): Promise<string> {
    const post = await d.posts.get([accountId, postId]);
    const author = post?.authorId ? await d.users.get([accountId, post.authorId]) : undefined;
    return bookmarkSearchText(post, author);
  }

  /** Re-shows, over what X just said, every action of these types still waiting to be sent. */
  private async reapplyPending(d: PerchDb, accountId: string, types: string[]): Promise<void> {
    const pending = await d.actions
      .where('[accountId+state]')
      .anyOf([accountId, 'queued'], [accountId, 'sending'])
      .filter((a) => types.includes(a.type))
      .sortBy('seq');
    for (const a of pending) await this.deps.defs[a.type]?.apply(d, accountId, a.params);
  }

  private async newBookmarks(client: XClient, accountId: string, onPage: (n: number) => Promise<void>, walk: Walk): Promise<void> {
    const d = db();
    const fresh: XPost[] = [];
    for await (const page of pages(
      (token) => getBookmarks(client, accountId, { maxResults: PAGE.bookmarks, ...(token ? { paginationToken: token } : {}) }),
      MAX_PAGES.bookmarks,
      walk,
    )) {
      const known = new Set(
        (await d.bookmarks.bulkGet(page.items.map((p) => [accountId, p.id] as [string, string]))).flatMap((b) => (b ? [b.postId] : [])),
      );
      const firstKnown = page.items.findIndex((p) => known.has(p.id));
      const newOnes = firstKnown === -1 ? page.items : page.items.slice(0, firstKnown);
      fresh.push(...newOnes);
      const seenAt = new Date(this.now()).toISOString();
      await this.storePage(d, accountId, page.items, page.includes.users, seenAt);
      await onPage(newOnes.length);
      if (firstKnown !== -1) break;
    }
    await d.transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
      const top = await d.bookmarks.where('[accountId+position]').between([accountId, -Infinity], [accountId, Infinity]).last();
      let position = (top?.position ?? 0) + fresh.length;
      for (const p of fresh) {
        await d.bookmarks.put({
          accountId,
          postId: p.id,
          position: position--,
          folderIds: [],
          searchText: await this.searchTextOf(d, accountId, p.id),
        });
      }
      await this.reapplyPending(d, accountId, ['bookmark', 'unbookmark']);
    });
  }

  private async walkBookmarks(client: XClient, accountId: string, onPage: (n: number) => Promise<void>, walk: Walk): Promise<void> {
    const d = db();
    const all: string[] = [];
    for await (const page of pages(
      (token) => getBookmarks(client, accountId, { maxResults: PAGE.bookmarks, ...(token ? { paginationToken: token } : {}) }),
      MAX_PAGES.bookmarks,
      walk,
    )) {
      await this.storePage(d, accountId, page.items, page.includes.users, new Date(this.now()).toISOString());
      all.push(...page.items.map((p) => p.id));
      await onPage(page.items.length);
    }
    // X repeating a page cut the walk short: what it did not reach is kept, not taken for removed on X.
    // (At the page cap the walk has read the 800 X returns at most: what is not among them is gone from X's answer.)
    const complete = walk.cut !== 'repeat';
    await d.transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
      const onX = new Set(all);
      const stored = await d.bookmarks.where('accountId').equals(accountId).toArray();
      const folders = new Map(stored.map((b) => [b.postId, b.folderIds]));
      if (complete) {
        await d.bookmarks
          .where('accountId')
          .equals(accountId)
          .filter((b) => !onX.has(b.postId))
          .delete();
      } else {
        // The unread rest keeps its order, below what was read.
        const rest = stored.filter((b) => !onX.has(b.postId)).sort((a, b) => b.position - a.position);
        let below = -rest.length;
        for (const b of rest) await d.bookmarks.put({ ...b, position: below++ });
      }
      let position = all.length;
      for (const postId of all) {
        await d.bookmarks.put({
          accountId,
          postId,
          position: position--,
          folderIds: folders.get(postId) ?? [],
          searchText: await this.searchTextOf(d, accountId, postId),
        });
      }
      await this.reapplyPending(d, accountId, ['bookmark', 'unbookmark']);
      if (complete) await this.purgePosts(d, accountId);
    });
  }

  /** Drops stored posts nothing refers to any more (no bookmark): X no longer gives them to us. */
  private async purgePosts(d: PerchDb, accountId: string): Promise<void> {
    const kept = new Set((await d.bookmarks.where('accountId').equals(accountId).toArray()).map((b) => b.postId));
    await d.posts
      .where('accountId')
      .equals(accountId)
      .filter((p) => !kept.has(p.id))
      .delete();
  }

  private async walkFolders(client: XClient, accountId: string, onPage: (n: number) => Promise<void>, walk: Walk): Promise<void> {
    const d = db();
    const folders: { id: string; name: string }[] = [];
    for await (const page of pages(
      (token) => getBookmarkFolders(client, accountId, { maxResults: 100, ...(token ? { paginationToken: token } : {}) }),
      MAX_PAGES.other,
      walk,
    )) {
      folders.push(...page.items);
      await onPage(page.items.length);
    }
    // Which bookmarks are in which folder: one request per folder (X gives a folder's post ids in one answer).
    const inFolder = new Map<string, string[]>();
    for (const folder of folders) {
      const page = await getBookmarkFolderPosts(client, accountId, folder.id);
      for (const p of page.items) inFolder.set(p.id, [...(inFolder.get(p.id) ?? []), folder.id]);
      await onPage(page.items.length);
    }
    await d.transaction('rw', [d.bookmarkFolders, d.bookmarks], async () => {
      await d.bookmarkFolders.where('accountId').equals(accountId).delete();
      await d.bookmarkFolders.bulkPut(folders.map((f) => ({ accountId, id: f.id, name: f.name })));
      await d.bookmarks
        .where('accountId')
        .equals(accountId)
        .modify((b) => {
          b.folderIds = inFolder.get(b.postId) ?? [];
        });
    });
  }

  private async walkLists(client: XClient, accountId: string, onPage: (n: number) => Promise<void>, walk: Walk): Promise<void> {
    const d = db();
    const flags = new Map<string, { list: XList; owned: boolean; followed: boolean; pinned: boolean; member: boolean }>();
    const collect = async (flag: 'owned' | 'followed' | 'pinned' | 'member', fetch: (token?: string) => Promise<Page<XList>>) => {
      // Each of the four answers is its own walk with its own cap; any cut one is reported.
      const part: Walk = { pages: 0 };
      for await (const page of pages(fetch, MAX_PAGES.other, part)) {
        for (const list of page.items) {
          const entry = flags.get(list.id) ?? { list, owned: false, followed: false, pinned: false, member: false };
          entry[flag] = true;
          entry.list = { ...entry.list, ...list };
          flags.set(list.id, entry);
        }
        await d.users.bulkPut(page.includes.users.map((u) => userRow(accountId, u, new Date(this.now()).toISOString())));
        await onPage(page.items.length);
      }
      walk.pages += part.pages;
      if (part.cut) walk.cut ??= part.cut;
    };
    const opts = (token?: string) => ({ maxResults: PAGE.lists, ...(token ? { paginationToken: token } : {}) });
    await collect('owned', (t) => getOwnedLists(client, accountId, opts(t)));
    await collect('followed', (t) => getFollowedLists(client, accountId, opts(t)));
    await collect('member', (t) => getListMemberships(client, accountId, opts(t)));
    await collect('pinned', () => getPinnedLists(client, accountId));
    await d.transaction('rw', [d.lists, d.listMembers, d.actions, d.engagements, d.bookmarks, d.posts, d.users], async () => {
      const stored = await d.lists.where('accountId').equals(accountId).toArray();
      // Lists still being created locally keep their temporary rows until X confirms them; after a walk cut short,
      // lists it did not reach are kept.
      if (!walk.cut) for (const l of stored) if (!flags.has(l.id) && /^\d+$/.test(l.id)) await d.lists.delete([accountId, l.id]);
      const rows: ListRow[] = [...flags.values()].map(({ list, owned, followed, pinned, member }) => ({
        accountId,
        id: list.id,
        name: list.name,
        ...(list.description !== undefined ? { description: list.description } : {}),
        ...(list.private !== undefined ? { private: list.private } : {}),
        ...(list.owner_id ? { ownerId: list.owner_id } : {}),
        ...(list.member_count !== undefined ? { memberCount: list.member_count } : {}),
        ...(list.follower_count !== undefined ? { followerCount: list.follower_count } : {}),
        ...(list.created_at ? { createdAt: list.created_at } : {}),
        owned,
        followed,
        pinned,
        member,
      }));
      await d.lists.bulkPut(rows);
      await this.reapplyPending(d, accountId, [
        'list.create',
        'list.update',
        'list.delete',
        'list.pin',
        'list.unpin',
        'list.follow',
        'list.unfollow',
      ]);
    });
  }

  private async walkRelation(
    client: XClient,
    accountId: string,
    table: 'muted' | 'blocked',
    fetch: (client: XClient, userId: string, options: { maxResults: number; paginationToken?: string }) => Promise<Page<XUser>>,
    onPage: (n: number) => Promise<void>,
    walk: Walk,
  ): Promise<void> {
    const d = db();
    const users: XUser[] = [];
    for await (const page of pages(
      (token) => fetch(client, accountId, { maxResults: PAGE.users, ...(token ? { paginationToken: token } : {}) }),
      MAX_PAGES.other,
      walk,
    )) {
      users.push(...page.items);
      await d.users.bulkPut(page.items.map((u) => userRow(accountId, u, new Date(this.now()).toISOString())));
      await onPage(page.items.length);
    }
    const types = table === 'muted' ? ['mute', 'unmute'] : ['block', 'unblock'];
    await d.transaction('rw', [d[table], d.actions], async () => {
      const seen = new Set(users.map((u) => u.id));
      // After a walk cut short, accounts it did not reach are kept (below the ones read), not taken for removed.
      const rest = walk.cut
        ? (await d[table].where('accountId').equals(accountId).toArray())
            .filter((r) => !seen.has(r.userId))
            .sort((a, b) => b.position - a.position)
        : [];
      await d[table].where('accountId').equals(accountId).delete();
      let below = -rest.length;
      await d[table].bulkPut(rest.map((r) => ({ ...r, position: below++ })));
      let position = users.length;
      const rows: RelationRow[] = users.map((u) => ({ accountId, userId: u.id, position: position-- }));
      await d[table].bulkPut(rows);
      await this.reapplyPending(d, accountId, types);
    });
  }
}

/**
 * Walks the pages of a list answer, one request each, following `nextToken` — at most `maxPages` of them, and never
 * asking twice for the same token (an answer repeating one would walk in circles). How it ended is left in `walk`.
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

const WHAT: Record<Collection, string> = {
  bookmarks: 'bookmarks',
  bookmarkFolders: 'bookmark folders',
  lists: 'lists',
  muted: 'muted accounts',
  blocked: 'blocked accounts',
};

/** What the sync line says about a walk cut short. */
function cutNotice(collection: Collection, walk: Walk): NonNullable<SyncResult['notice']> {
  if (walk.cut === 'repeat') {
    return {
      kind: 'repeat',
      message: `X sent the same page of your ${WHAT[collection]} twice, so Perch stopped there. What it read is updated; the rest is kept as it was. Sync again later.`,
    };
  }
  return {
    kind: 'cap',
    message:
      collection === 'bookmarks'
        ? 'Perch reads your newest 800 bookmarks, the most X gives; older ones are not shown.'
        : `You have more ${WHAT[collection]} than Perch reads in one sync (${walk.pages} pages): the rest is kept as it was.`,
  };
}
