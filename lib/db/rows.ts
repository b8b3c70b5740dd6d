import type { PostSummons } from '../self-serve';
import type { RateWindow } from '../x/errors';
import type { ActionError } from '../action-error';

export type { ActionError } from '../action-error';

/** The rows of Perch's store (lib/db/index.ts), one interface a table. */

export type { BookmarkNoteRow, SavedSearchRow } from './organise-rows';
export type { Collection, SyncError, SyncNotice, SyncStateRow } from './sync-rows';

/** An X user Perch has seen (an author, a list member, a muted or blocked account). */
export interface UserRow {
  accountId: string;
  id: string;
  name: string;
  username: string;
  profileImageUrl?: string;
  protected?: boolean;
  verified?: boolean;
  description?: string;
  seenAt: string;
  /**
   * When X last said how the account relates to this user (`connection_status`, read by the popup). A row stored by
   * a sync has none: its follow state is unknown, and the popup asks X before showing Follow or Unfollow.
   */
  relationSeenAt?: string;
}

export interface PostUrl {
  url: string;
  expandedUrl?: string;
  displayUrl?: string;
  start: number;
  end: number;
  /** Set on the link X appends for the post's own media (`pic.x.com/…`): dropped from the text where its thumbnail shows. */
  mediaKey?: string;
}

/** A photo, video or GIF of a post (X's media object, from `includes.media`). */
export interface PostMedia {
  key: string;
  /** X's `type`: photo, video or animated_gif. */
  type: string;
  /** A photo's image. */
  url?: string;
  /** A video's or GIF's still. */
  previewUrl?: string;
  altText?: string;
  width?: number;
  height?: number;
}

/** The post a post quotes, as the card shows it inset (from `includes.tweets` and its author in `includes.users`). */
export interface QuotedPost {
  id: string;
  text: string;
  urls: PostUrl[];
  author?: { id: string; name: string; username: string };
}

/** A post Perch keeps a copy of (bookmarked, or shown in a list). Purged when X says it is gone. */
export interface PostRow {
  accountId: string;
  id: string;
  text: string;
  authorId?: string;
  createdAt?: string;
  urls: PostUrl[];
  mediaCount: number;
  /** Its media, when the read asked for them (bookmarks); absent from other reads. */
  media?: PostMedia[];
  quotedId?: string;
  /** The quoted post itself, when the read expanded it and X returned it. */
  quoted?: QuotedPost;
  repliedToId?: string;
  /** Whom it replies to (`in_reply_to_user_id`), with the @username when X included that user. */
  replyTo?: { userId: string; username?: string };
  /**
   * Whom its author summoned (mentions, the quoted post's author): what X's self-serve reply rule looks at. Only
   * when read by the popup's lookup, which asks for the quoted post's author; absent from other reads.
   */
  summons?: PostSummons;
  /** When the popup's read found no author (X left them out, and did not give them by id): not asked again that day. */
  authorUnread?: string;
  /** When X last returned it. */
  seenAt: string;
}

export interface BookmarkRow {
  accountId: string;
  postId: string;
  /** Larger is newer: X's own order, newest first. */
  position: number;
  folderIds: string[];
  /**
   * No longer written nor read: the search makes its words from what the card shows, the author's names as stored now
   * (components/manager/bookmarks/search-words.ts). A row written before keeps its stale copy (not indexed).
   */
  searchText?: string;
}

export interface BookmarkFolderRow {
  accountId: string;
  id: string;
  name: string;
  /** When Perch last read which bookmarks the folder holds (ISO); never, if absent. Not indexed. */
  readAt?: string | undefined;
}

export interface ListRow {
  accountId: string;
  id: string;
  name: string;
  description?: string;
  private?: boolean;
  ownerId?: string;
  memberCount?: number;
  followerCount?: number;
  createdAt?: string;
  /**
   * Perch made this List (its create's apply: a new List has no members) and nothing has said since that it has any: no
   * sync with X's member_count above 0, no members read showing one. Only then is "no members" Perch's own knowledge,
   * and so are the members Perch added to it since (each stored as X confirms it); a member count of 0 from X's last
   * sync is not (members added on x.com since are not in it).
   */
  knownEmpty?: true;
  owned: boolean;
  followed: boolean;
  pinned: boolean;
  member: boolean;
}

/** One member of a list. */
export interface ListMemberRow {
  accountId: string;
  listId: string;
  userId: string;
  /**
   * The member's place in X's order (GET /2/lists/{id}/members, x-api--lists--list-members: most recently added
   * first), smaller first. A member added through Perch goes before the smallest.
   */
  position: number;
}

/** A muted, blocked or followed account. */
export interface RelationRow {
  accountId: string;
  userId: string;
  /** Larger is more recent, in X's order. */
  position: number;
  /**
   * `following` only: a follow request a protected account has not approved yet (X's `pending_follow`, or
   * `follow_request_sent` in `connection_status`). Shown as "Requested", never as following.
   */
  pending?: boolean;
}

/** What Perch knows of the account's own engagement with a post (X has no cheap way to ask). */
export interface EngagementRow {
  accountId: string;
  postId: string;
  liked?: boolean;
  reposted?: boolean;
}

