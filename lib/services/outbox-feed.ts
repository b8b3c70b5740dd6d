import { browser } from 'wxt/browser';
import type { ActionError } from '../db/rows';

/**
 * The outbox's published changes: every time an action of the log changes state (queued, sending, waiting for X's
 * reset, done, failed), the background writes the action's brief to `storage.session`, and a screen that watches
 * (the popup) learns it from `storage.onChanged` — no timer, no request. The manager does not need this: it reads
 * the same rows with `useLiveQuery`. Plain data and the browser's storage only, so any screen may import it.
 *
 * Stored key `outbox.feed` in storage.session. clearOn: browser close (storage.session is memory only); it holds
 * action numbers, types, states and the id of a List one made — no post text, no name, no token — and the last few only.
 */

/** One action's state, as the outbox published it. */
export interface ActionChange {
  accountId: string;
  seq: number;
  type: string;
  state: 'queued' | 'sending' | 'done' | 'failed';
  /** Epoch ms before which a queued action is not sent (X's reset, a back-off); 0 when due. */
  notBefore: number;
  error?: ActionError;
  /** Done: X's id for what it made (a List, `list.create`), so a screen shows it without reading X again. */
  madeId?: string;
}

/** What `outbox.feed` holds: the latest state of the actions changed most recently, newest last. */
export interface OutboxFeed {
  /** Grows with every publication, so two equal states in a row still make a change. */
  rev: number;
  changes: ActionChange[];
}

export const OUTBOX_FEED_KEY = 'outbox.feed';
/** How many actions the feed remembers: enough that a watcher missing a beat still sees each one's last state. */
const KEEP = 20;

interface SessionArea {
  set(items: Record<string, unknown>): Promise<void>;
  get?(key: string): Promise<Record<string, unknown>>;
}

/**
 * Makes the background's publisher: call it with each change, in order. Writes are chained, so a watcher never
 * sees an older state after a newer one. Each write starts from what is stored, not from memory, so changes the
 * sign-out wiped from the feed (lib/storage-wipe.ts) do not come back with the next publication.
 */
export function createFeedPublisher(area: SessionArea = browser.storage.session): (change: ActionChange) => Promise<void> {
  let rev = 0;
  let changes: ActionChange[] = [];
  let last: Promise<void> = Promise.resolve();
  return (change) => {
    last = last
      .then(async () => {
        if (area.get) {
          const items: Record<string, unknown> = await area.get(OUTBOX_FEED_KEY).catch(() => ({}));
          const stored = items[OUTBOX_FEED_KEY];
          changes = isFeed(stored) ? stored.changes : [];
          if (isFeed(stored)) rev = Math.max(rev, stored.rev);
        }
        changes = [...changes.filter((c) => c.seq !== change.seq), change].slice(-KEEP);
        const feed: OutboxFeed = { rev: ++rev, changes };
        await area.set({ [OUTBOX_FEED_KEY]: feed });
      })
      .catch(() => undefined);
    return last;
  };
}

function isFeed(value: unknown): value is OutboxFeed {
  const v = value as Partial<OutboxFeed> | undefined;
  return !!v && typeof v.rev === 'number' && Array.isArray(v.changes);
}

/**
 * Calls `onChange` with the account's actions each time the outbox publishes. Returns the function that stops
 * watching.
 */
export function watchOutbox(accountId: string, onChange: (changes: ActionChange[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session') return;
    const feed = changes[OUTBOX_FEED_KEY]?.newValue;
    if (isFeed(feed)) onChange(feed.changes.filter((c) => c.accountId === accountId));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
