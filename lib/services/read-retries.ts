import { browser } from 'wxt/browser';
import { isNumber, isObject } from '../db/row-fields';

/**
 * The reads X is not answering, while Perch tries them again: the rate-limited client tells of each back-off of a
 * GET after a 5xx or a network failure (lib/x/limiter.ts `onRetry`), the background writes it here, and a screen
 * waiting for that read learns it from `storage.onChanged` (components/use-read-retry.ts) — no timer, no request.
 * Plain data and the browser's storage only, so any screen may import it.
 *
 * Stored key `x.retrying.<account id>` in storage.session: `{ "<method> <path>": ReadRetry }`. clearOn: sign-out
 * (lib/storage-wipe.ts); each entry goes as its read ends. It holds request paths (ids) and times only.
 */

/** This account's reads X is not answering: the stored key. */
const retriesKey = (accountId: string) => `x.retrying.${accountId}`;

/** X did not answer a read: Perch tries it again at `at` (epoch ms), try `attempt` of `of`. */
export interface ReadRetry {
  attempt: number;
  of: number;
  at: number;
}

/** The name of one read, as the client sends it: `GET /2/lists/99/tweets`. */
export const readKey = (method: string, path: string): string => `${method} ${path}`;

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type Retries = Record<string, ReadRetry>;

/** A retry as stored, read field by field (lib/db/row-fields.ts): each of its numbers finite. */
const isRetry = (value: unknown): value is ReadRetry =>
  isObject(value) && isNumber(value.attempt) && isNumber(value.of) && isNumber(value.at);

/** The well-formed retries of a stored value: anything else (another writer's, an older shape) is no word to show. */
const retriesIn = (value: unknown): Retries =>
  isObject(value) ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, ReadRetry] => isRetry(entry[1]))) : {};

/** One read, as the rate-limited client tells of it: its own object from its start to its end (lib/x/limiter.ts). */
export type ReadToken = object;

/**
 * The background's publisher: call it with each retry of an account's read, and with `undefined` when that read has
 * ended; `begins` as a read starts. With a `read` token, each read's word is its own: a newer read of the same path
 * (the person pressed again after Stop waiting) hides an older one's retries at once, and only the newer one's end
 * clears its word, so a screen says the retry of the read it is waiting for until that read ends.
 */
export interface RetryPublisher {
  (accountId: string, key: string, retry: ReadRetry | undefined, read?: ReadToken): Promise<void>;
  begins(accountId: string, key: string, read: ReadToken): Promise<void>;
}

/**
 * Makes the background's publisher (see RetryPublisher). Writes are chained, so a watcher never sees an older state
 * after a newer one; a read that X answers at once writes nothing.
 */
export function createRetryPublisher(area: SessionArea = browser.storage.session): RetryPublisher {
  let last: Promise<void> = Promise.resolve();
  const write = (accountId: string, key: string, retry: ReadRetry | undefined) => {
    const item = retriesKey(accountId);
    last = last
      .then(async () => {
        const { [key]: _was, ...others } = retriesIn((await area.get(item))[item]);
        await area.set({ [item]: retry ? { ...others, [key]: retry } : others });
      })
      .catch(() => undefined);
    return last;
  };
  // Per account and read key: the newest read begun and not ended, and the read whose retry is stored.
  const newest = new Map<string, ReadToken>();
  const told = new Map<string, ReadToken | undefined>();
  const publish = (accountId: string, key: string, retry: ReadRetry | undefined, read?: ReadToken) => {
    const both = `${accountId} ${key}`;
    if (read && !retry && newest.get(both) === read) newest.delete(both);
    // An older read's tries and end are no word for the screen: it waits for the newer one.
    if (read && newest.has(both) && newest.get(both) !== read) return last;
    if (retry) told.set(both, read);
    else if (told.has(both) && told.get(both) === read) told.delete(both);
    else if (read) return last;
    return write(accountId, key, retry);
  };
  return Object.assign(publish, {
    begins(accountId: string, key: string, read: ReadToken) {
      const both = `${accountId} ${key}`;
      newest.set(both, read);
      if (!told.has(both)) return last;
      told.delete(both);
      return write(accountId, key, undefined);
    },
  });
}

/** The retry of the read named `key`, or, of the reads whose names match it (a sync's pages), the one planned last. */
function retryOf(retries: Retries, key: string | RegExp): ReadRetry | undefined {
  if (typeof key === 'string') return retries[key];
  const matching = Object.entries(retries).filter(([name]) => key.test(name));
  return matching.map(([, retry]) => retry).sort((a, b) => b.at - a.at)[0];
}

/**
 * Calls `onChange` with the read's retry (or undefined) now and each time it changes: the read named `key`, or any
 * read whose name matches it. Returns the function that stops watching.
 */
export function watchReadRetry(accountId: string, key: string | RegExp, onChange: (retry: ReadRetry | undefined) => void): () => void {
  const item = retriesKey(accountId);
  let stopped = false;
  const tell = (value: unknown) => !stopped && onChange(retryOf(retriesIn(value), key));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && item in changes) tell(changes[item]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  void Promise.resolve(browser.storage.session?.get(item)).then(
    (items: Record<string, unknown> | undefined) => tell(items?.[item]),
    () => undefined,
  );
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
