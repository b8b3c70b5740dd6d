import { browser } from 'wxt/browser';
import { quoteRefusedKey, replyRefusedKey } from './refusal-keys';
import { defineItem } from './storage';

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

const quoteItem = (accountId: string) => defineItem<unknown>(`local:${quoteRefusedKey(accountId)}`, null);
const replyItem = (accountId: string) => defineItem<unknown>(`local:${replyRefusedKey(accountId)}`, null);

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
  await quoteItem(accountId).setValue(new Date(at).toISOString());
}

/** Remembers that X refused this account's reply to `postId`. @throws if storage fails. */
export async function recordReplyRefused(accountId: string, postId: string): Promise<void> {
  const item = replyItem(accountId);
  const ids = postIds(await item.getValue()).filter((id) => id !== postId);
  await item.setValue([...ids, postId].slice(-MAX_REPLY_REFUSALS));
}

/** What X refused of this account. @throws if storage cannot be read. */
export async function refusalsOf(accountId: string): Promise<Refusals> {
  const [quote, replies] = await Promise.all([quoteItem(accountId).getValue(), replyItem(accountId).getValue()]);
  return { quote: typeof quote === 'string', replies: postIds(replies) };
}

/** Calls back with what X refused of this account each time that changes; returns the unwatch. */
export function watchRefusals(accountId: string, onChange: (refusals: Refusals) => void): () => void {
  const again = () => void refusalsOf(accountId).then(onChange, () => undefined);
  const unwatch = [quoteItem(accountId).watch(again), replyItem(accountId).watch(again)];
  return () => unwatch.forEach((u) => u());
}

/** Forgets every account's refusals (the person said again which plan their app is on). @throws if storage fails. */
export async function forgetRefusals(): Promise<void> {
  const stored: Record<string, unknown> = await browser.storage.local.get(null);
  const keys = Object.keys(stored).filter((k) => k.startsWith(quoteRefusedKey('')) || k.startsWith(replyRefusedKey('')));
  if (keys.length) await browser.storage.local.remove(keys);
}
