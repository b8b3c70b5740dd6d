// Long because it is the one table of every message, each defined once beside its answer: split, the contract would
// no longer be read in one place.
import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  ALT_TEXT_MAX,
  BOOKMARK_NOTE_MAX,
  IMPORT_MAX_CHARS,
  LIST_DESCRIPTION_MAX,
  LIST_NAME_MAX,
  GIF_MAX_BYTES,
  MAX_IMAGES_PER_POST,
  MAX_POSTS_IN_THREAD,
  SAVED_SEARCH_NAME_MAX,
  SAVED_SEARCH_QUERY_MAX,
  USERNAME_PATTERN,
  VIDEO_MAX_BYTES,
  VIDEO_TYPES,
} from './limits';
import { KEEP_CHOICES } from './db/wipe';
import { AuthError } from './auth/errors';
import { authWordsOf } from './auth-words';
import { saidOf } from './compose-words';
import { ownWordsOf } from './own-words';
import { replyWordsOf } from './reply-words';
import { RefusedError } from './refused-error';
import { SHARE_URL_MAX } from './share-context';
import { XApiError, xWords } from './x/errors';
import { ID_PATTERN } from './x/input';
import { record } from './zod-record';
import type { ImportResult } from './bookmarks/import';
import type { ListContext } from './services/list-context';
import type { SignOutLoss } from './services/sign-out-loss';
import {
  errorKindOf,
  type AccountView,
  type AppCheckView,
  type DraftSummary,
  type DraftView,
  type EditView,
  type ErrorReply as ViewErrorReply,
  type PostContext,
  type PostView,
  type ProfileContext,
  type Settings,
  type SyncResult,
  type UserView,
} from './views';

/**
 * The message contract between the screens (popup, side panel, options) and the background, each message defined
 * once: its request's fields as a zod schema and, beside them, the type it answers with. The background validates
 * every request against it (`handle`); the screens import only its types, through lib/messaging.ts, which keeps zod
 * out of the popup's bundle. Answers are plain JSON (lib/views.ts) and never carry a token.
 */

/**
 * X's ids as lib/x checks them before a request (`ID_PATTERN`, X's `UserId`/`TweetId`/`ListId`). That pattern allows
 * leading zeros, and Perch relays ids X sent it, so it keeps X's pattern rather than refuse an id X could send.
 */
const userId = z.string().check(z.regex(ID_PATTERN, 'an X user id'));
const postId = z.string().check(z.regex(ID_PATTERN, 'an X post id'));
/** An X id inside a longer form: ID_PATTERN without its anchors. */
const X_ID_PART = ID_PATTERN.source.slice(1, -1);
const username = z.string().check(z.regex(USERNAME_PATTERN, 'an X username'));
/**
 * Text that only words a request (an action's "@ada", a List's name in "Delete “Reading”"), which the screens send as
 * X gave it to them: text out of `bounds` (X naming someone outside its own rules) is left out, not the request
 * refused, or the person could not unmute that account or delete that List. Anything but text is still refused.
 */
const wordsOnly = (bounds: z.ZodMiniString<string>) =>
  z.optional(
    // A check that replaces the value, not z.pipe(z.transform(…)): see lib/x/schemas.ts `usable`. Optional, so its
    // value may be undefined.
    z.string().check((payload) => {
      if (!bounds.safeParse(payload.value).success) payload.value = undefined as unknown as string;
    }),
  );
/**
 * UUIDs and base64 exactly as zod's z.uuid() and z.base64() take them, checked with plain patterns: each of those zod
 * features is code the worker would load on every start for one field.
 */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/;
/**
 * Base64 as z.base64() takes it: its alphabet, up to two `=`, a multiple of four characters (then it always decodes).
 * The length is checked apart: a pattern counting groups of four overflows V8's stack on a multi-megabyte image.
 */
class Base64Pattern extends RegExp {
  override test(text: string): boolean {
    return text.length % 4 === 0 && super.test(text);
  }
}
const uuid = () => z.string().check(z.regex(UUID, 'a UUID'));
const base64 = () => z.string().check(z.regex(new Base64Pattern('^[0-9a-zA-Z+/]*={0,2}$'), 'base64'));

/**
 * An action on X the person asked for, by type, with its parameters. Exactly one thing each: never a batch. Built when
 * an `action.do` first arrives: its dozens of schemas are most of the contract's.
 */
