/**
 * Why the background refused a request, in Perch's own words, carried as a kind and the facts it names, never as a
 * sentence: the background speaks the browser's language, the screen its reader's. The screen words them
 * (lib/reply-words-text.ts). Plain code, no i18n and no zod: the background and the screens both import it.
 */
export const REPLY_WORD_KINDS = [
  // The outbox (lib/services/outbox.ts): an action no longer in the account's log.
  'not-in-log',
  // Undo: not finished yet, already undone, not reversible on X, reversed by a later action.
  'undo-not-done',
  'undo-already',
  'undo-impossible',
  'undo-reversed',
  // Cancel: being sent right now, or no longer waiting.
  'cancel-sending',
  'cancel-not-waiting',
  // Retry: it did not fail for a passing reason.
  'retry-not-passing',
  // An action type Perch does not know (`type`).
  'unknown-action',
  // Reopening a draft (lib/services/drafts-open.ts): it is gone, or its place cannot be reopened.
  'draft-gone',
  'draft-not-listed',
  // The post in the tab (lib/services/tab-context.ts): X did not find it.
  'post-not-found',
  // A page opened by someone else, before the person clicked in it (entrypoints/background/index.ts).
  'gate-refused',
  // The options page's Client ID (lib/settings.ts) is not one X issues.
  'client-id-invalid',
] as const;
export type ReplyWordsKind = (typeof REPLY_WORD_KINDS)[number];

export interface ReplyWords {
  kind: ReplyWordsKind;
  /** For 'unknown-action': the action type Perch did not know, as it was named. */
  type?: string;
}

const KINDS: ReadonlySet<string> = new Set(REPLY_WORD_KINDS);
const FIELDS: ReadonlySet<string> = new Set(['kind', 'type']);
/** An action type as the outbox names them (`like`, `list.update`, `post.delete`); never a sentence. */
const ACTION_TYPE = /^[A-Za-z][\w.-]{0,63}$/;

/**
 * The words when `raw` is exactly their shape and within bounds (a known kind; an action type only for
 * 'unknown-action', and only one shaped as an action type), else undefined: what a reply holds is never trusted.
 */
export function replyWordsOf(raw: unknown): ReplyWords | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const w = raw as Record<string, unknown>;
  if (!Object.keys(w).every((k) => FIELDS.has(k)) || typeof w.kind !== 'string' || !KINDS.has(w.kind)) return undefined;
  if (w.type !== undefined && (w.kind !== 'unknown-action' || typeof w.type !== 'string' || !ACTION_TYPE.test(w.type))) {
    return undefined;
  }
  return w.type === undefined ? { kind: w.kind as ReplyWordsKind } : { kind: w.kind as ReplyWordsKind, type: w.type };
}

/**
 * The words for an action type Perch does not know, with the type when it is one {@link replyWordsOf} accepts (a
 * stored row from another version or a corrupted store may name anything, or hold no string): what is made can always
 * be sent, and a type out of bounds is never put in a sentence (lib/reply-words-text.ts words it without one).
 */
export function unknownActionWords(type: unknown): ReplyWords {
  return isActionTypeName(type) ? { kind: 'unknown-action', type } : { kind: 'unknown-action' };
}

/** Whether `type` is shaped as an action type's name (`like`, `list.update`): safe to put in a sentence as it is. */
export function isActionTypeName(type: unknown): type is string {
  return typeof type === 'string' && ACTION_TYPE.test(type);
}
