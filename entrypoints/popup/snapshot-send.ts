/**
 * A click on the painted snapshot that acts at once (./snapshot.ts): what React's toggles carry for it
 * (`data-perch-send`), the one-click rule, the early send itself and how React's panel takes it over (act.ts), and
 * which answer React's panel shows in full (a later screen kept as that answer's snapshot).
 */

import type { Request } from '@/lib/messaging';
import type { ErrorReply } from '@/lib/views';

/** The attribute on React's toggle buttons that carries what a click on them sends (PostPanel.tsx, act.ts). */
export const SEND_ATTRIBUTE = 'data-perch-send';

/** What a click on a toggle sends and shows while it is on its way, as React's button would: carried, never made here. */
export interface CarriedSend {
  /** The `action.do` request React's button sends. */
  request: Extract<Request, { type: 'action.do' }>;
  /** The button's label and pressed look while that action is on its way. */
  label: string;
  pressed: boolean;
  /** The button's note while it is on its way. */
  note: string;
  /** The words when the send fails and the background gave none. */
  failed: string;
}

/**
 * The only actions a snapshot's click may send: the post's toggles React's buttons carry (PostPanel.tsx). Spelled out
 * here, as this head script carries no registry (deriving them from lib/action-types.ts adds ~0.55 KB gzip to it);
 * test/unit/popup/snapshot-send-bounds.test.ts keeps them the registry's post toggles.
 */
const POST_TOGGLES: ReadonlySet<string> = new Set(['bookmark', 'unbookmark', 'like', 'unlike', 'repost', 'undoRepost']);

/**
 * The carried send of a snapshot's button, when it is well formed, for this account, one of the post's toggles and,
 * given `postId`, on that post; undefined otherwise. The snapshot is kept HTML: whatever it carries, its click never
 * sends anything else (a delete, a mute, another post's action) under a toggle's label.
 */
export function readCarried(attribute: string | null | undefined, accountId: string, postId?: string): CarriedSend | undefined {
  if (!attribute) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(attribute);
  } catch {
    return undefined;
  }
  const c = value as Partial<CarriedSend> | null;
  const request = c?.request as { type?: unknown; accountId?: unknown; action?: { type?: unknown } } | undefined;
  if (!c || request?.type !== 'action.do' || request.accountId !== accountId || typeof request.action?.type !== 'string') return undefined;
  if (!POST_TOGGLES.has(request.action.type)) return undefined;
  if (postId !== undefined && (request.action as { params?: { postId?: unknown } }).params?.postId !== postId) return undefined;
  if (typeof c.label !== 'string' || typeof c.pressed !== 'boolean' || typeof c.note !== 'string' || typeof c.failed !== 'string')
    return undefined;
  return c as CarriedSend;
}

/** An action a snapshot's button sent itself, before React was there: React's panel follows it (act.ts). */
export interface EarlySent {
  accountId: string;
  /** 'post:<id>', as the snapshot's. */
  key: string;
  type: string;
  /** The background's raw reply to the `action.do` request ({ ok, data: { seq } } or { ok: false, error }). */
  reply: Promise<unknown>;
}

declare global {
  interface Window {
    perchEarlySent?: EarlySent | undefined;
  }
}

/** An answer of the background that React's panel shows in full, and nothing else (no dialog, no failure). */
export interface ShownAnswer {
  accountId: string;
  key: string;
  data: unknown;
}

declare global {
  interface Window {
    perchShown?: ShownAnswer | undefined;
  }
}

export const SHOWN_EVENT = 'perch-shown';

/**
 * Says which answer React's post panel now shows, in full (undefined data: something else is on the screen too, such
 * as a dialog, a composer or a failure): a screen that stands still on an answer is kept as that answer's snapshot.
 */
export function noteShown(accountId: string, key: string, data: unknown): void {
  window.perchShown = data === undefined ? undefined : { accountId, key, data };
  window.dispatchEvent(new Event(SHOWN_EVENT));
}

/** Fired on window when a snapshot's button has sent its action. */
export const EARLY_SENT_EVENT = 'perch-early-sent';

/** The action a snapshot's button sent, if any (React reads it with useSyncExternalStore). */
export const earlySent = (): EarlySent | undefined => (typeof window === 'undefined' ? undefined : window.perchEarlySent);

