import type { OwnWords } from './own-words';

/** Its own module, importing no code: the store's rows and the wording of errors (lib/error-words.ts) both need it. */

/** Perch's own sentence for a failure, by kind and facts (lib/own-words.ts): stored as a reply carries it. */
export type { OwnWords };

/**
 * Why an action failed or waits, as stored: its kind and the facts a screen words it from, in the reader's language
 * (components/error-text.ts `actionErrorText`). The background stores no sentence of its own.
 */
export interface ActionError {
  kind: string;
  /** When X's rate limit resets (Unix seconds), as X said. */
  reset?: number | undefined;
  /** X's own words for the refusal (`errors[].message`, `detail`), kept as X wrote them and shown as a quote from X. */
  said?: string | undefined;
  /** Perch's own sentence, which stands instead of the kind's words (X's words, if any, are quoted after it). */
  own?: OwnWords | undefined;
  /**
   * Its last try was a write X answered with a success Perch could not read ('malformed'): X may have done it (a new
   * List made), so its words never say nothing was changed.
   */
  mayBeDone?: true | undefined;
  /** The action type Perch did not know ('unknown-action'). */
  type?: string | undefined;
  /** Rows stored before issue 13 only: the background's English sentence. Never written now. */
  message?: string | undefined;
}
