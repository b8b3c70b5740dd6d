import type { PerchDb } from '../db';
import type { Page } from '../x/pages';
import type { XPost } from '../x/schemas';
import { MAX_PAGES, PAGE } from './sync-walk';

/** What the bookmark walks (./sync-bookmarks.ts) read of a page, and where they put what they find. */

/** The most bookmarks X returns: the 800 newest (x-api--posts--bookmarks--integrate, "Rate limits"), 8 pages of 100. */
export const BOOKMARKS_ON_X = MAX_PAGES.bookmarks * PAGE.bookmarks;

/** One bookmark X listed on a page: its id, and the post when Perch could read it. */
export interface Listed {
  id: string;
  post?: XPost;
}

/**
 * A page's bookmarks in X's order, each post Perch read and the id of each X sent that it could not read (without
 * `text`: lib/x/bookmarks.ts, `Page.leftOut`): X listed that one, so it is seen, not gone. `idless` counts the ones
 * left out without an id Perch can trust: what they are is not known, so a walk meeting one is not whole.
 */
export function listedOn(page: Page<XPost>): { listed: Listed[]; idless: number } {
  const left = new Map((page.leftOut ?? []).map((l) => [l.at, l.id]));
  const listed: Listed[] = [];
  let idless = 0;
  let next = 0;
  for (let at = 0; at < page.items.length + left.size; at++) {
    if (!left.has(at)) {
      const post = page.items[next++];
      if (post) listed.push({ id: post.id, post });
      continue;
    }
    const id = left.get(at);
    if (id === undefined) idless++;
    else listed.push({ id });
  }
  return { listed, idless };
}

/** Drops stored posts nothing refers to any more (no bookmark): X no longer gives them to us. */
export async function purgePosts(d: PerchDb, accountId: string): Promise<void> {
  const kept = new Set((await d.bookmarks.where('accountId').equals(accountId).toArray()).map((b) => b.postId));
  await d.posts
    .where('accountId')
    .equals(accountId)
    .filter((p) => !kept.has(p.id))
    .delete();
}

/** Where a walk puts the bookmarks it finds that are not stored yet: on top of those stored when it began. */
export async function arrivalTop(d: PerchDb, accountId: string): Promise<{ next: number }> {
  const top = await d.bookmarks.where('[accountId+position]').between([accountId, -Infinity], [accountId, Infinity]).last();
  return { next: (top?.position ?? 0) + BOOKMARKS_ON_X };
}
