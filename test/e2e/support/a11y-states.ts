import { SEED_POSTS, SPAMBOT_ID } from '../../emulator/seed';
import { ADA, type EmulatorControl } from './emulator-control';

/**
 * The screen states a11y.spec.ts leaves out, as both browsers' a11y-states specs reach them: the pages the popup is
 * aimed at and the faults the emulator is told to answer with. One list, so Chromium and Firefox scan the same states.
 */

/** The popup's states, by the page in the tab. */
export const STATE_PAGES = {
  /** Ada's own post: Delete post, and the account menu's Sign out, each ask first. */
  own: `https://x.com/${ADA.username}/status/${SEED_POSTS.adaHello}`,
  /** gracehop's post: Block asks first; Add to a list opens the list picker. */
  others: `https://x.com/gracehop/status/${SEED_POSTS.graceQuotesXdev}`,
  /** A post X does not have (GET /2/tweets/{id} answers 200 with errors alone: getPostsById). */
  gone: 'https://x.com/gracehop/status/1999999999999999999',
  /**
   * A post Perch has not stored (not bookmarked, read nowhere else in the specs), read while X answers 503
   * (x-api--fundamentals--response-codes-and-errors): a stored post would be shown instead of the alert.
   */
  unanswered: `https://x.com/${ADA.username}/status/${SEED_POSTS.adaReplyToGrace}`,
  /** A post whose Bookmark X refuses. */
  refused: `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`,
} as const;

/** X refuses one bookmark with 403 Forbidden (createUsersBookmark; x-api--fundamentals--response-codes-and-errors). */
export const BOOKMARK_REFUSED = { method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 1, kind: 'status', status: 403 };

/**
 * What the popup's alert under the buttons says once X has refused that bookmark (lib/locales/en.yml x_error_forbidden).
 * The state is scanned once these words show: the "Sending to X…" status before them lasts only as long as X takes
 * to answer, so a wait for any status caught it in one run and missed it in the next.
 */
export const REFUSED_WORDS = 'X does not allow this.';

/**
 * X answers reads of posts with 503 Service Unavailable (GET /2/tweets?ids=, getPostsByIds, the popup's read;
 * x-api--fundamentals--response-codes-and-errors) until the faults are cleared: the popup says X did not answer, in its
 * alert.
 */
export const READ_UNANSWERED = { method: 'GET', path: '/2/tweets', count: 20, kind: 'status', status: 503 };

/** What the alert says when X answered the read with 503 (lib/locales/en.yml x_error_unavailable). */
export const UNANSWERED_WORDS = 'X is not answering right now.';

/** The manager's tabs after Bookmarks, scanned for an account with nothing in them (gracehop). */
export const EMPTY_TABS = ['Lists', 'Muted', 'Blocked', 'Activity', 'Drafts'] as const;

/**
 * The same tabs in Japanese (lib/locales/ja.yml), each with what it says once it has read that there is nothing
 * (Lists: its sync's "Last synced", as Grace is still a member of others' Lists; muted_empty_synced,
 * blocked_empty_synced, activity_empty, drafts_empty): scanned then, not while it still reads from X.
 */
export const EMPTY_TABS_JA = [
  ['リスト', '最終同期'],
  ['ミュート', 'Xでミュートしているアカウントはありません。'],
  ['ブロック', 'Xでブロックしているアカウントはありません。'],
  ['履歴', 'まだ何もありません。'],
  ['下書き', '下書きはありません'],
] as const;

/** What the Bookmarks tab says in Japanese for an account with none on X (bookmarks_empty_synced). */
export const NO_BOOKMARKS_JA = 'Xにブックマークはありません。';

/**
 * An account the emulator seeds with nothing the manager's tabs show (spambot3000: no bookmarks, no Lists of its own,
 * followed or pinned, on no one's List, mutes and blocks no one). Grace mutes one account and is on others' Lists, so
 * her Lists and Muted tabs are never empty.
 */
export const NOTHING_USER = { id: SPAMBOT_ID, username: 'spambot3000' } as const;

