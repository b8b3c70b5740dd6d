import { typesOfCollection } from '../action-types';
import { db, type PerchDb } from '../db';
import { textOf, textsOf } from '../db/row-fields';
import { BOOKMARK_EXPANSIONS, getBookmarkFolderPosts, getBookmarkFolders, getBookmarks } from '../x/bookmarks';
import { XApiError } from '../x/errors';
import { errorsSayWhat, listedPage, namedGaps, type Includes, type Page } from '../x/pages';
import type { XPost } from '../x/schemas';
import { putPosts, putUsers } from './kept-rows';
import { postRow, userRow } from './records';
import { arrivalTop, BOOKMARKS_ON_X, listedOn, purgePosts } from './bookmark-pages';
import { goneFrom, MAX_PAGES, notePage, PAGE, pageOptions, pages, type WalkContext } from './sync-walk';

/**
 * The bookmark walks: the incremental one (newest first, stopping at the first bookmark already stored), the daily
 * full one that drops bookmarks removed on X and purges posts X no longer returns, and the folders walk.
 */

const BOOKMARK_ACTIONS = typesOfCollection('bookmarks');

/**
 * Stores the posts of a page with what X included for them (media, quoted posts) and the users it named: what X says
 * now replaces what was stored, and what only the popup reads is kept (./kept-rows.ts).
 */
async function storePage(d: PerchDb, accountId: string, posts: XPost[], includes: Includes, seenAt: string): Promise<void> {
  await putUsers(
    d,
    includes.users.map((u) => userRow(accountId, u, seenAt)),
  );
  await putPosts(
    d,
    posts.map((p) => postRow(accountId, p, seenAt, includes)),
    includes,
  );
}

/**
 * Stores a page as it arrives, so the Bookmarks tab shows it while the walk goes on: its posts and authors, and a
 * bookmark for each of its posts (or of `bookmarked`, those the walk takes for bookmarks) not stored yet, below the
 * ones the walk found before and above those stored when it began, in X's order (newest first). A bookmark already
 * stored keeps its place and folders; nothing is removed (only the walk's end decides that, and puts every row in its
 * final place). What the person did that the page may predate
 * is shown again over it, as at the walk's end. A walk that stops here leaves real bookmarks, each under its own key: a
 * restarted one puts them again, never twice.
 */
async function storeArrived(
  ctx: WalkContext,
  d: PerchDb,
  page: Page<XPost>,
  at: { next: number },
  bookmarked: XPost[] = page.items,
): Promise<void> {
  const { accountId } = ctx;
  await d.transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
    await storePage(d, accountId, page.items, page.includes, new Date(ctx.now()).toISOString());
    const stored = await d.bookmarks.bulkGet(bookmarked.map((p) => [accountId, p.id] as [string, string]));
    const placed = new Set<string>();
    for (const [i, p] of bookmarked.entries()) {
      if (stored[i] || placed.has(p.id)) continue;
      placed.add(p.id);
      await d.bookmarks.put({
        accountId,
        postId: p.id,
        position: at.next--,
        folderIds: [],
      });
    }
    await ctx.reapplyActions(d, BOOKMARK_ACTIONS);
  });
}

/**
 * Reads bookmarks newest first until the first one already stored, and puts the new ones on top. A page X answered with
 * only errors is its refusal (lib/x/pages.ts `listedPage`): the sync fails with X's words, nothing stored is touched.
 */
