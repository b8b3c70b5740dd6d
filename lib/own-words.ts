import { composeWordsOf, type ComposeWords } from './compose-words';

/**
 * Perch's own sentence for a failure, by its kind and the facts it names, so the screen words it in the reader's
 * language (lib/error-words.ts `ownSaidText`): a request Perch caught as not what X takes (lib/x/input.ts
 * `invalidInput`: a bug in Perch), or a draft's or its media's words (lib/compose-words.ts). An action's failure keeps
 * them in the store (lib/action-error.ts); a reply carries them in `own` (lib/views.ts `ErrorReply`).
 */
export type OwnWords =
  | {
      /** 'not-sent': "Perch did not send this to X: something in it is not what X takes." */
      kind: 'not-sent';
    }
  | {
      /**
       * 'sign-in-unread': Perch could not read the key that seals the account's sign-in on this device, so nothing was
       * sent to X (lib/auth/errors.ts `toXApiError`, for the AuthError 'key-not-stored'): Perch's fault, not X's.
       */
      kind: 'sign-in-unread';
    }
  | {
      /**
       * 'app-refused': X refused Perch's X app at the token endpoint when Perch renewed the account's sign-in
       * (`unauthorized_client`, `invalid_client`, RFC 6749 5.2: the Client ID gone, changed type or no longer allowed),
       * so nothing was sent (lib/auth/errors.ts `toXApiError`). X's `error_description` is quoted after it as X's.
       */
      kind: 'app-refused';
    }
  | {
      /**
       * 'sign-in-refused': X answered 401 to an access token it had just issued when Perch renewed the sign-in (lib/x/client.ts):
       * X did not accept the sign-in for this one request, yet the sign-in itself renewed and stays. Once per request: no
       * second renewal, no loop.
       */
      kind: 'sign-in-refused';
    }
  | {
      /**
       * 'list-create-unsure': a new List's answer was lost and Perch could not see all the account's owned Lists to
       * find it (lib/services/list-actions.ts `reconcile`), so it did not ask X again: that could make a second List.
       */
      kind: 'list-create-unsure';
    }
  | {
      /**
       * 'renewal-limited': X answered Perch's renewal of the account's sign-in 429, and Perch waits X's window (its reset,
       * kept with the failure) before asking X's token endpoint again (lib/auth/service.ts): the sign-in's limit, not the
       * action's. The person stays signed in.
       */
      kind: 'renewal-limited';
    }
  | {
      /**
       * 'post-no-text': X answered a post lookup (getPostsById) with the post but not its `text`. X's Tweet schema
       * requires no field, so the answer is X's; Perch has nothing of the post to show or edit (lib/x/posts.ts `getPost`).
       */
      kind: 'post-no-text';
    }
  /** A draft's or its media's: a file X would not take, X's processing of it (lib/compose-words.ts). */
  | ComposeWords;

/**
 * The words when `raw` is {@link OwnWords} within bounds, with nothing else in it; undefined otherwise: a plain kind
 * ({@link isPlainOwn}) names no facts, and a draft's words are checked as lib/compose-words.ts `composeWordsOf` checks
 * them. The background answers only these, and a screen words only these.
 */
export function ownWordsOf(raw: unknown): OwnWords | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const kind = (raw as { kind?: unknown }).kind;
  if (!isPlainOwn(kind)) return composeWordsOf(raw);
  return Object.keys(raw).length === 1 ? { kind } : undefined;
}

/** The kinds of {@link OwnWords} that name no facts: one sentence each, not a draft's words. */
const PLAIN = new Set<unknown>([
  'not-sent',
  'sign-in-unread',
  'app-refused',
  'sign-in-refused',
  'list-create-unsure',
  'renewal-limited',
  'post-no-text',
] satisfies OwnWords['kind'][]);

/** Whether `kind` is one of Perch's own sentences that name no facts ('not-sent', 'app-refused', …). */
export function isPlainOwn(kind: unknown): kind is Exclude<OwnWords, ComposeWords>['kind'] {
  return PLAIN.has(kind);
}
