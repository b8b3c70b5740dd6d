import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';

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
  /** The client to send through: the same requests, watched. */
  client: XClient;
  /**
   * True when `error` says the last answer could not be read, and that answer was X's JSON 2xx without `errors` to a
   * write (POST, PUT, DELETE): X did it. False for a read (GET), whose unreadable answer keeps its own path, and for every other failure.
   */
  doneUnread(error: unknown): boolean;
  /**
   * True when the last answer was a 2xx to a write that could not be read, whoever sent it (X, or a page from
   * something between): X may have done it, and a failure says so.
   */
  mayBeDone(error: unknown): boolean;
}

const ok = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

/** Any 2xx Perch could not read. */
const unread2xx = (error: unknown): boolean => error instanceof XApiError && error.kind === 'malformed' && ok(error.status);
/** X's own 2xx JSON, naming no errors, that Perch could not read (lib/x/client.ts `xSuccess`). */
const unreadSuccess = (error: unknown): boolean => unread2xx(error) && (error as XApiError).xSuccess;

/** Wraps `client` to remember how X answered the last request sent through it. */
export function watchAnswers(client: XClient): AnswerWatch {
  let lastWriteOk = false;
  let lastWrite = false;
  return {
    client: {
      async request(req) {
        lastWriteOk = false;
        const write = req.method !== 'GET';
        lastWrite = write;
        try {
          const res = await client.request(req);
          lastWriteOk = write && ok(res.status);
          return res;
        } catch (error) {
          lastWriteOk = write && unreadSuccess(error);
          throw error;
        }
      },
    },
    doneUnread: (error) => lastWriteOk && unreadSuccess(error),
    mayBeDone: (error) => lastWrite && unread2xx(error),
  };
}