export async function newBookmarks(ctx: WalkContext): Promise<void> {
  const { client, accountId } = ctx;
  const d = db();
  const fresh: XPost[] = [];
  const at = await arrivalTop(d, accountId);
  for await (const page of pages(
    async (token) => listedPage(await getBookmarks(client, accountId, pageOptions(PAGE.bookmarks, token))),
    MAX_PAGES.bookmarks,
    ctx.walk,
  )) {
    // One X sent unreadable is listed all the same (./bookmark-pages.ts): a stored one is where the new ones end; a new
    // one gets no bookmark of nothing. One without an id may be a new bookmark: the full read is due again.
    const { listed, idless } = listedOn(page);
    const known = new Set(
      (await d.bookmarks.bulkGet(listed.map((l) => [accountId, l.id] as [string, string]))).flatMap((b) => (b ? [b.postId] : [])),
    );
    const firstKnown = listed.findIndex((l) => known.has(l.id));
    const newOnes = (firstKnown === -1 ? listed : listed.slice(0, firstKnown)).flatMap((l) => (l.post ? [l.post] : []));
    fresh.push(...newOnes);
    if (idless) ctx.walk.partial = true;
    if (page.dropped) ctx.walk.unreadable = (ctx.walk.unreadable ?? 0) + page.dropped;
    await ctx.onPage(newOnes.length);
    await storeArrived(ctx, d, page, at, newOnes);
    if (firstKnown !== -1) break;
  }
  // At the page cap before any stored bookmark: the stored ones, all older, stay as they were.
  if (ctx.walk.cut === 'cap') ctx.walk.bookmarks = { read: new Set(fresh.map((p) => p.id)).size, older: 'kept' };
  await d.transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
    // On top of every other bookmark: the ones the walk put as they arrived are put again here, in their final place.
    const freshIds = new Set(fresh.map((p) => p.id));
    const top = await d.bookmarks
      .where('[accountId+position]')
      .between([accountId, -Infinity], [accountId, Infinity])
      .reverse()
      .filter((b) => !freshIds.has(b.postId))
      .first();
    let position = (top?.position ?? 0) + fresh.length;
    for (const p of fresh) {
      await d.bookmarks.put({
        accountId,
        postId: p.id,
        position: position--,
        folderIds: [],
      });
    }
    await ctx.reapplyActions(d, BOOKMARK_ACTIONS);
  });
}

/**
 * Reads every bookmark X returns, drops the ones no longer there and the posts nothing refers to. A page X answered with
 * only errors says why X listed nothing, not that there is nothing: the sync fails with X's words and removes nothing.
 * A page whose errors do not say what they are about (lib/x/pages.ts `errorsSayWhat`: no post named, nor an object an
 * expansion pulled in) is partial: X did not say the rest is gone, so every stored bookmark it did not list is kept, in
 * its order, counted in `walk.kept` for the sync line. A post X's errors name is X saying it cannot give that one.
 */
export async function walkBookmarks(ctx: WalkContext): Promise<void> {
  const { client, accountId, walk } = ctx;
  const d = db();
  const read: string[] = [];
  const unread = new Set<string>();
  const at = await arrivalTop(d, accountId);
  for await (const page of pages(
    async (token) => listedPage(await getBookmarks(client, accountId, pageOptions(PAGE.bookmarks, token))),
    MAX_PAGES.bookmarks,
    walk,
  )) {
    // A post X sent that Perch could not read (lib/x/bookmarks.ts) is listed all the same, seen, its stored bookmark kept
    // as it was; only one without an id leaves unknown what X listed, and the walk partial (./bookmark-pages.ts).
    const { listed, idless } = listedOn(page);
    read.push(...listed.map((l) => l.id));
    for (const l of listed) if (!l.post) unread.add(l.id);
    if (page.dropped) walk.unreadable = (walk.unreadable ?? 0) + page.dropped;
    if (idless || !errorsSayWhat(page, 'tweet', BOOKMARK_EXPANSIONS)) walk.partial = true;
    await ctx.onPage(page.items.length);
    await storeArrived(ctx, d, page, at);
  }
  // A walk cut short keeps what it did not reach, not taken for removed on X: X repeating a page, or the page cap
  // reached before the 800 bookmarks X returns at most (its pages may hold fewer than asked while more remain:
  // x-api--fundamentals--pagination). At the cap after 800 distinct bookmarks, the rest is gone from X's answer.
  const all = [...new Set(read)];
  // X ends its pages at its 800 newest, however many more are on x.com: said as at the cap, or "800 bookmarks" reads as all.
  if (!walk.cut && all.length >= BOOKMARKS_ON_X) walk.cut = 'cap';
  const reachedEnd = !walk.cut || (walk.cut === 'cap' && all.length >= BOOKMARKS_ON_X);
  const complete = reachedEnd && !walk.partial;
  await d.transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
    const onX = new Set(all);
    const stored = await d.bookmarks.where('accountId').equals(accountId).toArray();
    // At the cap, what became of older stored bookmarks (sync-words.ts): a first sync has none, so no No longer on X.
    const older = !complete ? 'kept' : stored.some((b) => !onX.has(b.postId)) ? 'gone' : undefined;
    if (walk.cut === 'cap' && older) walk.bookmarks = { read: all.length, older };
    const folders = new Map(stored.map((b) => [b.postId, textsOf(b.folderIds)])); // one odd row must not fail the rest
    if (complete) {
      await d.bookmarks
        .where('accountId')
        .equals(accountId)
        .filter((b) => !onX.has(b.postId))
        .delete();
    } else {
      // The unread rest keeps its order, below what was read.
      const rest = stored.filter((b) => !onX.has(b.postId)).sort((a, b) => b.position - a.position);
      let below = 0;
      for (const b of rest) await d.bookmarks.put({ ...b, position: --below });
      // Kept for X's errors alone (a walk cut short says so in its notice).
      if (reachedEnd && rest.length) walk.kept = rest.length;
    }
    let position = all.length;
    for (const postId of all) {
      // One X sent unreadable and never stored: no post to show, so no bookmark of nothing.
      if (unread.has(postId) && !folders.has(postId)) continue;
      await d.bookmarks.put({
        accountId,
        postId,
        position: position--,
        folderIds: folders.get(postId) ?? [],
      });
    }
    await ctx.reapplyActions(d, BOOKMARK_ACTIONS);
    if (complete) await purgePosts(d, accountId);
  });
}

