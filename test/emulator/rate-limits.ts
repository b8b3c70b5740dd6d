/**
 * Per-user rate limits, keyed by route ("METHOD /path/pattern"), from x-api--fundamentals--rate-limits
 * (the "Per User" column). Later endpoints add one line here. The first window is the one reported in the
 * `x-rate-limit-*` headers; extra windows (e.g. likes 1,000/24hrs) are enforced too.
 */
import type { EmulatorState } from './state';

export interface RateWindow {
  limit: number;
  seconds: number;
}

const M15 = 15 * 60;
const H3 = 3 * 60 * 60;
const H24 = 24 * 60 * 60;
const w = (limit: number, seconds = M15): RateWindow => ({ limit, seconds });

export const RATE_LIMITS: Record<string, RateWindow[]> = {
  // Users lookup
  'GET /2/users/me': [w(75)],
  'GET /2/users/:id': [w(900)],
  'GET /2/users': [w(900)],
  'GET /2/users/by/username/:username': [w(900)],
  'GET /2/users/by': [w(900)],
  // Posts
  'GET /2/tweets': [w(5000)],
  'GET /2/tweets/:id': [w(900)],
  'POST /2/tweets': [w(100)],
  'DELETE /2/tweets/:id': [w(50)],
  'POST /2/users/:id/retweets': [w(50)],
  'DELETE /2/users/:id/retweets/:source_tweet_id': [w(50)],
  'POST /2/users/:id/likes': [w(50), w(1000, H24)],
  'DELETE /2/users/:id/likes/:tweet_id': [w(50), w(1000, H24)],
  // Bookmarks
  'GET /2/users/:id/bookmarks': [w(180)],
  'GET /2/users/:id/bookmarks/folders': [w(50)],
  'GET /2/users/:id/bookmarks/folders/:folder_id': [w(50)],
  'POST /2/users/:id/bookmarks': [w(50)],
  'DELETE /2/users/:id/bookmarks/:tweet_id': [w(50)],
  // Lists
  'GET /2/lists/:id': [w(75)],
  'GET /2/users/:id/owned_lists': [w(15)],
  'GET /2/lists/:id/tweets': [w(900)],
  'GET /2/lists/:id/members': [w(900)],
  'GET /2/users/:id/list_memberships': [w(75)],
  // Not in the rate-limits table; the digest's table says 15–75 for followed/memberships/pinned. X's own figure for
  // GET /2/users/:id/followed_lists (developer console) is 15 / 15 min.
  'GET /2/users/:id/followed_lists': [w(15)],
  'POST /2/lists': [w(300)],
  'PUT /2/lists/:id': [w(300)],
  'DELETE /2/lists/:id': [w(300)],
  'POST /2/lists/:id/members': [w(300)],
  'DELETE /2/lists/:id/members/:user_id': [w(300)],
  'POST /2/users/:id/followed_lists': [w(50)],
  'DELETE /2/users/:id/followed_lists/:list_id': [w(50)],
  'GET /2/users/:id/pinned_lists': [w(15)],
  'POST /2/users/:id/pinned_lists': [w(50)],
  'DELETE /2/users/:id/pinned_lists/:list_id': [w(50)],
  // Mutes / blocks / follows
  'GET /2/users/:id/muting': [w(15)],
  'POST /2/users/:id/muting': [w(50)],
  'DELETE /2/users/:source_user_id/muting/:target_user_id': [w(50)],
  'GET /2/users/:id/blocking': [w(15)],
  // Enterprise-only writes; the table gives no self-serve figure ("—"). Emulator choice: as for mutes.
  'POST /2/users/:id/blocking': [w(50)],
  'DELETE /2/users/:source_user_id/blocking/:target_user_id': [w(50)],
  'GET /2/users/:id/following': [w(300)],
  'GET /2/users/:id/followers': [w(300)],
  'POST /2/users/:id/following': [w(50)],
  'DELETE /2/users/:source_user_id/following/:target_user_id': [w(50)],
  // Media (x-api--fundamentals--rate-limits, "Media")
  'POST /2/media/upload': [w(500)],
  'GET /2/media/upload': [w(1000)],
  'POST /2/media/upload/initialize': [w(1875)],
  'POST /2/media/upload/:id/append': [w(1875)],
  'POST /2/media/upload/:id/finalize': [w(1875)],
  'POST /2/media/metadata': [w(500)],
};