export function actionSchema() {
  /** X counts a list name's characters as code points: an emoji is one (the `u` flag: `[^]` is one code point). */
  const listName = z
    .string()
    .check(z.trim(), z.regex(new RegExp(`^[^]{1,${LIST_NAME_MAX}}$`, 'u'), `a list name of 1 to ${LIST_NAME_MAX} characters`));
  const listDescription = z.string().check(z.maxLength(LIST_DESCRIPTION_MAX));
  const postAction = z.strictObject({ postId, username: wordsOnly(username) });
  const userAction = z.strictObject({ userId, username: wordsOnly(username) });
  const listRef = { listId: postId, listName: wordsOnly(z.string().check(z.maxLength(100))) };
  return z.union([
    z.strictObject({
      type: z.literal(['bookmark', 'unbookmark', 'like', 'unlike', 'repost', 'undoRepost', 'post.delete']),
      params: postAction,
    }),
    z.strictObject({ type: z.literal(['mute', 'unmute', 'block', 'unblock', 'follow', 'unfollow']), params: userAction }),
    z.strictObject({
      type: z.literal('list.create'),
      params: z.strictObject({ name: listName, description: z.optional(listDescription), private: z.optional(z.boolean()) }),
    }),
    z.strictObject({
      type: z.literal('list.update'),
      params: z.strictObject({
        listId: postId,
        listName: wordsOnly(z.string().check(z.maxLength(100))),
        name: z.optional(listName),
        description: z.optional(listDescription),
        private: z.optional(z.boolean()),
      }),
    }),
    z.strictObject({
      type: z.literal(['list.delete', 'list.pin', 'list.unpin', 'list.follow', 'list.unfollow']),
      params: z.strictObject(listRef),
    }),
    z.strictObject({
      type: z.literal(['list.addMember', 'list.removeMember']),
      params: z.strictObject({ ...listRef, userId, username: wordsOnly(username) }),
    }),
  ]);
}
export type ActionRequest = z.infer<ReturnType<typeof actionSchema>>;

/**
 * Where a draft belongs, in the forms Perch makes (lib/services/drafts.ts `draftPlace` reads the same): 'compose',
 * 'reply:<id>', 'quote:<id>', 'edit:<id>' (an edit of one's post), or 'share:<url>' (lib/share-context.ts, an address of
 * at most SHARE_URL_MAX).
 */
const draftContext = z
  .string()
  .check(
    z.maxLength('share:'.length + SHARE_URL_MAX),
    z.regex(new RegExp(`^(?:compose|(?:reply|quote|edit):${X_ID_PART}|share:[^]+)$`), 'a draft context'),
  );
const seq = z.int().check(z.positive());
/**
 * A tag as the person typed it: the background normalises it (lib/bookmarks/tags.ts) and refuses one that is not a
 * tag with a clear error naming it (cut), so the bound here is only against abuse: far above anything typed as a tag,
 * so an over-long one is refused in those words, not as a request Perch did not understand.
 */
const tagInput = z.string().check(z.maxLength(1000));
/** A saved search's id: the UUID Perch made (lib/bookmarks/notes.ts `saveSearch`, crypto.randomUUID()). */
const savedSearchId = uuid();

/**
 * One message: the fields of its request beside `type`, and (a type only, never a value) what it answers with. The
 * fields are built when the first message of that type arrives: a woken worker answers one message, and building every
 * type's schemas while its script is evaluated would only delay that answer (issue 13).
 */
export interface MessageDef<Shape extends z.core.$ZodShape, Response> {
  readonly fields: () => Shape;
  /** Never set: carries the response type, so a handler or a reader of the wrong type is a type error. */
  readonly response?: (answer: Response) => Response;
}

/**
 * Starts a message's definition with a function that builds its request fields, called when that message first
 * arrives (never while the worker script loads); `.answers<T>()` ends it with its response type.
 */
function request<Shape extends z.core.$ZodShape>(build: () => Shape) {
  return { answers: <Response>(): MessageDef<Shape, Response> => ({ fields: build }) };
}

