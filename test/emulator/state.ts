/**
 * In-memory state of the X API emulator: the clock, users, registered OAuth clients, pending
 * authorizations, codes, grants and tokens, rate-limit buckets, faults and the request log.
 *
 * Everything time-based reads `state.now()` (the emulator clock), never `Date.now()` directly, so
 * tests can move time forward with `advance()` / `POST /__emulator/clock`.
 */
import { randomBytes } from 'node:crypto';
import { SNOWFLAKE_EPOCH_MS } from './http';
import { POSTS_AND_REPOSTS_WINDOW } from './rate-limits';
import { applySeed, type SeedName } from './seed';

/** Every OAuth 2.0 scope X knows (fundamentals--authentication--oauth-2-0--authorization-code). */
export const X_SCOPES: Readonly<Record<string, string>> = {
  'tweet.read': 'All the Tweets you can view, including Tweets from protected accounts.',
  'tweet.write': 'Tweet and Retweet for you.',
  'tweet.moderate.write': 'Hide and unhide replies to your Tweets.',
  'users.email': 'Email from an authenticated user.',
  'users.read': 'Any account you can view, including protected accounts.',
  'follows.read': 'People who follow you and people who you follow.',
  'follows.write': 'Follow and unfollow people for you.',
  'offline.access': 'Stay connected to your account until you revoke access.',
  'space.read': 'All the Spaces you can view.',
  'mute.read': 'Accounts you’ve muted.',
  'mute.write': 'Mute and unmute accounts for you.',
  'like.read': 'Tweets you’ve liked and likes you can view.',
  'like.write': 'Like and un-like Tweets for you.',
  'list.read': 'Lists, list members, and list followers of lists you’ve created or are a member of, including private lists.',
  'list.write': 'Create and manage Lists for you.',
  'block.read': 'Accounts you’ve blocked.',
  'block.write': 'Block and unblock accounts for you.',
  'bookmark.read': 'Get Bookmarked Tweets from an authenticated user.',
  'bookmark.write': 'Bookmark and remove Bookmarks from Tweets.',
  'dm.read': 'All the Direct Messages you can view, including Direct Messages from protected accounts.',
  'dm.write': 'Send and manage Direct Messages for you.',
  'media.write': 'Upload media.',
};

/** Lifetimes from the OAuth 2.0 pages (code 30 s after approval, access token 2 h). */
export const CODE_TTL_MS = 30_000;
export const ACCESS_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;
/** How long a consent page stays answerable (emulator choice; X does not document it). */
export const PENDING_AUTHORIZATION_TTL_MS = 10 * 60 * 1000;

export interface UserRecord {
  id: string;
  name: string;
  username: string;
  created_at: string;
  description?: string;
  location?: string;
  url?: string;
  /** Absolute URL, or a path on the emulator (starts with "/") that is served by the emulator. */
  profile_image_url?: string;
  verified: boolean;
  verified_type?: string;
  protected: boolean;
  pinned_tweet_id?: string;
  most_recent_tweet_id?: string;
  confirmed_email?: string;
  subscription_type?: string;
  public_metrics: { followers_count: number; following_count: number; tweet_count: number; listed_count: number; like_count?: number };
  /** A suspended or deleted account: single lookups answer 404 (x-api--users--lookup--integrate). */
  status?: 'active' | 'suspended' | 'deleted';
}

/** One URL, mention, hashtag or cashtag of a post; indices are code points into the stored text. */
export interface PostEntities {
  urls?: {
    start: number;
    end: number;
    url: string;
    expanded_url: string;
    display_url: string;
    media_key?: string;
  }[];
  mentions?: { start: number; end: number; username: string; id?: string }[];
  hashtags?: { start: number; end: number; tag: string }[];
  cashtags?: { start: number; end: number; tag: string }[];
}

export interface PollRecord {
  id: string;
  options: { position: number; label: string; votes: number }[];
  durationMinutes: number;
  endAt: number;
}

