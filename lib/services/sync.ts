import { db, type Collection, type PerchDb, type SyncError, type SyncStateRow } from '../db';
import type { XClient } from '../x/client';
import { AuthError } from '../auth/errors';
import { XApiError } from '../x/errors';
import type { SyncResult } from '../views';
import { actionsAt, actionsSince, type ActionsAt } from './actions-since';
import type { ActionDef } from './outbox';
import { storedError } from './outbox-failure';
import { newBookmarks, walkBookmarks, walkFolders } from './sync-bookmarks';
import { walkLists, walkRelation } from './sync-lists';
import { cutNotice, utcDay, type Walk, type WalkContext } from './sync-walk';

/**
 * Keeps the local copy in step with X, sparingly: X's limits are tight (15 requests / 15 min for muted, blocked
 * and owned lists) and every resource read is billed (once per UTC day). Rules:
 * - A collection is walked at most once per UTC day unless the person asks ("Sync now").
 * - Bookmarks sync incrementally: newest first, stopping at the first page that holds a bookmark already stored
 *   (everything after it is older and already here) — 5 new bookmarks cost 1 request. The daily walk goes through
 *   all of them (X returns at most the 800 newest), drops bookmarks removed on X and purges posts X no longer
 *   returns, so content deleted on X leaves the store within 24 hours.
 * - Lists, muted and blocked accounts are walked in full, with progress. Never more requests than
 *   ceil(N / page size), but for at most MAX_RECOUNTS List lookups (lib/services/sync-lists.ts) when a member count
 *   read may or may not show a member the person added or removed meanwhile.
 * - What the person did that a walk's pages may predate wins over them: actions still in the outbox, and actions X
 *   confirmed after the walk began (a List made, deleted or pinned, a bookmark added or removed, while pages were
 *   being read) are shown again over what the walk read.
 */

export interface SyncOptions {
  /** The person asked: ignore the once-per-UTC-day rule. */
  force?: boolean;
  /** Bookmarks only: walk everything (the daily compliance walk) instead of stopping at known ones. */
  full?: boolean;
}

export interface SyncDeps {
  clientFor(accountId: string): Promise<XClient>;
  /** The outbox's action definitions, to re-apply what is still waiting to be sent. */
  defs: Record<string, ActionDef>;
  now?: () => number;
  /**
   * Whether the account is still signed in (the background: its entry in the session view). A sync that was reading
   * when the person signed out stops at its next page and writes nothing more: its pages and its state would put back
   * rows the sign-out wiped. Without it, every account counts as signed in.
   */
  signedIn?: (accountId: string) => Promise<boolean>;
}

/** X's billing day, where the sync tests and callers have always found it. */
export { utcDay } from './sync-walk';

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
    // Taken before the first page is asked for: whatever the outbox had not finished then, the pages may predate.
    const started = await actionsAt(db(), accountId);
    const ctx: WalkContext = {
      client,
      accountId,
      walk,
      onPage: async (items) => {
        // Before the walk stores anything it read: a page X answered after the sign-out is dropped with the rest.
        if (!(await this.stillSignedIn(accountId))) throw new AuthError('signed-out');
        progress.pages += 1;
        progress.items += items;
        await this.setState(accountId, collection, { progress: { ...progress } });
      },
      now: () => this.now(),
      reapplyActions: (d, types) => this.reapplyActions(d, accountId, types, started),
    };
    try {
      switch (collection) {
        case 'bookmarks':
          await (full ? walkBookmarks(ctx) : newBookmarks(ctx));
          break;
        case 'bookmarkFolders':
          await walkFolders(ctx);
          break;
        case 'lists':
          await walkLists(ctx);
          break;
        case 'muted':
        case 'blocked':
          await walkRelation(ctx, collection);
          break;
      }
      const notice = walk.cut ? cutNotice(walk) : undefined;
      // New bookmarks read past one X sent unreadable and without an id (./sync-bookmarks.ts): the day's full read is done
      // again, so the next sync meets that bookmark again rather than stopping above it at the ones read now.
      if (!full && walk.partial && (await this.stillSignedIn(accountId))) {
        await db()
          .syncState.where({ accountId, collection })
          .modify((row) => void delete row.lastFullDay);
      }
      const at = new Date(this.now()).toISOString();
      await this.setState(accountId, collection, {
        running: false,
        lastSyncedAt: at,
        ...(full && !walk.partial ? { lastFullDay: today } : {}),
        error: undefined,
        notice,
        kept: walk.kept,
        unreadable: walk.unreadable,
        progress: { ...progress },
      });
      return { collection, ran: true, requests: progress.pages, items: progress.items, ...(notice ? { notice } : {}) };
    } catch (error) {
      // Stored as a kind and facts, worded by the screen in its reader's language (components/manager/sync-words.ts).
      const e: SyncError = error instanceof XApiError ? storedError(error) : { kind: kindOf(error) };
      await this.setState(accountId, collection, { running: false, error: e });
      return { collection, ran: false, requests: progress.pages, items: progress.items, error: e };
    }
  }

  private async stillSignedIn(accountId: string): Promise<boolean> {
    return this.deps.signedIn ? this.deps.signedIn(accountId) : true;
  }

  /** Records the sync's state, but not for an account signed out meanwhile (its row was wiped and must stay so). */
  private async setState(accountId: string, collection: Collection, change: Partial<SyncStateRow>): Promise<void> {
    if (!(await this.stillSignedIn(accountId))) return;
    const d = db();
    await d.transaction('rw', d.syncState, async () => {
      const current = (await d.syncState.get([accountId, collection])) ?? { accountId, collection };
      await d.syncState.put({ ...current, ...change });
    });
  }

  /**
   * Re-shows, over what a walk read, every action of these types its pages may predate (lib/services/actions-since.ts),
   * in the order they were taken; a confirmed one as X confirmed it (a new List under the id X gave it).
   */
  private async reapplyActions(d: PerchDb, accountId: string, types: readonly string[], started: ActionsAt): Promise<void> {
    for (const a of await actionsSince(d, accountId, started, (a) => types.includes(a.type))) {
      const def = this.deps.defs[a.type];
      if (!def) continue;
      await def.apply(d, accountId, a.params);
      if (a.state === 'done') await def.confirm?.(d, accountId, a.params, a.result);
    }
  }
}

/**
 * The kind of a failure that is not X's answer: one the screens word (signed out, sign-in's own) when it carries one,
 * else 'error' (a fault in Perch, whose own words would be a programmer's).
 */
function kindOf(error: unknown): string {
  const kind = error instanceof Error && 'kind' in error ? (error as { kind: unknown }).kind : undefined;
  return typeof kind === 'string' && kind ? kind : 'error';
}