/** Every message, by type: what it asks (validated in the background) and what it answers. */
export const messages = {
  'auth.signIn': request(() => ({})).answers<AccountView>(),
  /** `keep`: what the person chose to keep of the account (lib/db/wipe.ts KeepChoice); nothing when absent. */
  'auth.signOut': request(() => ({
    accountId: userId,
    keep: z.optional(z.array(z.literal(KEEP_CHOICES)).check(z.maxLength(KEEP_CHOICES.length))),
  })).answers<null>(),
  'account.switch': request(() => ({ accountId: userId })).answers<null>(),
  'account.check': request(() => ({ accountId: userId })).answers<AccountView>(),
  /** What signing out would delete (queued actions, drafts), counted in the background: the popup has no store. */
  'account.signOutLoss': request(() => ({ accountId: userId })).answers<SignOutLoss>(),
  /** "Check my X app" for the active account (or, without one, what the last sign-in said): at most one billed read. */
  'app.check': request(() => ({ accountId: z.optional(userId) })).answers<AppCheckView>(),
  'settings.get': request(() => ({})).answers<Settings>(),
  'settings.setClientId': request(() => ({ clientId: z.string().check(z.trim(), z.maxLength(200)) })).answers<Settings>(),
  'settings.setEnterprisePlan': request(() => ({ enterprisePlan: z.boolean() })).answers<Settings>(),
  'draft.get': request(() => ({ accountId: userId, context: draftContext })).answers<DraftView | null>(),
  'draft.save': request(() => ({
    accountId: userId,
    context: draftContext,
    seq: z.int().check(z.nonnegative()),
    posts: z
      .array(
        z.strictObject({
          text: z.string().check(z.maxLength(50_000)),
          mediaIds: z.array(uuid()).check(z.maxLength(MAX_IMAGES_PER_POST)),
          /**
           * The description (alt text) of each image that has one, by its id in `mediaIds`. X's 1000 characters are
           * code points, at most 2000 UTF-16 units: compose checks the count itself before posting.
           */
          alts: z.optional(record(z.string().check(z.maxLength(2 * ALT_TEXT_MAX)), UUID)),
        }),
      )
      .check(z.minLength(1), z.maxLength(MAX_POSTS_IN_THREAD)),
    replyToId: z.optional(postId),
    quoteId: z.optional(postId),
    /** The author of the post replied to or quoted, as X named them: the Drafts tab shows it ("Reply to @grace"). */
    authorUsername: z.optional(username),
  })).answers<{ saved: boolean }>(),
  'draft.discard': request(() => ({ accountId: userId, context: draftContext })).answers<null>(),
  /** The account's drafts, the most recently changed first (the manager's Drafts tab, the popup's count). */
  'drafts.list': request(() => ({ accountId: userId })).answers<DraftSummary[]>(),
  /** How many drafts the account has, as the Drafts tab lists them (the popup's "Drafts (3)"): a number, no text. */
  'drafts.count': request(() => ({ accountId: userId })).answers<number>(),
  /**
   * Reopens a saved draft where it was written: Perch's popup in a window, on the post it replies to or quotes, on
   * the page it shares, or on a new post. The address comes from the stored draft, never from the message.
   */
  'draft.open': request(() => ({ accountId: userId, context: draftContext })).answers<null>(),
  'draft.attachImage': request(() => ({
    accountId: userId,
    context: draftContext,
    name: z.string().check(z.maxLength(300)),
    mediaType: z.string().check(z.maxLength(100)),
    // base64 of at most X's GIF limit (images stop at 5 MB in attachImage); anything larger is refused before it
    // is decoded.
    data: base64().check(z.maxLength(Math.ceil(GIF_MAX_BYTES / 3) * 4)),
  })).answers<{ id: string }>(),
  /**
   * A video for a draft, in parts of at most 4 MB sent in order (a whole video, up to X's 512 MB, would not fit in one
   * message): the first part without `id` is answered with the video's id, the later ones name it; the last part
   * answers `done`. `durationSecs`: the video's length as the screen read it from the file.
   */
  'draft.attachVideo': request(() => ({
    accountId: userId,
    context: draftContext,
    name: z.string().check(z.maxLength(300)),
    mediaType: z.literal(VIDEO_TYPES),
    size: z.int().check(z.positive(), z.maximum(VIDEO_MAX_BYTES)),
    durationSecs: z.number().check(z.nonnegative()),
    id: z.optional(uuid()),
    offset: z.int().check(z.nonnegative(), z.maximum(VIDEO_MAX_BYTES)),
    data: base64().check(z.minLength(1), z.maxLength(Math.ceil((4 * 1024 * 1024) / 3) * 4)),
  })).answers<{ id: string; done: boolean }>(),
  /**
   * How far publishing this draft has got with its GIF or video: sending it to X (`uploading`, the share of its bytes)
   * or X processing it (`processing`, X's own percent when it gives one); null when nothing is uploading.
   */
  'post.progress': request(() => ({ accountId: userId, context: draftContext })).answers<{
    name: string;
    phase: 'uploading' | 'processing';
    percent?: number;
  } | null>(),
  /** `separately`: post the thread's remaining posts each on its own (after X refused one as a reply). */
  'post.publish': request(() => ({ accountId: userId, context: draftContext, separately: z.optional(z.boolean()) })).answers<{
    ids: string[];
    username: string;
  }>(),
  /** Asks X whether one's own post may be edited now (edit_controls), with the text to edit from. */
  'post.editView': request(() => ({ accountId: userId, postId })).answers<EditView>(),
  'action.do': request(() => ({ accountId: userId, action: actionSchema() })).answers<{ seq: number }>(),
  'action.undo': request(() => ({ accountId: userId, seq })).answers<{ seq: number }>(),
  /** Cancels an action still waiting in the queue: never sent, and the store goes back as before it. */
  'action.cancel': request(() => ({ accountId: userId, seq })).answers<null>(),
  /** Queues again an action that failed for a passing reason (X's limit, X failing), after its last try. */
  'action.retry': request(() => ({ accountId: userId, seq })).answers<null>(),
  /** Sends now whatever is due (a network failure's back-off is over early; rate limits still hold). */
  'actions.retry': request(() => ({ accountId: userId })).answers<null>(),
  /**
   * The person has seen these failed actions (lib/failed-actions.ts): Dismiss, a Retry sent anew, the Activity tab
   * showing their rows, the button clicked saying it at once. Without `seqs`, all of the account's. The toolbar badge
   * clears with the last one.
   */
  'failures.seen': request(() => ({ accountId: userId, seqs: z.optional(z.array(seq).check(z.maxLength(1000))) })).answers<null>(),
  /** The popup's line has shown these failed actions to the person: it keeps them, the toolbar badge stops counting them. */
  'failures.shown': request(() => ({ accountId: userId, seqs: z.optional(z.array(seq).check(z.maxLength(1000))) })).answers<null>(),
  'sync.run': request(() => ({
    accountId: userId,
    collection: z.literal(['bookmarks', 'bookmarkFolders', 'lists', 'muted', 'blocked']),
    force: z.optional(z.boolean()),
    full: z.optional(z.boolean()),
  })).answers<SyncResult>(),
  'user.lookup': request(() => ({
    accountId: userId,
    username: z.string().check(z.regex(new RegExp(`^@?${USERNAME_PATTERN.source.slice(1)}`), 'an X username')),
  })).answers<UserView>(),
  'list.members': request(() => ({
    accountId: userId,
    listId: postId,
    paginationToken: z.optional(z.string().check(z.maxLength(200))),
  })).answers<{
    users: UserView[];
    nextToken?: string;
    /** X gave a next page token its operation would refuse back: no more can be read (lib/services/lookups.ts). */
    stopped?: true;
  }>(),
  'list.posts': request(() => ({ accountId: userId, listId: postId })).answers<PostView[]>(),
  'tab.post': request(() => ({ accountId: userId, postId })).answers<PostContext>(),
  'tab.profile': request(() => ({ accountId: userId, username })).answers<ProfileContext>(),
  /**
   * The popup's first question (entrypoints/popup/prefetch.ts), asked before it has read anything: what the
   * background knows of the post or profile at this address, for the active account. Null when nobody is signed in
   * or the address is neither a post nor a profile on X.
   */
  'tab.here': request(() => ({ url: z.string().check(z.maxLength(4096)) })).answers<{
    accountId: string;
    target: { kind: 'post'; postId: string } | { kind: 'profile'; username: string };
    context: PostContext | ProfileContext;
  } | null>(),
  /** The list at `x.com/i/lists/ID` as the store holds it (null when not synced); nothing is read from X. */
  'tab.list': request(() => ({ accountId: userId, listId: postId })).answers<ListContext>(),
  /** The account's own lists, with this user's membership; `private` only when X said whether the list is. */
  'user.lists': request(() => ({ accountId: userId, userId })).answers<
    { id: string; name: string; private?: boolean; member: boolean }[]
  >(),
  // Issue 14: the person's own organising of their bookmarks, kept only in Perch (lib/bookmarks/), never sent to X.
  /** Sets what is given of a bookmark's tags, note and read state; the rest stays. */
  'bookmark.organise': request(() => ({
    accountId: userId,
    postId,
    username: wordsOnly(username),
    tags: z.optional(z.array(tagInput).check(z.maxLength(100))),
    note: z.optional(z.string().check(z.maxLength(BOOKMARK_NOTE_MAX * 4))),
    read: z.optional(z.boolean()),
  })).answers<null>(),
  /** Deletes the tags, note and read state of one entry (a bookmark, or one X no longer lists). */
  'bookmark.forget': request(() => ({ accountId: userId, postId })).answers<null>(),
  /** Renames a tag on every bookmark of the account, merging into a tag of that name if there is one. */
  'tag.rename': request(() => ({ accountId: userId, from: tagInput, to: tagInput })).answers<{ changed: number }>(),
  /** Removes a tag from every bookmark of the account. */
  'tag.delete': request(() => ({ accountId: userId, tag: tagInput })).answers<{ changed: number }>(),
  /** Saves a named search (a new one without `id`). */
  'savedSearch.save': request(() => ({
    accountId: userId,
    id: z.optional(savedSearchId),
    name: z.string().check(z.maxLength(SAVED_SEARCH_NAME_MAX)),
    query: z.string().check(z.maxLength(SAVED_SEARCH_QUERY_MAX)),
    pinned: z.boolean(),
  })).answers<{ id: string }>(),
  'savedSearch.delete': request(() => ({ accountId: userId, id: savedSearchId })).answers<null>(),
  /**
   * Restores the tags, notes and read state of Perch's own JSON export (lib/bookmarks/import.ts). A file over
   * IMPORT_MAX_CHARS is refused by the background with a clear error (up to twice that; a screen checks the size
   * before reading a bigger one).
   */
  'bookmarks.import': request(() => ({
    accountId: userId,
    json: z.string().check(z.maxLength(IMPORT_MAX_CHARS * 2)),
  })).answers<ImportResult>(),
};
type Messages = typeof messages;