/** A post (Tweet). Deleted posts stay in the map with `deleted: true` so lookups can say so. */
export interface PostRecord {
  id: string;
  authorId: string;
  /** The stored text: URLs replaced by t.co links, a media link appended when media is attached. */
  text: string;
  /** The text as the author sent it (duplicate check, counting). */
  sourceText: string;
  createdAt: number;
  conversationId: string;
  inReplyToTweetId?: string;
  inReplyToUserId?: string;
  quoteTweetId?: string;
  mediaKeys: string[];
  poll?: PollRecord;
  entities: PostEntities;
  /**
   * A long post's whole text and its entities (`tweet.fields=note_tweet`); `text` and `entities` then hold only its
   * start (text.ts `longPostText`). Absent for posts of at most 280 weighted characters.
   */
  noteTweet?: { text: string; entities: PostEntities };
  /** Code-point range of `text` shown to readers (excludes the appended media link). */
  displayTextRange: [number, number];
  /** Every version of the post, oldest first; shared by all versions of one edit chain. */
  editHistory: string[];
  replySettings: string;
  lang: string;
  source: string;
  possiblySensitive: boolean;
  publicMetrics: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    bookmark_count: number;
    impression_count: number;
  };
  deleted: boolean;
}

export type MediaType = 'photo' | 'animated_gif' | 'video';

/** An uploaded (or uploading) media file. `id` is the media_id, `mediaKey` "3_<id>" / "16_<id>" / "13_<id>". */
export interface MediaRecord {
  id: string;
  mediaKey: string;
  ownerId: string;
  additionalOwners: string[];
  type: MediaType;
  mimeType: string;
  category: string;
  /** Declared at INIT (chunked) or the real size (simple upload). */
  totalBytes: number;
  segments: Map<number, Buffer>;
  /** Set once finalized (or uploaded in one shot). */
  bytes?: Buffer;
  state: 'uploading' | 'finalized';
  createdAt: number;
  /** Unusable for new posts after this instant (emulator clock, ms). */
  expiresAt: number;
  /** Async processing (GIFs/videos via the chunked flow): succeeds at this instant. */
  processingReadyAt?: number;
  width?: number;
  height?: number;
  /** Its description for people who cannot see it (Media `alt_text`, x-api--fundamentals--data-dictionary). */
  altText?: string;
}

/** A List (x-api--fundamentals--data-dictionary, List). Deleted lists leave the map. */
export interface ListRecord {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  private: boolean;
  createdAt: number;
  /** Member user ids, in the order they were added (oldest first). */
  members: string[];
}

/** A bookmark folder of one user; `postIds` newest first. Folder contents are bookmarks of that user. */
export interface BookmarkFolderRecord {
  id: string;
  name: string;
  postIds: string[];
}

export interface ClientRecord {
  clientId: string;
  redirectUris: string[];
  /** Shown on the consent page. */
  name: string;
  /**
   * A confidential client ("Web App", "Automated App or bot"): the token endpoints want its Basic authorization
   * header, and a request naming it only by `client_id` in the body is refused (fundamentals--authentication--oauth-2-0
   * --authorization-code, "Confidential Clients"; --user-access-token, "Working with confidential clients").
   */
  confidential: boolean;
}

export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256' | 'plain';
  userId: string;
  createdAt: number;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string;
  codeChallengeMethod: 'S256' | 'plain';
  userId: string;
  approvedAt: number;
  expiresAt: number;
  used: boolean;
  /** The grant the code was exchanged into (set on first successful use). */
  grantId?: string;
}

/** One user approval of one client: the root of a chain of access and refresh tokens. */
export interface Grant {
  id: string;
  clientId: string;
  userId: string;
  scopes: string[];
  createdAt: number;
  revoked: boolean;
  revokedReason?: string;
}

export type TokenKind = 'access' | 'refresh';
export type TokenStatus = 'active' | 'used' | 'revoked' | 'expired';

export interface TokenRecord {
  token: string;
  kind: TokenKind;
  grantId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
  /** Access tokens only. */
  expiresAt?: number;
  /** Refresh tokens become "used" once exchanged; any token becomes "revoked". */
  used: boolean;
  revoked: boolean;
}