/** How many of each thing the manager's tabs would show X holds for the account (emulator's control API). */
export async function heldOnX(emu: EmulatorControl, userId: string): Promise<Record<string, number>> {
  const r = await emu.relations(userId);
  return {
    bookmarks: r.bookmarks.length,
    owned_lists: r.owned_lists.length,
    followed_lists: r.followed_lists.length,
    pinned_lists: r.pinned_lists.length,
    list_memberships: r.list_memberships.length,
    muting: r.muting.length,
    blocking: r.blocking.length,
  };
}

/** Nothing held: what heldOnX answers for an account whose tabs are all empty. */
export const HOLDS_NOTHING = {
  bookmarks: 0,
  owned_lists: 0,
  followed_lists: 0,
  pinned_lists: 0,
  list_memberships: 0,
  muting: 0,
  blocking: 0,
};

/**
 * The Lists and Muted tabs of NOTHING_USER in English, each with what it says once a sync found nothing
 * (lists_empty_synced, muted_empty_synced): scanned then, not while it still reads from X.
 */
export const NOTHING_TABS = [
  ['Lists', 'You have no lists on X.'],
  ['Muted', 'You have muted no one on X.'],
] as const;

/**
 * Takes away on X what Grace has that the empty tabs would show (her two Lists, the two she follows, the account she
 * mutes), as the signed-in account would on x.com (listIdDelete, unfollowList, unmuteUser; read with getUsersOwnedLists,
 * getUsersFollowedLists, getUsersMuting), once no sync of Perch's is under way. Throws if X refuses any of it.
 */
export async function emptyOnX(emu: EmulatorControl, userId: string): Promise<void> {
  await emu.untilQuiet();
  const ids = async (path: string) => (((await emu.readAsSignedIn(path)) as { data?: { id: string }[] }).data ?? []).map((d) => d.id);
  const remove = async (path: string) => {
    const res = await emu.asSignedIn(path, { method: 'DELETE' });
    if (!res.ok) throw new Error(`DELETE ${path}: ${res.status}`);
  };
  for (const id of await ids(`/2/users/${userId}/owned_lists`)) await remove(`/2/lists/${id}`);
  for (const id of await ids(`/2/users/${userId}/followed_lists`)) await remove(`/2/users/${userId}/followed_lists/${id}`);
  for (const id of await ids(`/2/users/${userId}/muting`)) await remove(`/2/users/${userId}/muting/${id}`);
}

/**
 * X cannot be reached while a bookmark is sent (createUsersBookmark): the connection is dropped on the outbox's first
 * try and its two quick retries (lib/services/outbox-types.ts RETRY_DELAYS_MS), after which the bookmark is kept,
 * queued for twenty minutes. Chromium sends a POST again at once when its connection drops (one try, two dropped
 * requests in the emulator's log), so more drops are asked for than tries. A dropped connection is the network's,
 * not an answer of X's: no page documents it.
 */
export const BOOKMARK_UNREACHABLE = { method: 'POST', path: `/2/users/${ADA.id}/bookmarks`, count: 10, kind: 'drop' };

/** The outbox's tries before it keeps an action for later: the first and its two quick retries. */
const QUICK_TRIES = 3;

/**
 * Whether the outbox has kept the bookmark after its three tries (pass it Perch's stored actions, support/idb.ts): the
 * notes before then ("Queued until", five and fifteen seconds on) change as each quick retry is sent.
 */
export const keptAfterTries = (actions: unknown[]): boolean =>
  (actions as { state: string; attempts: number }[]).some((a) => a.state === 'queued' && a.attempts === QUICK_TRIES);

/** The popup's note under Bookmark once it is kept (lib/locales/en.yml popup_note_queued_until_offline). */
export const KEPT_OFFLINE_NOTE = /Queued until .+ \(no connection\)\./;

/** Activity's words for the kept bookmark's row (activity_queued_until_reason with x_error_offline). */
export const KEPT_OFFLINE_ROW = /Queued until .+: Perch could not reach X\. Check your connection\./;

/**
 * X's limit used up for the Muted tab's sync: 429 Too Many Requests with the window's reset (getUsersMuting;
 * x-api--fundamentals--rate-limits). The tab's line says it waits, not that it failed.
 */
export const MUTED_SYNC_LIMITED = { method: 'GET', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'rate_limit' };

/** The Muted tab's line while its sync waits (lib/locales/en.yml sync_waiting_for_limit_until). */
export const SYNC_WAITING_WORDS = /Waiting for X's limit until .+\./;
