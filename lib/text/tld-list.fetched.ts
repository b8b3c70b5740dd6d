// The background's TLD list (see ./tld-list.ts, whose exports this module mirrors): read from the extension's own
// tlds.txt (written at build time from ./tlds.ts, wxt.config.ts) on first use and kept in memory, so background.js
// does not carry the lists. A service worker cannot import() lazily, but it can fetch its own files.

import { browser } from 'wxt/browser';
import { TLD_FILE, decodeTldFile } from './tlds';

let list: readonly string[] | undefined;
let loading: Promise<void> | undefined;

/**
 * Every TLD the counter recognises (lower case), once {@link loadTldList} has resolved.
 * @throws Error when the list has not been loaded: a caller that counts must await loadTldList() first.
 */
export function tldList(): readonly string[] {
  if (!list) throw new Error('The TLD list is not loaded yet: await loadTldList() before counting a post.');
  return list;
}

/**
 * Reads tlds.txt from the extension once; later calls share that read. A failed read is not kept, so the next call
 * tries again.
 * @throws Error when the extension's tlds.txt cannot be read or holds no TLDs.
 */
export function loadTldList(): Promise<void> {
  loading ??= read().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function read(): Promise<void> {
  const url = new URL(TLD_FILE, browser.runtime.getURL('/')).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not read ${TLD_FILE} from the extension (HTTP ${response.status}).`);
  const tlds = decodeTldFile(await response.text());
  if (tlds.length === 0) throw new Error(`${TLD_FILE} holds no TLDs.`);
  list = tlds;
}