export interface RateBucket {
  count: number;
  resetAt: number;
}

/**
 * drop: the connection closes before the request is handled (nothing happened on X).
 * cut: the request is handled — the post IS created — then the connection breaks after the status line, so the
 * client never learns the outcome. (A browser retries a request whose reused connection closed without a byte of
 * answer, so only `cut` reliably gives a client an unknown outcome.)
 */
export type FaultKind = 'status' | 'rate_limit' | 'usage_capped' | 'drop' | 'cut' | 'slow' | 'hold' | 'malformed';

export interface Fault {
  id: number;
  method?: string;
  path: string;
  remaining: number;
  kind: FaultKind;
  status?: number;
  delayMs?: number;
}

export interface LogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** null while in flight, or when the connection was dropped/aborted before an answer. */
  status: number | null;
  grant_type?: string;
  client_id?: string;
  user_id?: string;
  aborted?: boolean;
  fault?: FaultKind;
}

export function randomToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}

export class EmulatorState {
  /** Set once the server listens; used to build absolute URLs (profile images). */
  baseUrl = '';
  enterprise: boolean;
  /**
   * Whether X counts a reply to one's own post as "summoned" on the self-serve plan. The manage-posts pages
   * (x-api--posts--manage-tweets--integrate, "Reply restrictions"; --introduction) name only @mentions and quotes
   * by the original author and say nothing of one's own posts, so both answers are modelled: true (the default)
   * lets threads through, false refuses the reply like any other unsummoned one. `reset()` restores the start value.
   */
  selfRepliesAllowed: boolean;
  private readonly startSelfRepliesAllowed: boolean;
  private readonly startEnterprise: boolean;
  /**
   * When set, X's processing of every video finalized from now on fails with these words (`processing_info.state`
   * `failed` and its `error`: x-api--media--get-media-upload-status). Switched with POST /__emulator/config
   * `video_processing_error`; `reset()` clears it.
   */
  videoProcessingError: string | undefined;
  /**
   * When set, X's answers to posts (getPostsByIds, getPostsById, and every post list that expands `author_id`) leave
   * the posts' authors out of `includes.users`, as X's Expansions allow (they promise no user). Switched with POST
   * /__emulator/config `posts_without_author`; `reset()` clears it.
   */
  postsWithoutAuthor = false;
  /**
   * When set, every successful JSON answer is stripped to what X must send (bare.ts). Switched with POST
   * /__emulator/config `bare_answers`; `reset()` restores the start value (`startEmulator({ bareAnswers })`).
   */
  bareAnswers: boolean;
  private readonly startBareAnswers: boolean;
  readonly seed: SeedName;

  clockOffsetMs = 0;
  clients = new Map<string, ClientRecord>();
  users = new Map<string, UserRecord>();
  /** Which X account the consent page authorizes as (the browser's "x.com session"). */
  sessionUserId: string | null = null;
  /** Relationship sets keyed by the acting user id; later resources (mutes, blocks, follows) fill them. */
  following = new Map<string, Set<string>>();
  muting = new Map<string, Set<string>>();
  blocking = new Map<string, Set<string>>();
  /** Follow requests to protected accounts not yet approved (x-api--users--follows--quickstart, `pending_follow`). */
  pendingFollows = new Map<string, Set<string>>();
  /** Liked / reposted post ids by user, in the order they were liked / reposted. */
  likes = new Map<string, Set<string>>();
  reposts = new Map<string, Set<string>>();
  /**
   * Bookmarks by user: post id → when it was bookmarked (emulator ms). Read through `bookmarksOf()`, which first
   * materialises a lazily seeded archive (Ada's 1,000 old bookmarks are only built when something looks at them).
   */
  bookmarks = new Map<string, Map<string, number>>();
  bookmarkFolders = new Map<string, BookmarkFolderRecord[]>();
  /** Lists by id. */
  lists = new Map<string, ListRecord>();
  /** Followed / pinned list ids by user, in the order they were followed / pinned (oldest first). */
  followedLists = new Map<string, string[]>();
  pinnedLists = new Map<string, string[]>();
  /** Seed steps deferred until first use (see `deferSeed`), keyed by what they fill, e.g. "bookmarks:<user id>". */
  private deferred = new Map<string, () => void>();

