import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';

/**
 * X refused a quote post from this account's app as Enterprise-only (x-api--posts--manage-tweets--introduction:
 * "Post creation restrictions (self-serve)", quote_tweet_id): from then on the popup offers Quote on x.com for
 * that account, as it does for a refused Block, instead of a button X would refuse again. The person's saying again
 * in Settings that their app is on the Enterprise plan clears it. The key, per account, holds when X refused; it is
 * declared in lib/storage-wipe.ts (`quoteRefused`): wiped when that account signs out.
 */
export const quoteRefusedKey = (accountId: string) => `refusals.quote.${accountId}`;

const itemKey = (accountId: string) => `local:${quoteRefusedKey(accountId)}` as const;

/** Remembers that X refused this account's quote post as Enterprise-only. @throws if storage fails. */
export async function recordQuoteRefused(accountId: string, at: number): Promise<void> {
  await storage.setItem<string>(itemKey(accountId), new Date(at).toISOString());
}

/** Whether X refused a quote post of this account as Enterprise-only. @throws if storage cannot be read. */
export async function quoteRefused(accountId: string): Promise<boolean> {
  return typeof (await storage.getItem<string>(itemKey(accountId))) === 'string';
}

/** Calls back with whether X refused this account's quote, each time that changes; returns the unwatch. */
export function watchQuoteRefused(accountId: string, onChange: (refused: boolean) => void): () => void {
  return storage.watch<string>(itemKey(accountId), (v) => onChange(typeof v === 'string'));
}

/** Forgets every account's refusal (the person said again which plan their app is on). @throws if storage fails. */
export async function forgetQuoteRefusals(): Promise<void> {
  const stored: Record<string, unknown> = await browser.storage.local.get(null);
  const keys = Object.keys(stored).filter((k) => k.startsWith(quoteRefusedKey('')));
  if (keys.length) await browser.storage.local.remove(keys);
}
