import type { SignInOutcomeKind } from './auth/sign-in-outcome';
import type { ActionRow, Collection, DraftRow, PostMedia, PostUrl, SyncError, SyncNotice } from './db';
import type { OwnWords } from './own-words';
import type { ReplyWords } from './reply-words';
import type { PostRules, Via } from './self-serve';

export type { AccountView } from './storage';
export { ERROR_KINDS, errorKindOf, type ErrorKind, type ErrorReply } from './error-reply';

/**
 * What crosses from the background to the screens: plain JSON shapes (dates as ISO strings, ids as strings),
 * declared once here so the message contract (lib/message-contract.ts) and the services that build them share
 * one definition. Type-only: this module imports no services, so neither the contract nor a screen pulls one in.
 * A failure's shape and its kinds are in lib/error-reply.ts, re-exported here.
 */

/** An X account as the screens show it. */
export interface UserView {
  id: string;
  name: string;
  username: string;
  profileImageUrl?: string;
  protected?: boolean;
}

/** A post as the screens show it (a list's preview). */
export interface PostView {
  id: string;
  /** Its whole text, past 280 characters too (X's `note_tweet`). */
  text: string;
  /** Its links (t.co, with where they lead), indexing `text`; absent where a screen shows the text plain. */
  urls?: PostUrl[];
  createdAt?: string;
  author?: UserView;
  mediaCount: number;
  /** Its pictures with X's `alt_text`, where the read expanded them (the popup's post card). */
  media?: PostMedia[];
  quoted: boolean;
}

/**
 * Whether the person may edit one of their posts, from X's `edit_controls` (x-api--fundamentals--edit-posts: 30
 * minutes from the original, up to 5 edits), and the text to start the edit from (t.co links expanded).
 */
export interface EditView {
  postId: string;
  /** X's `is_edit_eligible`, and Perch can send it: the latest version, without media, while edits remain. */
  editable: boolean;
  /** X's `is_edit_eligible` alone: false for a post X never let be edited (a poll post), whatever its window. */
  eligible: boolean;
  /** X's `editable_until` (ISO). */
  editableUntil: string;
  editsRemaining: number;
  /** The post carries media: Perch edits text only (its media would have to be sent again). */
  media: boolean;
  text: string;
}

/** What the screens see of a draft: text and image metadata, never blobs. */
export interface DraftView {
  context: string;
  replyToId?: string;
  quoteId?: string;
  posts: { text: string; media: { id: string; name: string; type: string; size: number; alt?: string; durationSecs?: number }[] }[];
  publishedIds: string[];
  state: DraftRow['state'];
  /** X refused post `index` of the thread as a reply to the one before, in X's words (`reason`) when it gave any. */
  replyRefused?: { index: number; reason?: string };
  seq: number;
  updatedAt: string;
}

/**
 * One line of the drafts list (lib/services/drafts.ts): what the draft was started on, in facts the screen words
 * ("Reply to @grace", "Sharing example.com", "New post"), its text and when it last changed.
 */
export interface DraftSummary {
  context: string;
  kind: 'compose' | 'reply' | 'quote' | 'share' | 'edit';
  /** The post replied to, quoted or edited. */
  postId?: string;
  /** That post's author, when Perch has seen it. */
  username?: string;
  /** The shared page's address, and its host. */
  url?: string;
  host?: string;
  /** Every post of the draft, one after the other. */
  text: string;
  postCount: number;
  mediaCount: number;
  state: DraftRow['state'];
  updatedAt: string;
}

/** An action of the log, as the popup shows it on a button. */
export interface ActionBrief {
  seq: number;
  type: string;
  state: ActionRow['state'];
  notBefore: number;
  error?: ActionRow['error'];
}

export interface AccountRelation {
  muted: boolean;
  blocked: boolean;
  following: boolean;
  /** A follow request to this protected account waits for its approval: shown as "Requested", not following. */
  followRequested: boolean;
  /**
   * X has not said how the account relates to them (a sync's row, or a `connection_status` Perch cannot read): following,
   * muting and blocking are unknown, the flags above a guess. An answer without the field says "no relation".
   */
  relationUnsaid?: true;
}

/** The post in the current tab, its author, and the account's relation to both. */
export interface PostContext {
  kind: 'post';
  post: PostView | null;
  author: (UserView & AccountRelation) | null;
  bookmarked: boolean;
  liked: boolean;
  reposted: boolean;
  /** Not in Perch's bookmarks (X has no per-post bookmark state): when their sync last read them, null if never. */
  bookmarksReadAt?: string | null;
  /** The latest action of each type on this post or its author. */
  actions: ActionBrief[];
  /** Where Reply, Quote and Block happen: through Perch where X allows this app, else on x.com (lib/self-serve). */
  rules: PostRules;
  /** Your own post as X last said, while X lets you edit it (asked for with `edit_controls`). */
  edit?: EditView;
  /** X did not say who wrote the post (left out of its answer, and not given by id): no author actions, and a word why. */
  authorMissing?: true;
  error?: TabError;
}