/**
 * The most folders whose bookmarks one sync reads: X allows a person 50 reads of a folder's posts in 15 minutes
 * (x-api--fundamentals--rate-limits, GET /2/users/:id/bookmarks/folders/:folder_id, 50/15min per user), so a sync
 * asking for more would be refused part-way. X's docs name no limit on how many folders a person may have.
 */
export const FOLDERS_PER_SYNC = 50;

/**
 * Lists every bookmark folder and stores each name, then reads which bookmarks a folder holds (one request per
 * folder) for at most {@link FOLDERS_PER_SYNC} of them, the least recently read first, so that syncs take turns
 * through them all. A folder not read this time keeps what was stored of it; past the cap the sync says so (a 'cap'
 * notice with the count). A stored folder X lists without its name keeps it and is read in turn. A stored folder
 * missing from a complete listing is removed, unless X's errors named it; a listing cut short (X repeating a page,
 * the page cap) or partial (a page that left out a folder without its id, or carried errors naming nothing) removes
 * nothing, and a partial one is not the day's full read, so the next sync that day lists again. A listing page X
 * answered with only errors is its refusal: the sync fails with X's words and nothing stored is touched. A folder X
 * answered with only errors is not counted as read; one whose posts run past X's first page gains what was read and
 * loses nothing. When a read fails part-way (a 429, a dropped connection), the names and the folders read so far are
 * stored before the failure is passed on, so the next sync goes on from there.
 */
