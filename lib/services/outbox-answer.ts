import { wasSent, type ActionRow } from '../db';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import type { ActionDef, Result } from './outbox-types';

/**
 * A write X answered with a success it could not be read from. A 2xx is X saying the request succeeded
 * (x-api--fundamentals--response-codes-and-errors: "Successful requests return 2xx codes"; 200 "Request successful")
 * when the answer is X's: JSON by its content-type (a proxy's HTML page never reached X) holding no `errors` (a 200
 * may carry only `errors`, X saying it did not do it: lib/x/set-state.ts), only cut short or `{}` where X's schema
 * puts `data`. For a toggle (like, follow, mute, a List member …) the
 * state X now holds is the one the person asked for, so the outbox counts it done instead of retrying it and,
 * after its last try, putting the store back while X holds the new state. A creation whose answer carries what
 * Perch needs (a new List's id) is not known done without it: the outbox keeps its path for those.
 */
export interface AnswerWatch {
  /**
   * Sends `action` through `client`, watched: a creation sent before (a try, also before the person's Retry) is looked
   * for on X before it is sent again. A write X answered with its own success Perch could not read is done: a toggle
   * as asked (its result marked `answerUnread`); a creation whose answer holds what Perch needs (a new List's id) is
   * not known done without it, and fails as before.
   */
  send(client: XClient, def: ActionDef, accountId: string, action: ActionRow): Promise<Result | undefined>;
  /**
   * True when `error` says the last answer could not be read, and that answer was a 2xx to a write, whoever sent it
   * (X, or a page from something between): X may have done it, and a failure says so.
   */
  mayBeDone(error: unknown): boolean;
}

/**
 * Whether a try of `action` before this one had its write answered 2xx unreadably: its stored failure says so, or it
 * did before the person's Retry cleared that failure (`ActionRow.mayBeDone`). X may have done it.
 */
export function mayHaveBeenDone(action: ActionRow): boolean {
  return action.error?.mayBeDone === true || action.mayBeDone === true;
}

/**
 * What an action keeps of its tries through the person's Retry, which counts its tries afresh and clears its failure:
 * that X may have received a try (`sentBefore`), and that X answered a try's write 2xx unreadably (`mayBeDone`).
 */
export function keptThroughRetry(action: ActionRow): Pick<ActionRow, 'sentBefore' | 'mayBeDone'> {
  return {
    ...(wasSent(action) ? { sentBefore: true as const } : {}),
    ...(mayHaveBeenDone(action) ? { mayBeDone: true as const } : {}),
  };
}

const ok = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

/** Any 2xx Perch could not read. */
const unread2xx = (error: unknown): boolean => error instanceof XApiError && error.kind === 'malformed' && ok(error.status);
/** X's own 2xx JSON, naming no errors, that Perch could not read (lib/x/client.ts `xSuccess`). */
const unreadSuccess = (error: unknown): boolean => unread2xx(error) && (error as XApiError).xSuccess;

/** Remembers how X answered the last request an action sent. */
export function watchAnswers(): AnswerWatch {
  // The last request was a write (POST, PUT, DELETE); and X answered it with its own success (read or not).
  let lastWrite = false;
  let lastWriteOk = false;
  const watched = (client: XClient): XClient => ({
    async request(req) {
      lastWriteOk = false;
      lastWrite = req.method !== 'GET';
      try {
        const res = await client.request(req);
        lastWriteOk = lastWrite && ok(res.status);
        return res;
      } catch (error) {
        lastWriteOk = lastWrite && unreadSuccess(error);
        throw error;
      }
    },
  });
  return {
    async send(to, def, accountId, action) {
      const client = watched(to);
      try {
        const found = wasSent(action) && !def.idempotent ? await def.reconcile?.(client, accountId, action.params, action) : undefined;
        return found ?? (await def.execute(client, accountId, action.params)) ?? undefined;
      } catch (error) {
        // A read (GET) answered unreadably keeps its own path, as does every other failure.
        if (!def.idempotent || !(lastWriteOk && unreadSuccess(error))) throw error;
        return { ...def.unreadAnswer, answerUnread: true };
      }
    },
    mayBeDone: (error) => lastWrite && unread2xx(error),
  };
}