/** Why the post or profile could not be read: X's answer, or Perch's own words by kind, worded by the popup (`own` with X's `said`). */
export type TabError = { kind: string; message: string; replyWords?: ReplyWords; own?: OwnWords; said?: string };

/** The profile in the current tab and the account's relation to it. */
export interface ProfileContext {
  kind: 'profile';
  user: (UserView & AccountRelation) | null;
  actions: ActionBrief[];
  /** Where Block and Unblock happen for this app's plan. */
  rules: { block: Via };
  error?: TabError;
}

export type TabContext = PostContext | ProfileContext;

/** What one sync of a collection did. */
export interface SyncResult {
  collection: Collection;
  /** False when skipped (already synced this UTC day) or stopped by an error. */
  ran: boolean;
  requests: number;
  items: number;
  /** Why it stopped: a kind and facts (X's reset, X's own words), worded by the screen. */
  error?: SyncError;
  /** The walk ended early (page cap, or X repeating a page), and what was kept: shown beside the sync line. */
  notice?: SyncNotice;
}

/** ✓, ✗, or "cannot tell". */
export type CheckMark = 'ok' | 'problem' | 'unknown';

/** One rate-limit window as the report shows it: the reset as an ISO time. */
export interface WindowView {
  limit: number;
  remaining: number;
  reset: string;
}

/** "Check my X app" (lib/services/app-check.ts), as the settings page words it line by line. */
export interface AppCheckView {
  checkedAt: string;
  /** The account checked (the active one), or null when none is signed in. */
  account: { id: string; username: string } | null;
  /**
   * The Client ID and callback URL in use now; `accountClientId`, the Client ID of the app that issued the account's
   * grant when it is another (set before the Client ID changed): what X answers for the account is that app's.
   */
  app: { clientId: string; redirectUrl: string; accountClientId?: string };
  /** Whether X accepted the Client ID and callback URL, from the last sign-in attempt. */
  signIn: {
    mark: CheckMark;
    /** null when Perch has no record of a sign-in. */
    last: {
      outcome: SignInOutcomeKind;
      at: string;
      /** X's OAuth `error` code (authorize-error, token-error). */
      error?: string;
      /** X's OAuth `error_description` beside that code, as X sent it. */
      description?: string;
      status?: number;
      /** For no-account: the kind of X API failure, worded by the screen. */
      apiErrorKind?: string;
      /** For no-account: X's own words about that failure (`errors[].message`, `detail`), as X sent them, within
       * lib/compose-words.ts `SAID_MAX`. */
      said?: string;
      message?: string;
      /** The last attempt used another Client ID or callback URL than the ones in use now. */
      settingsChanged: boolean;
    } | null;
  };
  /** The scopes X granted to the account's token, against the ones Perch asks for. null without an account. */
  scopes: { mark: CheckMark; granted: string[]; needed: string[]; missing: string[] } | null;
  /** What GET /2/users/me answered; 'app-refused': not sent, X refused Perch's app at the sign-in's renewal. */
  me:
    | { mark: 'ok'; sent: true; status: number; username: string }
    | { mark: 'problem'; sent: true; status?: number; errorKind: string; message: string }
    | { mark: 'problem' | 'unknown'; sent: false; reason: 'no-account' | 'rate-limited' | 'app-refused'; message?: string };
  /** The 15-minute window of the last answer's headers (`x-rate-limit-*`), when X sent them. */
  rateLimit: WindowView | null;
  /** The 24-hour caps of the last answer (`x-user-limit-24hour-*`, `x-app-limit-24hour-*`), when X sent them. */
  dailyCaps: ({ scope: 'user' | 'app' } & WindowView)[];
  /** Whether the app has credits, from X's answer: a billed read that went through, or a usage-capped refusal. */
  credits: { mark: CheckMark };
  /** Billed reads this check sent to X: 0 or 1. */
  billedReads: number;
}

/** The settings page's view of Perch's settings. */
export interface Settings {
  clientId: string;
  /** True when the Client ID in use came with the build rather than from the user. */
  clientIdFromBuild: boolean;
  /** The exact callback URL to register with the X app. */
  redirectUrl: string;
  browserName: 'chrome' | 'firefox';
  /** The person says their X app is on the Enterprise plan: no self-serve limits on replies, quotes, blocks, cashtags. */
  enterprisePlan: boolean;
}
