/**
 * Checks on what Perch is about to send to X, so a request X would refuse is never sent. Every failure is an
 * XApiError 'invalid-request' without a status (nothing reached X) whose words are Perch's own (`own`, in the
 * reader's language), never in `problem`, which holds only what X said.
 */
import type { OwnWords } from '../action-error';
import { USERNAME_PATTERN } from '../limits';
import { XApiError } from './errors';

/** An id Perch sends: 1 to 19 digits (X's id pattern `^[0-9]{1,19}$`; fundamentals--x-ids). */
export const ID_PATTERN = /^[0-9]{1,19}$/;

/**
 * The error for a call Perch refuses to send because of a bug in Perch (the message contract and the screens check what
 * a person gives first): the person reads that Perch did not send it, in their language; `detail`, in a developer's
 * words, is the error's `cause`.
 */
export function invalidInput(detail: string): XApiError {
  return new XApiError('invalid-request', { ownWords: { kind: 'not-sent' }, cause: new Error(detail) });
}

/**
 * The error for something a person gave that X would refuse: `words`, Perch's sentence by its kind and facts, worded
 * through the locales in the language of whoever reads it.
 */
export function refusedInput(words: OwnWords): XApiError {
  return new XApiError('invalid-request', { ownWords: words });
}

/**
 * Returns `value` when it is an X id (a string of 1 to 19 digits).
 * @throws XApiError 'invalid-request' naming `what` otherwise
 */
export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw invalidInput(`${what} must be a string of 1 to 19 digits, not ${describe(value)}.`);
  }
  return value;
}

/**
 * Returns the ids, duplicates dropped (first occurrence kept), when there are 1 to `max` valid ids.
 * @throws XApiError 'invalid-request' otherwise
 */
export function checkIds(values: readonly unknown[], what: string, max: number): string[] {
  const ids = [...new Set(values.map((v) => checkId(v, what)))];
  if (ids.length < 1 || ids.length > max) throw invalidInput(`Between 1 and ${max} ${what}s are needed, not ${ids.length}.`);
  return ids;
}

/**
 * Returns the username without a leading `@` when it matches X's username pattern.
 * @throws XApiError 'invalid-request' otherwise
 */
export function checkUsername(value: unknown): string {
  const name = typeof value === 'string' ? value.replace(/^@/, '') : value;
  if (typeof name !== 'string' || !USERNAME_PATTERN.test(name)) {
    throw invalidInput(`A username is 1 to 15 letters, digits or underscores, not ${describe(value)}.`);
  }
  return name;
}

/** Length in Unicode code points, as JSON Schema's `minLength`/`maxLength` count it. */
export function codePoints(s: string): number {
  return [...s].length;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
