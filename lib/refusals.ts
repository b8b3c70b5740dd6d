import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { quoteRefusedKey, replyRefusedKey } from './refusal-keys';

/**
 * What X refused from this account's app that its plan decides, so the popup offers it on x.com instead of a
 * button X would refuse again (as it does for a refused Block):
 *   - a quote post, Enterprise-only (x-api--posts--manage-tweets--introduction, "Post creation restrictions
 *     (self-serve)": quote_tweet_id) — Quote on x.com for the whole account;
 *   - a reply where the author did not mention this account or quote one of its posts (the self-serve reply rule,
 *     x-api--posts--manage-tweets--integrate) — Reply on x.com for that post.
 * The person's saying again in Settings which plan their app is on clears both. The keys, per account, are declared
 * in lib/storage-wipe.ts (`quoteRefused`, `replyRefused`): wiped when that account signs out. They are built in
 * lib/refusal-keys.ts, which the popup's head script imports too.
 */
export { quoteRefusedKey, replyRefusedKey };

const quoteItem = (accountId: string) => `local:${quoteRefusedKey(accountId)}` as const;
const replyItem = (accountId: string) => `local:${replyRefusedKey(accountId)}` as const;

/** The posts remembered per account: the latest refusals, enough for any session. */
const MAX_REPLY_REFUSALS = 200;

/** What X refused of one account: quotes at all, replies to these posts. */
export interface Refusals {
  quote: boolean;
  replies: string[];
}

const postIds = (v: unknown): string[] => (Array.isArray(v) ? v.filter((id): id is string => typeof id === 'string') : []);

/** Remembers that X refused this account's quote post as Enterprise-only. @throws if storage fails. */
export async function recordQuoteRefused(accountId: string, at: number): Promise<void> {
  await storage.setItem<string>(quoteItem(accountId), new Date(at).toISOString());
}

/** Remembers that X refused this account's reply to `postId`. @throws if storage fails. */
export async function recordReplyRefused(accountId: string, postId: string): Promise<void> {
  const ids = postIds(await storage.getItem<unknown>(replyItem(accountId))).filter((id) => id !== postId);
  await storage.setItem<string[]>(replyItem(accountId), [...ids, postId].slice(-MAX_REPLY_REFUSALS));
}

/** What X refused of this account. @throws if storage cannot be read. */
export async function refusalsOf(accountId: string): Promise<Refusals> {
  const [quote, replies] = await Promise.all([
    storage.getItem<unknown>(quoteItem(accountId)),
    storage.getItem<unknown>(replyItem(accountId)),
  ]);
  return { quote: typeof quote === 'string', replies: postIds(replies) };
}

/** Calls back with what X refused of this account each time that changes; returns the unwatch. */
export function watchRefusals(accountId: string, onChange: (refusals: Refusals) => void): () => void {
  const again = () => void refusalsOf(accountId).then(onChange, () => undefined);
  const unwatch = [storage.watch<unknown>(quoteItem(accountId), again), storage.watch<unknown>(replyItem(accountId), again)];
  return () => unwatch.forEach((u) => u());
}

/** Forgets every account's refusals (the person said again which plan their app is on). @throws if storage fails. */
export async function forgetRefusals(): Promise<void> {
  const stored: Record<string, unknown> = await browser.storage.local.get(null);
  const keys = Object.keys(stored).filter((k) => k.startsWith(quoteRefusedKey('')) || k.startsWith(replyRefusedKey('')));
  if (keys.length) await browser.storage.local.remove(keys);
}