  pending = new Map<string, PendingAuthorization>();
  codes = new Map<string, AuthorizationCode>();
  grants = new Map<string, Grant>();
  tokens = new Map<string, TokenRecord>();
  rateBuckets = new Map<string, RateBucket>();
  faults: Fault[] = [];
  log: LogEntry[] = [];
  /** Posts by id (seeded and created), including deleted ones (`deleted: true`). */
  posts = new Map<string, PostRecord>();
  /** Uploaded media by media id. */
  media = new Map<string, MediaRecord>();
  private faultSeq = 0;
  private lastSnowflake = 0n;

  constructor(
    opts: {
      seed?: SeedName;
      enterprise?: boolean;
      selfRepliesAllowed?: boolean;
      bareAnswers?: boolean;
      clients?: { clientId: string; redirectUris: string[] }[];
    } = {},
  ) {
    this.seed = opts.seed ?? 'minimal';
    this.startEnterprise = opts.enterprise ?? false;
    this.enterprise = this.startEnterprise;
    this.startSelfRepliesAllowed = opts.selfRepliesAllowed ?? true;
    this.selfRepliesAllowed = this.startSelfRepliesAllowed;
    this.startBareAnswers = opts.bareAnswers ?? false;
    this.bareAnswers = this.startBareAnswers;
    for (const c of opts.clients ?? []) this.registerClient(c.clientId, c.redirectUris);
    this.reset();
  }

  /**
   * Back to the seed: keeps registered clients and the base URL; puts `enterprise` and `selfRepliesAllowed` back to
   * their start values (a test that flips one leaves no trace: a plan left on Enterprise let the next test's
   * self-serve reply through); clears everything else.
   */
  reset(): void {
    this.enterprise = this.startEnterprise;
    this.selfRepliesAllowed = this.startSelfRepliesAllowed;
    this.videoProcessingError = undefined;
    this.postsWithoutAuthor = false;
    this.bareAnswers = this.startBareAnswers;
    this.clockOffsetMs = 0;
    this.users.clear();
    this.following.clear();
    this.muting.clear();
    this.blocking.clear();
    this.pendingFollows.clear();
    this.likes.clear();
    this.reposts.clear();
    this.bookmarks.clear();
    this.bookmarkFolders.clear();
    this.lists.clear();
    this.followedLists.clear();
    this.pinnedLists.clear();
    this.deferred.clear();
    this.pending.clear();
    this.codes.clear();
    this.grants.clear();
    this.tokens.clear();
    this.rateBuckets.clear();
    this.faults = [];
    this.releaseHeld();
    this.log = [];
    this.posts.clear();
    this.media.clear();
    this.lastSnowflake = 0n;
    applySeed(this, this.seed);
  }