export type RequestType = keyof Messages;
/** The request of type K: `type` and its fields, as the background receives them after validation. */
export type RequestOf<K extends RequestType> = { type: K } & FieldsOf<ReturnType<Messages[K]['fields']>>;
/** A shape's parsed fields; none for an empty shape (zod reads `{}` as "no key allowed", `Record<string, never>`). */
type FieldsOf<Shape extends z.core.$ZodShape> = [keyof Shape] extends [never] ? unknown : z.output<z.ZodMiniObject<Shape>>;
/** Any request: the union of every type's. */
export type Request = { [K in RequestType]: RequestOf<K> }[RequestType];
/** What each request answers with. */
export type Responses = {
  [K in RequestType]: Messages[K] extends MessageDef<z.core.$ZodShape, infer R> ? R : never;
};

/** A failure as a reply carries it (lib/views.ts): Perch's own words by kind and facts, worded by the screen. */
export type ErrorReply = ViewErrorReply;
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorReply };

/** Each message's full schema (its `type` and fields, nothing else), built the first time a message of that type arrives. */
const schemas = new Map<string, z.ZodMiniType>();

function schemaOf(type: string): z.ZodMiniType | undefined {
  let schema = schemas.get(type);
  if (!schema && Object.hasOwn(messages, type)) {
    schema = z.strictObject({ type: z.literal(type), ...messages[type as RequestType].fields() });
    schemas.set(type, schema);
  }
  return schema;
}

