import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import type { ErrorReply, Reply, Responses } from './messaging';

/**
 * The background's side of the message contract: the zod schema every incoming request must pass, the
 * sender check, and the listener that dispatches to handlers. UIs import lib/messaging.ts instead, which
 * carries only types and `sendMessage`, keeping zod out of the popup's bundle.
 */

const userId = z.string().regex(/^\d{1,19}$/, 'an X user id');
const postId = z.string().regex(/^\d{1,19}$/, 'an X post id');
const username = z.string().regex(/^[A-Za-z0-9_]{1,15}$/, 'an X username');
/** X counts a list name's characters as code points: an emoji is one. */
const listName = z
  .string()
  .trim()
  .refine((s) => [...s].length >= 1 && [...s].length <= 25, 'a list name of 1 to 25 characters');
const listDescription = z.string().max(100);
const postAction = z.strictObject({ postId, username: username.optional() });
const userAction = z.strictObject({ userId, username: username.optional() });
const listRef = z.strictObject({ listId: postId, listName: z.string().max(100).optional() });

/** An action on X the person asked for, by type, with its parameters. Exactly one thing each: never a batch. */
export const actionSchema = z.union([
  z.strictObject({ type: z.enum(['bookmark', 'unbookmark', 'like', 'unlike', 'repost', 'undoRepost', 'post.delete']), params: postAction }),
  z.strictObject({ type: z.enum(['mute', 'unmute', 'block', 'unblock', 'follow', 'unfollow']), params: userAction }),
  z.strictObject({
    type: z.literal('list.create'),
    params: z.strictObject({ name: listName, description: listDescription.optional(), private: z.boolean().optional() }),
  }),
  z.strictObject({
    type: z.literal('list.update'),
    params: z.strictObject({
      listId: postId,
      listName: z.string().max(100).optional(),
      name: listName.optional(),
      description: listDescription.optional(),
      private: z.boolean().optional(),
    }),
  }),
  z.strictObject({ type: z.enum(['list.delete', 'list.pin', 'list.unpin', 'list.follow', 'list.unfollow']), params: listRef }),
  z.strictObject({
    type: z.enum(['list.addMember', 'list.removeMember']),
    params: listRef.extend({ userId, username: username.optional() }),
  }),
]);
export type ActionRequest = z.infer<typeof actionSchema>;

/** Where a draft belongs: 'compose', 'reply:<id>', 'quote:<id>' or 'share:<url>'. */
const draftContext = z.string().min(1).max(2100);

export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth.signIn') }),
  z.strictObject({ type: z.literal('auth.signOut'), accountId: userId }),
  z.strictObject({ type: z.literal('account.switch'), accountId: userId }),
  z.strictObject({ type: z.literal('account.check'), accountId: userId }),
  z.strictObject({ type: z.literal('app.check'), accountId: userId.optional() }),
  z.strictObject({ type: z.literal('settings.get') }),
  z.strictObject({ type: z.literal('draft.get'), accountId: userId, context: draftContext }),
  z.strictObject({
    type: z.literal('draft.save'),
    accountId: userId,
    context: draftContext,
    seq: z.number().int().nonnegative(),
    posts: z
      .array(z.strictObject({ text: z.string().max(50_000), mediaIds: z.array(z.uuid()).max(4) }))
      .min(1)
      .max(25),
    replyToId: postId.optional(),
    quoteId: postId.optional(),
  }),
  z.strictObject({ type: z.literal('draft.discard'), accountId: userId, context: draftContext }),
  z.strictObject({
    type: z.literal('draft.attachImage'),
    accountId: userId,
    context: draftContext,
    name: z.string().max(300),
    mediaType: z.string().max(100),
    // base64 of at most 15 MB (X's GIF limit; images stop at 5 MB in attachImage); anything larger is refused
    // before it is decoded.
    data: z.base64().max(Math.ceil((15 * 1024 * 1024) / 3) * 4),
  }),
  // `separately`: post the thread's remaining posts each on its own (after X refused one as a reply).
  z.strictObject({ type: z.literal('post.publish'), accountId: userId, context: draftContext, separately: z.boolean().optional() }),
  z.strictObject({ type: z.literal('post.delete'), accountId: userId, postId }),
  z.strictObject({ type: z.literal('action.do'), accountId: userId, action: actionSchema }),
  z.strictObject({ type: z.literal('action.undo'), accountId: userId, seq: z.number().int().positive() }),
  z.strictObject({ type: z.literal('action.cancel'), accountId: userId, seq: z.number().int().positive() }),
  z.strictObject({ type: z.literal('action.retry'), accountId: userId, seq: z.number().int().positive() }),
  z.strictObject({ type: z.literal('actions.retry'), accountId: userId }),
  z.strictObject({
    type: z.literal('sync.run'),
    accountId: userId,
    collection: z.enum(['bookmarks', 'bookmarkFolders', 'lists', 'muted', 'blocked']),
    force: z.boolean().optional(),
    full: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('account.clearData'), accountId: userId }),
  z.strictObject({
    type: z.literal('user.lookup'),
    accountId: userId,
    username: z.string().regex(/^@?[A-Za-z0-9_]{1,15}$/, 'an X username'),
  }),
  z.strictObject({ type: z.literal('list.members'), accountId: userId, listId: postId, paginationToken: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('list.posts'), accountId: userId, listId: postId }),
  z.strictObject({ type: z.literal('tab.post'), accountId: userId, postId }),
  z.strictObject({
    type: z.literal('tab.profile'),
    accountId: userId,
    username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/, 'an X username'),
  }),
  z.strictObject({ type: z.literal('user.lists'), accountId: userId, userId }),
  z.strictObject({ type: z.literal('settings.setClientId'), clientId: z.string().trim().max(200) }),
  z.strictObject({ type: z.literal('settings.setEnterprisePlan'), enterprisePlan: z.boolean() }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

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

export type Handlers = { [K in RequestType]: (request: Extract<Request, { type: K }>) => Promise<Responses[K]> };

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
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) {
    onRefused?.('malformed message');
    return { ok: false, error: { kind: 'bad-request', message: 'Perch did not understand that request.' } };
  }
  const request = parsed.data;
  const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
  try {
    return { ok: true, data: (await handler(request)) ?? null };
  } catch (error) {
    return { ok: false, error: toErrorReply(error) };
  }
}

function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return { kind: typeof kind === 'string' ? kind : 'error', message: error.message };
  }
  return { kind: 'error', message: 'Something went wrong. Please try again.' };
}
