import { saidOf } from '../compose-words';
import { ownWordsOf } from '../own-words';
import { problemOf, type XClient } from '../x/client';
import { XApiError, xWords } from '../x/errors';
import { refusalOf } from '../x/pages';
import type { TabError } from '../views';

/**
 * A read of X the popup waits on (the post or profile in its tab, tab-context.ts): the client it is sent with, and its
 * failure as the popup words it.
 */

/**
 * How many times such a read is sent again after X answers 5xx or is not heard: once. The popup offers none of its
 * actions until the read ends, and the limiter's usual three tries after 1, 2 and 4 s (each up to twice that) kept the
 * person from bookmarking for 7–14 s while X answered 503; X says "wait and retry"
 * (x-api--fundamentals--response-codes-and-errors), and the popup's Try again asks again.
 */
export const TAB_READ_RETRIES = 1;

/**
 * The account's client for a read the popup waits on: the same rate-limited client, trying a failed GET again at most
 * {@link TAB_READ_RETRIES} times.
 * @throws whatever `client` throws (XApiError 'signed-out' for an account without a token)
 */
export async function tabReadClient(client: () => Promise<XClient>): Promise<XClient> {
  const limited = await client();
  return { request: (req) => limited.request({ ...req, retries: TAB_READ_RETRIES }) };
}

/**
 * Why the tab's post or profile could not be read, as the popup words it: X's answer as the background words it, but a
 * request Perch caught as not what X takes by its kind (`own`, X's words beside it), never a sentence in the worker's
 * language (lib/message-contract.ts answers every other reply so).
 */
export function tabReadFailure(error: unknown): TabError {
  if (!(error instanceof XApiError)) return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  const own = ownWordsOf(error.ownWords);
  if (!own) return { kind: error.kind, message: error.message };
  const said = saidOf(xWords(error.problem));
  return { kind: error.kind, message: '', own, ...(said ? { said } : {}) };
}

/**
 * Why X's lookup of the tab's post (getPostsById) answered 200 without it, by the problem `type` of X's errors about
 * that post (`resource_id` or `value`; all of them when none names it). Only not-authorized-for-resource says the
 * account is protected ("No access to private/protected content", x-api--fundamentals--response-codes-and-errors;
 * ResourceUnauthorizedProblem), never "it may have been deleted", with X's words beside it. resource-not-found, an
 * untyped error or none is not found, and hedged: X answers a deleted post and a protected account's post alike with an
 * `errors` entry, its example an untyped "Not Found Error" (x-api--posts--lookup--integrate, "Deleted or protected
 * Posts"), so it may have been deleted or be protected. Any other refusal is worded as X's answer.
 */
export function postMissing(partialErrors: readonly unknown[], postId: string): TabError {
  const about = partialErrors.filter((e) => {
    const o = e && typeof e === 'object' ? (e as Record<string, unknown>) : {};
    return o.resource_id === postId || o.value === postId;
  });
  const errors = about.length ? about : [...partialErrors];
  const refusal = refusalOf(errors, 200, 'not-found');
  if (refusal.kind === 'not-found') return { kind: 'not-found', message: '', replyWords: { kind: 'post-not-found' } };
  const unauthorized = errors.find((e) => problemOf(e).type === 'not-authorized-for-resource');
  if (!unauthorized) return tabReadFailure(refusal);
  const said = saidOf(xWords(problemOf(unauthorized)));
  return { kind: 'forbidden', message: '', replyWords: { kind: 'post-not-authorized' }, ...(said ? { said } : {}) };
}

/**
 * The tab's post as X sent it without its `text` (getPostsByIds: X's Tweet schema requires no field, so such an answer
 * is X's): Perch says so, never that X could not find it, and shows nothing of it as read.
 */
export const POST_UNREADABLE: TabError = { kind: 'malformed', message: '', replyWords: { kind: 'post-unreadable' } };