/** Validates a message from one of Perch's pages: the request it is, or undefined when it is none. */
export function parseRequest(message: unknown): Request | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' ? schemaOf(type) : undefined;
  const parsed = schema?.safeParse(message);
  return parsed?.success ? (parsed.data as Request) : undefined;
}

/**
 * Tells whether a message comes from one of Perch's own extension pages, by browser-set fields only: another
 * extension has another `id`; a content script or a web page has another origin. Perch has no content scripts
 * and no web-accessible pages, so a sender with a `tab` can only be one of our pages opened in a tab (options,
 * the full-page manager) — and then it must be the tab's top frame.
 */
export function isTrustedSender(sender: Browser.runtime.MessageSender, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId) return false;
  const origin = (sender as { origin?: string }).origin ?? (sender.url ? originOf(sender.url) : undefined);
  if (origin !== extensionOrigin) return false;
  if (sender.url && originOf(sender.url) !== extensionOrigin) return false;
  if (sender.tab && sender.frameId !== 0) return false;
  return true;
}

/** scheme://host of a URL. Spelled out because URL.origin is "null" for extension schemes in some runtimes. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

export type Handlers = { [K in RequestType]: (request: RequestOf<K>) => Promise<Responses[K]> };

export type MessageListener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: Reply<unknown>) => void,
) => true | undefined;

/**
 * Builds the background's runtime.onMessage listener: classify the sender, validate the message, dispatch.
 * Untrusted senders get no answer at all; malformed messages from our own pages get a 'bad-request' reply;
 * handler errors become `{ ok: false, error }` with the error's message. Answers go through `sendResponse`
 * (returning true), which Chrome and Firefox both honour natively.
 */
