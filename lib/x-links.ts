/**
 * Addresses on x.com that Perch links to. Apart from lib/x-url.ts (which re-exports them), whose parser and its
 * table of X's reserved routes the popup's first screen does not need: the head script parses the tab's address
 * (entrypoints/popup/prefetch.ts).
 */

/** A post's address on x.com: `x.com/<username>/status/<id>`, or `x.com/i/status/<id>` (X redirects it) without one. */
export function postUrl(postId: string, username?: string): string {
  return `https://x.com/${username ? encodeURIComponent(username) : 'i'}/status/${encodeURIComponent(postId)}`;
}

/** A profile's address on x.com, where a person can act themselves when the API may not (block, unblock…). */
export function profileUrl(username: string): string {
  return `https://x.com/${encodeURIComponent(username)}`;
}

/** A List's address on x.com: `x.com/i/lists/<id>`. */
export function listUrl(listId: string): string {
  return `https://x.com/i/lists/${encodeURIComponent(listId)}`;
}
