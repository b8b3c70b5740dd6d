/**
 * The draft context of a shared page: 'share:<address>'. A page's address has no bound of its own (a browser keeps
 * megabytes), while the message contract bounds a context, so an address longer than {@link SHARE_URL_MAX} is cut and
 * marked with a hash of the whole: the draft still saves and posts (the post's text carries the whole address, and X
 * counts any link as 23 characters), and two long addresses that begin alike keep two drafts.
 */

/** The longest address kept whole in a draft's context: servers commonly refuse longer ones (8 KiB). */
export const SHARE_URL_MAX = 8192;

/** FNV-1a of a string's UTF-16 units, as 8 hex digits: a draft key's mark, not a secret. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** 'share:<url>', the address cut to fit and marked with its hash when longer than {@link SHARE_URL_MAX}. */
export function shareContext(url: string): string {
  if (url.length <= SHARE_URL_MAX) return `share:${url}`;
  const mark = `#perch-${fnv1a(url)}-${url.length}`;
  return `share:${url.slice(0, SHARE_URL_MAX - mark.length)}${mark}`;
}