/** Calls `onSent` each time a snapshot's button sends; returns the function that stops. */
export function onEarlySent(onSent: () => void): () => void {
  window.addEventListener(EARLY_SENT_EVENT, onSent);
  return () => window.removeEventListener(EARLY_SENT_EVENT, onSent);
}

/**
 * What one click on the snapshot does: the first click on a toggle that carries its request sends it, the first on
 * anything else is held for React's same button, and every click after the first does nothing (it would act twice).
 */
export class SnapshotClicks {
  private used = false;

  /** `postId`: the snapshot's post, the only one its clicks may act on. */
  constructor(
    private readonly accountId: string,
    private readonly postId?: string,
  ) {}

  take(attribute: string | null | undefined): { send: CarriedSend } | { hold: true } | undefined {
    if (this.used) return undefined;
    this.used = true;
    const send = readCarried(attribute, this.accountId, this.postId);
    return send ? { send } : { hold: true };
  }
}

/** Whether the background's raw reply to `action.do` says it took the action. */
const tookIt = (reply: unknown): boolean => !!reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true;

/** The background's own words for a failed reply, if it gave any. */
const wordsOf = (reply: unknown): string | undefined => {
  const message = (reply as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' && message ? message : undefined;
};

/** The fields of an error reply that carry its words by kind: named from the reply's own type, so a rename is caught. */
const WORDS_FIELDS = ['replyWords', 'auth', 'own'] as const satisfies readonly (keyof ErrorReply)[];

/**
 * Whether a failed reply says why by kind (Perch's refusal, sign-in's or a draft's words: lib/message-contract.ts),
 * for React's panel to word in its reader's language. Read by shape only: this head script carries no wording.
 */
const wordedByKind = (reply: unknown): boolean => {
  const error = (reply as { error?: Record<string, unknown> } | undefined)?.error;
  return !!error && typeof error === 'object' && WORDS_FIELDS.some((k) => !!error[k] && typeof error[k] === 'object');
};

/**
 * Sends the toggle's carried request, hands its reply to React's panel, and shows on the button what React's
 * screen shows for an action on its way (or, if the send fails, the failure in its note). A refusal said by kind is
 * left to React's panel, which words it as it takes over: the button stays as it was sent rather than saying
 * generic words for a moment and then, in a second alert, the real ones. React's screen takes over from the
 * snapshot as soon as it is drawn, and at the latest SNAPSHOT_PATIENCE_MS after the popup opened (snapshot.ts).
 */
export function sendEarly(
  view: HTMLElement,
  button: HTMLElement,
  carried: CarriedSend,
  send: (message: unknown) => Promise<unknown>,
  from: { accountId: string; key: string },
): void {
  let reply: Promise<unknown>;
  try {
    reply = Promise.resolve(send(carried.request));
  } catch (e) {
    reply = Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  reply.catch(() => undefined); // React's panel takes it; the words here are the snapshot's own
  window.perchEarlySent = { accountId: from.accountId, key: from.key, type: carried.request.action.type, reply };
  window.dispatchEvent(new Event(EARLY_SENT_EVENT));

  const label = button.querySelector('.quick-label');
  // The button's own note is the first it names (a second says how fresh Bookmark's state is).
  const noteId = button.getAttribute('aria-describedby')?.split(' ')[0];
  const note = noteId ? view.querySelector<HTMLElement>(`[id="${CSS.escape(noteId)}"]`) : null;
  const before = { label: label?.textContent ?? '', pressed: button.classList.contains('on') };
  // As React's button shows an action on its way: the label asked for, and busy (ActionButton.tsx).
  const look = (text: string, pressed: boolean, busy: boolean) => {
    if (label) label.textContent = text;
    button.classList.toggle('on', pressed);
    if (busy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  };
  look(carried.label, carried.pressed, true);
  if (note) note.textContent = carried.note;
  const failed = (words: string) => {
    if (!view.isConnected) return;
    look(before.label, before.pressed, false);
    if (!note) return;
    note.className = 'quick-note error';
    note.setAttribute('role', 'alert');
    note.textContent = words;
  };
  reply.then(
    (answer) => {
      if (tookIt(answer)) return;
      const words = wordsOf(answer);
      if (words !== undefined || !wordedByKind(answer)) failed(words ?? carried.failed);
    },
    () => failed(carried.failed),
  );
}
