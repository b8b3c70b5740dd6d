import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from './emulator-control';

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