/** One post of a draft (a thread has several). */
export interface DraftPost {
  text: string;
  /** Images attached to this post, by id in the `draftMedia` table, in order. */
  mediaIds: string[];
}

export interface DraftRow {
  /** `${accountId}|${context}` */
  key: string;
  accountId: string;
  /** Where the draft was started: 'compose', 'reply:<id>', 'quote:<id>', 'share:<url>'. One draft per account and context. */
  context: string;
  replyToId?: string;
  quoteId?: string;
  /**
   * The @username of the author of the post this draft replies to or quotes, as X named them when the composer saved
   * it, or since, when a read of X renamed them (lib/services/kept-rows.ts) ("Reply to @grace" in the Drafts tab, read
   * with no table the sync writes). Absent on a draft saved before version 7 whose post Perch had not seen then, or
   * when X did not say who wrote the post.
   */
  authorUsername?: string;
  posts: DraftPost[];
  /** Ids X gave the posts already published from this draft, by index: a thread resumes after them. */
  publishedIds: string[];
  /**
   * 'editing' normally; 'unknown' when the connection dropped while X was publishing post `publishedIds.length`,
   * so nobody can tell whether it went out: Perch never re-sends it without the person saying so.
   */
  state: 'editing' | 'unknown';
  /**
   * Set when X refused post `index` (never the first) as a reply to the post before it — X's self-serve reply rule
   * (x-api--posts--manage-tweets--integrate) — with X's own words when it gave any. The posts before it are on X;
   * it and the ones after stay here. Cleared by the next attempt to publish.
   */
  replyRefused?: { index: number; reason?: string } | undefined;
  /** Set when the person chose to post the rest as separate posts: from this index on, a post replies to nothing. */
  separateFrom?: number;
  /** The last `seq` written: out-of-order saves from the same screen are ignored. */
  seq: number;
  updatedAt: string;
}

export interface DraftMediaRow {
  id: string;
  draftKey: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  /**
   * Its description for people who cannot see it (alt text), sent to X with POST /2/media/metadata after the upload.
   * Absent: none was added. Not indexed, so no schema version.
   */
  alt?: string;
  /** A video's length in seconds, as the composer read it from the file. Not indexed, so no schema version. */
  durationSecs?: number;
}

export type ActionState = 'queued' | 'sending' | 'done' | 'failed';

/** One thing the person asked Perch to do on X: the outbox (queued, sending) and the action log (all). */
export interface ActionRow {
  seq?: number;
  accountId: string;
  type: string;
  /** The action's parameters, as plain JSON (ids as strings). */
  params: Record<string, string | boolean | undefined>;
  /**
   * Rows stored before issue 13 only: the English words the background made for the activity view. Never written
   * now: a screen words an action from its `type` and `params`, in the reader's language (components/manager/action-state.ts).
   */
  label?: string;
  state: ActionState;
  createdAt: string;
  updatedAt: string;
  /**
   * Not before this time (epoch ms): a rate-limit reset or a retry back-off; AWAITING_PERSON when only the person
   * can unblock it (their X app is out of credits): nothing sends it until they press Retry.
   */
  notBefore: number;
  attempts: number;
  /**
   * Set when the person retried the action after a try X may have received (`attempts` then starts again at 0): X may
   * have applied that try though its answer did not say so. Optional and not indexed, so the store needs no new
   * version; a row of an older Perch lacks it.
   */
  sentBefore?: true;
  /**
   * Set when the person retried the action after a try whose write X answered 2xx unreadably (its failure's
   * `mayBeDone`, cleared with the failure by Retry): X may have done it, and every later failure still says so.
   * Optional and not indexed, as `sentBefore`.
   */
  mayBeDone?: true;
  error?: ActionError | undefined;
  /** What the store held before the action was shown, to roll back if X refuses. */
  rollback?: unknown;
  /** The action this one undoes, and the action that undid this one. */
  undoOf?: number;
  undoneBy?: number | undefined;
  /** What X answered, when it matters later (e.g. the id of a created list). */
  result?: Record<string, string | boolean>;
}

/** `ActionRow.notBefore` of an action that waits for the person, not for a time (see there). */
export const AWAITING_PERSON = Number.MAX_SAFE_INTEGER;

/**
 * Whether X may have received the action: the outbox tried it (`attempts`), or tried it before the person's Retry
 * counted its tries afresh (`sentBefore`). X may have applied such a try though its answer did not say so.
 */
export function wasSent(action: ActionRow): boolean {
  return action.attempts > 0 || action.sentBefore === true;
}

/** The last rate-limit headers X sent for one endpoint and account. */
export interface RateLimitRow {
  accountId: string;
  /** `METHOD /2/path/:param` */
  endpoint: string;
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
  /** The 24-hour caps, when X sent them (`x-user-limit-24hour-*`, `x-app-limit-24hour-*`). */
  userDay?: RateWindow;
  appDay?: RateWindow;
  /** `reset` is Perch's own pause after a 429 with no reset from X (RateLimitInfo.own). */
  own?: true;
}

/** `PostRow.seenAt` of a post to read again from X at its next use. */
export const NEVER_SEEN = new Date(0).toISOString();