export async function walkFolders(ctx: WalkContext): Promise<void> {
  const { client, accountId, walk } = ctx;
  const d = db();
  const listed = new Map<string, { id: string; name: string }>();
  const nameless = new Set<string>();
  const list = async (token?: string) => listedPage(await getBookmarkFolders(client, accountId, pageOptions(100, token)));
  for await (const page of pages(list, MAX_PAGES.other, walk)) {
    for (const f of page.items) if (!listed.has(f.id)) listed.set(f.id, { id: f.id, name: f.name });
    // A folder X sent without its name (BookmarkFoldersResponse requires none) is left out of the page
    // (lib/x/bookmarks.ts), yet X listed it: with its id it is seen, its stored copy kept and no row made for it. Only
    // one without an id leaves unknown what X listed: the listing is not the day's full read.
    const ids = (page.leftOut ?? []).flatMap((l) => (l.id === undefined ? [] : [l.id]));
    for (const id of ids) nameless.add(id);
    const seen = page.items.length + ids.length;
    const counted = page.resultCount === page.items.length ? seen : page.resultCount;
    notePage(walk, { ...page, items: [...page.items, ...ids], dropped: (page.leftOut?.length ?? 0) - ids.length, resultCount: counted });
    await ctx.onPage(page.items.length);
  }
  const gone = goneFrom(walk, { has: (id) => listed.has(id) || nameless.has(id) });
  const stored = new Map((await d.bookmarkFolders.where('accountId').equals(accountId).toArray()).map((f) => [f.id, f]));
  // A folder X listed without its name that Perch has stored is still a folder the person sees: its posts are read in
  // turn like any other's, under the name stored.
  for (const id of nameless) {
    const known = stored.get(id);
    if (known && !listed.has(id)) listed.set(id, { id, name: textOf(known.name) });
  }
  // Never read first, then the longest unread; a stable sort keeps X's order among equals.
  // Read field by field (lib/db/row-fields.ts): one stored row of another shape must not keep the others unfiled.
  const readAtOf = (id: string) => textOf(stored.get(id)?.readAt);
  const turn = [...listed.values()].sort((a, b) => readAtOf(a.id).localeCompare(readAtOf(b.id)));
  const folders = turn.slice(0, FOLDERS_PER_SYNC);
  if (listed.size > FOLDERS_PER_SYNC && !walk.cut) {
    walk.cut = 'cap';
    walk.folders = FOLDERS_PER_SYNC;
  }
  // Which bookmarks are in which folder: one request per folder (X gives a folder's post ids in one answer).
  const inFolder = new Map<string, Set<string>>();
  /** Folders read, or unreadable (their turn taken); `replaced`: read whole, save the posts X's errors named (kept there). */
  const read = new Set<string>();
  const replaced = new Map<string, Set<string>>();
  async function storeFolders(): Promise<void> {
    const readAt = new Date(ctx.now()).toISOString();
    const kept = (postId: string) => (id: string) => !gone(id) && (replaced.get(id)?.has(postId) ?? true);
    await d.transaction('rw', [d.bookmarkFolders, d.bookmarks], async () => {
      await d.bookmarkFolders
        .where('accountId')
        .equals(accountId)
        .filter((f) => gone(f.id))
        .delete();
      await d.bookmarkFolders.bulkPut(
        [...listed.values()].map((f) => {
          const at = read.has(f.id) ? readAt : readAtOf(f.id);
          return { accountId, id: f.id, name: f.name, ...(at ? { readAt: at } : {}) };
        }),
      );
      await d.bookmarks
        .where('accountId')
        .equals(accountId)
        .modify((b) => {
          b.folderIds = [...new Set([...(inFolder.get(b.postId) ?? []), ...textsOf(b.folderIds).filter(kept(b.postId))])];
        });
    });
  }
  try {
    for (const folder of folders) {
      const page = await getBookmarkFolderPosts(client, accountId, folder.id).catch((e: unknown) => {
        // An answer Perch could not read (over FOLDER_POSTS_MOST posts) takes the folder's turn, its bookmarks kept as
        // they were: the next sync reads the others first rather than stopping on it again.
        if (e instanceof XApiError && e.kind === 'malformed') read.add(folder.id);
        throw e;
      });
      await ctx.onPage(page.items.length);
      if (page.items.length === 0 && page.partialErrors.length > 0) continue;
      for (const p of page.items) inFolder.set(p.id, (inFolder.get(p.id) ?? new Set()).add(folder.id));
      read.add(folder.id);
      // A post X listed without its id (lib/x/bookmarks.ts), or errors beside `data` naming no post, keeps all stored.
      const named = page.nextToken === undefined && errorsSayWhat(page, 'tweet', []) && namedGaps(page);
      if (named) replaced.set(folder.id, new Set(named));
    }
  } finally {
    // Also when a read failed part-way: what was read is kept, and the next sync goes on from there.
    await storeFolders();
  }
}
