/**
 * The storage.local keys of what X refused of an account (lib/refusals.ts), per account. Import-free: the popup's head
 * script (entrypoints/popup/prefetch.ts) reads the same keys without bringing WXT's storage into its few kilobytes.
 */
export const quoteRefusedKey = (accountId: string) => `refusals.quote.${accountId}`;
export const replyRefusedKey = (accountId: string) => `refusals.reply.${accountId}`;