export function createMessageListener(handlers: Handlers, onRefused?: (reason: string) => void): MessageListener {
  return (message, sender, sendResponse) => {
    const origin = originOf(browser.runtime.getURL('/'));
    if (!origin || !isTrustedSender(sender, browser.runtime.id, origin)) {
      onRefused?.('untrusted sender');
      return undefined;
    }
    void handle(handlers, message, onRefused).then(sendResponse);
    return true;
  };
}

/** Validates and dispatches one message from a trusted sender. Never rejects. */
export async function handle(handlers: Handlers, message: unknown, onRefused?: (reason: string) => void): Promise<Reply<unknown>> {
  const request = parseRequest(message);
  if (!request) {
    onRefused?.('malformed message');
    // No message: the screen words the kind in its reader's language (components/error-text.ts).
    return { ok: false, error: { kind: 'bad-request', message: '' } };
  }
  const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
  try {
    return { ok: true, data: (await handler(request)) ?? null };
  } catch (error) {
    try {
      return { ok: false, error: toErrorReply(error) };
    } catch {
      // Wording the failure failed too (a getter of the error threw): the screen still gets its answer, its kind (a
      // limit, X not answering) worded generically in its reader's language (components/error-text.ts), rather than
      // no answer at all.
      return { ok: false, error: { kind: kindOrError(error), message: '' } };
    }
  }
}

/** The failure's kind when it can be read, else the generic one. */
function kindOrError(error: unknown): ErrorReply['kind'] {
  try {
    return errorKindOf((error as { kind?: unknown } | null)?.kind);
  } catch {
    return 'error';
  }
}

function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof Error) {
    const kind = errorKindOf((error as { kind?: unknown }).kind);
    // Perch's words about a draft or its media (compose, media uploads), or a request it did not send (not what X
    // takes), go as kind and facts, never as a sentence in the background's language: the screen words them in its
    // reader's (components/error-text.ts).
    // Sign-in's words go the same way, X's words among their facts (lib/auth-words.ts), bounds checked before they go.
    const auth = error instanceof AuthError ? authWordsOf(error.words) : undefined;
    if (auth) return { kind, message: '', auth };
    // Perch's other refusals (the outbox's, a draft's, the settings') go as words too (lib/reply-words.ts).
    const replyWords = replyWordsOf((error as { replyWords?: unknown }).replyWords);
    if (replyWords) return { kind, message: '', replyWords };
    // Words out of their bounds: never the developers' log line ("error: tags-invalid"), the generic words instead.
    if (error instanceof RefusedError) return { kind, message: '' };
    const own = ownWordsOf(error instanceof XApiError ? error.ownWords : (error as { words?: unknown }).words);
    if (own) {
      const said = saidOf(error instanceof XApiError ? xWords(error.problem) : (error as { said?: unknown }).said);
      return { kind, message: '', own, ...(said ? { said } : {}) };
    }
    // An unexpected Error (a TypeError, a failed store read) speaks the browser's or a bug's English, not the
    // reader's language: no message, and the screen words the failure generically (components/error-text.ts).
    if (kind === 'error') return { kind, message: '' };
    return { kind, message: error.message };
  }
  // No message: the screen words an unknown failure in its reader's language (components/error-text.ts).
  return { kind: 'error', message: '' };
}