  // ---- clock ----
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }
  advance(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
  }

  // ---- clients ----
  registerClient(clientId: string, redirectUris: string[], name?: string, confidential?: boolean): ClientRecord {
    const existing = this.clients.get(clientId);
    if (existing) {
      for (const uri of redirectUris) if (!existing.redirectUris.includes(uri)) existing.redirectUris.push(uri);
      if (name) existing.name = name;
      if (confidential !== undefined) existing.confidential = confidential;
      return existing;
    }
    const record: ClientRecord = {
      clientId,
      redirectUris: [...new Set(redirectUris)],
      name: name ?? 'Perch',
      confidential: confidential ?? false,
    };
    this.clients.set(clientId, record);
    return record;
  }

  // ---- users ----
  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
  }
  findUserByUsername(username: string): UserRecord | undefined {
    const wanted = username.toLowerCase();
    for (const u of this.users.values()) if (u.username.toLowerCase() === wanted) return u;
    return undefined;
  }
  relation(map: Map<string, Set<string>>, userId: string): Set<string> {
    let set = map.get(userId);
    if (!set) {
      set = new Set();
      map.set(userId, set);
    }
    return set;
  }

  relationList(map: Map<string, string[]>, userId: string): string[] {
    let list = map.get(userId);
    if (!list) {
      list = [];
      map.set(userId, list);
    }
    return list;
  }

  // ---- deferred seed data ----
  /** Registers a seed step that runs the first time `key` is needed (`materialize(key)`), keeping `reset()` cheap. */
  deferSeed(key: string, fill: () => void): void {
    this.deferred.set(key, fill);
  }
  /** Runs the deferred seed step for `key` (or every pending one); a no-op once done. */
  materialize(key?: string): void {
    const keys = key === undefined ? [...this.deferred.keys()] : [key];
    for (const k of keys) {
      const fill = this.deferred.get(k);
      if (!fill) continue;
      this.deferred.delete(k);
      fill();
    }
  }

  // ---- bookmarks ----
  /** A user's bookmarks (post id → bookmarked at), after materialising any deferred seed for them. */
  bookmarksOf(userId: string): Map<string, number> {
    this.materialize(`bookmarks:${userId}`);
    let map = this.bookmarks.get(userId);
    if (!map) {
      map = new Map();
      this.bookmarks.set(userId, map);
    }
    return map;
  }
  /** Bookmarked post ids, newest bookmark first (ties: larger id first). */
  bookmarkIds(userId: string): string[] {
    return [...this.bookmarksOf(userId).entries()].sort((a, b) => b[1] - a[1] || compareIds(b[0], a[0])).map(([id]) => id);
  }

  // ---- lists ----
  /** Users following a list (scans every user's followed lists; there are few). */
  listFollowers(listId: string): string[] {
    const out: string[] = [];
    for (const [userId, ids] of this.followedLists) if (ids.includes(listId)) out.push(userId);
    return out;
  }
  /** Removes a list and every pin and follow of it. */
  deleteList(listId: string): void {
    this.lists.delete(listId);
    for (const map of [this.followedLists, this.pinnedLists]) {
      for (const [userId, ids] of map) {
        const i = ids.indexOf(listId);
        if (i >= 0) ids.splice(i, 1);
        if (!ids.length) map.delete(userId);
      }
    }
  }

  // ---- ids ----
  /**
   * A new snowflake-like id (x-ids: a string of digits): milliseconds since X's epoch in the high bits, so
   * ids grow with the emulator clock, and strictly increasing even within one millisecond.
   */
  nextId(at = this.now()): string {
    let id = BigInt(Math.max(0, Math.floor(at) - SNOWFLAKE_EPOCH_MS)) << 22n;
    if (id <= this.lastSnowflake) id = this.lastSnowflake + 1n;
    this.lastSnowflake = id;
    return id.toString();
  }
  /** Records an id handed out elsewhere (seeded posts) so `nextId` never repeats it. */
  noteId(id: string): void {
    const n = BigInt(id);
    if (n > this.lastSnowflake) this.lastSnowflake = n;
  }

  // ---- posts + reposts per 3 hours ----
  /**
   * The shared per-user window of posts and reposts (300 / 3 h, x-api--posts--manage-tweets--integrate). Keyed by
   * user only (not by client): the limit holds "across any developer App". POST /2/tweets records here, and so
   * must the repost endpoint when it exists.
   */
  postOrRepostWindow(userId: string): RateBucket {
    const key = `user:${userId}|posts+reposts|${POSTS_AND_REPOSTS_WINDOW.seconds}`;
    const now = this.now();
    let bucket = this.rateBuckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + POSTS_AND_REPOSTS_WINDOW.seconds * 1000 };
      this.rateBuckets.set(key, bucket);
    }
    return bucket;
  }
  postOrRepostCapReached(userId: string): boolean {
    return this.postOrRepostWindow(userId).count >= POSTS_AND_REPOSTS_WINDOW.limit;
  }
  recordPostOrRepost(userId: string): void {
    this.postOrRepostWindow(userId).count++;
  }

  // ---- tokens ----
  issueTokenPair(grant: Grant): { access: TokenRecord; refresh?: TokenRecord } {
    const now = this.now();
    const base = {
      grantId: grant.id,
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: [...grant.scopes],
      issuedAt: now,
      used: false,
      revoked: false,
    };
    const access: TokenRecord = { ...base, token: randomToken(), kind: 'access', expiresAt: now + ACCESS_TOKEN_TTL_MS };
    this.tokens.set(access.token, access);
    if (!grant.scopes.includes('offline.access')) return { access };
    const refresh: TokenRecord = { ...base, token: randomToken(), kind: 'refresh' };
    this.tokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  tokenStatus(t: TokenRecord): TokenStatus {
    if (t.revoked) return 'revoked';
    if (t.used) return 'used';
    if (t.expiresAt !== undefined && this.now() >= t.expiresAt) return 'expired';
    return 'active';
  }

  /** Revokes a grant and every access and refresh token descending from it. */
  revokeGrant(grantId: string, reason: string): void {
    const grant = this.grants.get(grantId);
    if (grant && !grant.revoked) {
      grant.revoked = true;
      grant.revokedReason = reason;
    }
    for (const t of this.tokens.values()) if (t.grantId === grantId) t.revoked = true;
  }

  /** Revokes every token of a user (the user removing the app on x.com). Returns how many grants. */
  revokeUserGrants(userId: string): number {
    let n = 0;
    for (const g of this.grants.values()) {
      if (g.userId === userId && !g.revoked) n++;
      if (g.userId === userId) this.revokeGrant(g.id, 'user revoked the app');
    }
    for (const c of this.codes.values()) if (c.userId === userId) c.used = true;
    for (const [id, p] of this.pending) if (p.userId === userId) this.pending.delete(id);
    return n;
  }

  // ---- faults ----
  addFault(f: Omit<Fault, 'id'>): Fault {
    const fault: Fault = { ...f, id: ++this.faultSeq };
    this.faults.push(fault);
    return fault;
  }

  /** Requests a `hold` fault stopped, each waiting for `releaseHeld` (or a reset). */
  private readonly held = new Set<() => void>();

  /** Waits until the held requests are let go: X takes its time, for as long as a test needs, with no clock. */
  holdRequest(): Promise<void> {
    return new Promise((resolve) => this.held.add(resolve));
  }

  /** Lets every held request go on, in the order they came; returns how many there were. */
  releaseHeld(): number {
    const waiting = [...this.held];
    this.held.clear();
    for (const go of waiting) go();
    return waiting.length;
  }

  /** How many requests a `hold` fault is holding now. */
  get heldCount(): number {
    return this.held.size;
  }

  /** Finds (and consumes one use of) the first fault matching this request. */
  takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (f.path.endsWith('*') ? path.startsWith(f.path.slice(0, -1)) : path === f.path),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  // ---- snapshot ----
  snapshot(): Record<string, unknown> {
    this.materialize();
    const now = this.now();
    return {
      now: new Date(now).toISOString(),
      unix: Math.floor(now / 1000),
      seed: this.seed,
      enterprise: this.enterprise,
      self_replies_allowed: this.selfRepliesAllowed,
      session_user_id: this.sessionUserId,
      clients: [...this.clients.values()].map((c) => ({ client_id: c.clientId, redirect_uris: c.redirectUris, name: c.name })),
      users: [...this.users.values()],
      relations: {
        following: mapOfSets(this.following),
        pending_follows: mapOfSets(this.pendingFollows),
        muting: mapOfSets(this.muting),
        blocking: mapOfSets(this.blocking),
        likes: mapOfSets(this.likes),
        reposts: mapOfSets(this.reposts),
        bookmarks: Object.fromEntries([...this.bookmarks.keys()].map((u) => [u, this.bookmarkIds(u)]).filter(([, ids]) => ids!.length)),
        bookmark_folders: Object.fromEntries(
          [...this.bookmarkFolders].map(([u, folders]) => [u, folders.map((f) => ({ id: f.id, name: f.name, post_ids: [...f.postIds] }))]),
        ),
        followed_lists: mapOfLists(this.followedLists),
        pinned_lists: mapOfLists(this.pinnedLists),
      },
      lists: [...this.lists.values()].map((l) => this.listSnapshot(l)),
      pending_authorizations: this.pending.size,
      codes: [...this.codes.values()].map((c) => ({
        client_id: c.clientId,
        user_id: c.userId,
        scopes: c.scopes,
        used: c.used,
        expired: now > c.expiresAt,
      })),
      grants: [...this.grants.values()].map((g) => ({
        id: g.id,
        client_id: g.clientId,
        user_id: g.userId,
        scopes: g.scopes,
        created_at: new Date(g.createdAt).toISOString(),
        revoked: g.revoked,
        ...(g.revokedReason ? { revoked_reason: g.revokedReason } : {}),
      })),
      tokens: this.tokenList(),
      rate_limits: [...this.rateBuckets.entries()].map(([key, b]) => ({ key, count: b.count, reset: Math.ceil(b.resetAt / 1000) })),
      faults: this.faults,
      log_size: this.log.length,
      posts: { total: this.posts.size, deleted: [...this.posts.values()].filter((p) => p.deleted).length },
      media: [...this.media.values()].map((m) => ({
        id: m.id,
        media_key: m.mediaKey,
        owner_id: m.ownerId,
        type: m.type,
        state: m.state,
        expires_at: new Date(m.expiresAt).toISOString(),
      })),
    };
  }

  listSnapshot(l: ListRecord): Record<string, unknown> {
    return {
      id: l.id,
      name: l.name,
      description: l.description,
      private: l.private,
      owner_id: l.ownerId,
      created_at: new Date(l.createdAt).toISOString(),
      member_ids: [...l.members],
      follower_ids: this.listFollowers(l.id),
    };
  }

  /**
   * Everything one user did or has, for tests (GET /__emulator/users/:id/relations). Orders: bookmarks newest
   * bookmark first, the rest in the order they happened (oldest first).
   */
  relationsOf(userId: string): Record<string, unknown> {
    const ofSet = (m: Map<string, Set<string>>) => [...(m.get(userId) ?? [])];
    const followers = [...this.following].filter(([, set]) => set.has(userId)).map(([id]) => id);
    return {
      user_id: userId,
      following: ofSet(this.following),
      followers,
      pending_follows: ofSet(this.pendingFollows),
      muting: ofSet(this.muting),
      blocking: ofSet(this.blocking),
      likes: ofSet(this.likes),
      reposts: ofSet(this.reposts),
      bookmarks: this.bookmarkIds(userId),
      bookmark_folders: (this.bookmarkFolders.get(userId) ?? []).map((f) => ({ id: f.id, name: f.name, post_ids: [...f.postIds] })),
      owned_lists: [...this.lists.values()].filter((l) => l.ownerId === userId).map((l) => this.listSnapshot(l)),
      list_memberships: [...this.lists.values()].filter((l) => l.members.includes(userId)).map((l) => l.id),
      followed_lists: [...(this.followedLists.get(userId) ?? [])],
      pinned_lists: [...(this.pinnedLists.get(userId) ?? [])],
    };
  }

  tokenList(): Record<string, unknown>[] {
    return [...this.tokens.values()].map((t) => ({
      token: t.token,
      kind: t.kind,
      state: this.tokenStatus(t),
      user_id: t.userId,
      client_id: t.clientId,
      grant_id: t.grantId,
      scopes: t.scopes,
      issued_at: new Date(t.issuedAt).toISOString(),
      ...(t.expiresAt !== undefined ? { expires_at: new Date(t.expiresAt).toISOString() } : {}),
    }));
  }
}

/** Numeric-string comparison of snowflake ids (never parsed as numbers: fundamentals--x-ids). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function mapOfLists(m: Map<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of m) if (v.length) out[k] = [...v];
  return out;
}

function mapOfSets(m: Map<string, Set<string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of m) if (v.size) out[k] = [...v];
  return out;
}
