// The TLDs the URL counter recognises (./extract-urls.ts), bundled: what every screen and test uses.
//
// The background's build swaps this module for ./tld-list.fetched.ts (wxt.config.ts), which reads the same lists
// from the extension's own tlds.txt on first use instead of carrying them in background.js: a service worker parses
// all of its code on every cold start, and the background counts a post's URLs only when publishing.
// Both modules have this module's exports; tld-list.test.ts checks they give the same TLDs.

import { COUNTRY_TLDS, EXTRA_TLDS, GENERIC_TLDS, decodeTlds } from './tlds';

let list: readonly string[] | undefined;

/**
 * Every TLD the counter recognises (lower case): twitter-text's generic and country lists, then the newer ones.
 * @throws Never here (the fetched variant throws until {@link loadTldList} has resolved).
 */
export function tldList(): readonly string[] {
  list ??= [GENERIC_TLDS, COUNTRY_TLDS, EXTRA_TLDS].flatMap(decodeTlds);
  return list;
}

/**
 * Makes {@link tldList} ready. Bundled here, so it resolves at once; the background's variant reads tlds.txt.
 * @throws Never here.
 */
export function loadTldList(): Promise<void> {
  return Promise.resolve();
}