/**
 * Posts and reposts together: 300 per user per 3 hours (x-api--posts--manage-tweets--integrate, "including Posts
 * created with either manage Posts or manage Retweets"). Not a per-route window: `POST /2/tweets` and the repost
 * endpoint share one counter per user, kept by `state.postOrRepostWindow` / `state.recordPostOrRepost` and
 * counting created posts/reposts (not failed requests). Past it: 429 with these numbers in the headers.
 */
export const POSTS_AND_REPOSTS_WINDOW: RateWindow = w(300, H3);

/** Headers for a 429 from the posts+reposts window. */
export function postOrRepostCapHeaders(resetAt: number): Record<string, string> {
  return headers(POSTS_AND_REPOSTS_WINDOW.limit, 0, resetAt);
}

/**
 * Limits for routes the docs give none for (OAuth endpoints, the consent page, unknown routes).
 * Emulator choice, generous so tests never trip them by accident.
 */
export const UNDOCUMENTED_LIMIT: RateWindow[] = [w(900)];

export function rulesFor(routeKey: string): RateWindow[] {
  return RATE_LIMITS[routeKey] ?? UNDOCUMENTED_LIMIT;
}

export interface RateResult {
  limited: boolean;
  headers: Record<string, string>;
}

function bucketKey(subject: string, routeKey: string, win: RateWindow): string {
  return `${subject}|${routeKey}|${win.seconds}`;
}

function currentBucket(state: EmulatorState, key: string, win: RateWindow, now: number, create: boolean) {
  const existing = state.rateBuckets.get(key);
  if (existing && now < existing.resetAt) return existing;
  const fresh = { count: 0, resetAt: now + win.seconds * 1000 };
  if (create) state.rateBuckets.set(key, fresh);
  return fresh;
}

function headers(limit: number, remaining: number, resetAt: number): Record<string, string> {
  return {
    'x-rate-limit-limit': String(limit),
    'x-rate-limit-remaining': String(Math.max(0, remaining)),
    'x-rate-limit-reset': String(Math.ceil(resetAt / 1000)),
  };
}

/** Counts one request of `subject` (e.g. "user:123") on `routeKey`; `limited` when a window is exhausted. */
export function consumeRate(state: EmulatorState, subject: string, routeKey: string): RateResult {
  const now = state.now();
  const rules = rulesFor(routeKey);
  const buckets = rules.map((win) => ({ win, bucket: currentBucket(state, bucketKey(subject, routeKey, win), win, now, true) }));
  const exhausted = buckets.find(({ win, bucket }) => bucket.count >= win.limit);
  if (exhausted) return { limited: true, headers: headers(exhausted.win.limit, 0, exhausted.bucket.resetAt) };
  for (const b of buckets) b.bucket.count++;
  const primary = buckets[0]!;
  return { limited: false, headers: headers(primary.win.limit, primary.win.limit - primary.bucket.count, primary.bucket.resetAt) };
}

/** Headers for an answer that does not count (e.g. 401 before we know the user). */
export function peekRate(state: EmulatorState, subject: string, routeKey: string): Record<string, string> {
  const win = rulesFor(routeKey)[0]!;
  const bucket = currentBucket(state, bucketKey(subject, routeKey, win), win, state.now(), false);
  return headers(win.limit, win.limit - bucket.count, bucket.resetAt);
}

/** Headers for an injected `rate_limit` fault: nothing left until the current (or a fresh) window resets. */
export function exhaustedHeaders(state: EmulatorState, routeKey: string): Record<string, string> {
  const win = rulesFor(routeKey)[0]!;
  return headers(win.limit, 0, state.now() + win.seconds * 1000);
}
