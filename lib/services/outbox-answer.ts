import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';

/**
 * A write X answered with a success it could not be read from. A 2xx is X saying the request succeeded
 * (x-api--fundamentals--response-codes-and-errors: "Successful requests return 2xx codes"; 200 "Request successful"),
 * whatever its body held: HTML,
 * JSON cut short, or `{}` where X's schema puts `data`. For a toggle (like, follow, mute, a List member …) the
 * state X now holds is the one the person asked for, so the outbox counts it done instead of retrying it and,
 * after its last try, putting the store back while X holds the new state. A creation whose answer carries what
 * Perch needs (a new List's id) is not known done without it: the outbox keeps its path for those.
 */
export interface AnswerWatch {
  /** The client to send through: the same requests, watched. */
  client: XClient;
  /**
   * True when `error` says the last answer could not be read, and that answer was a 2xx to a write (POST, PUT,
   * DELETE): X did it. False for a read (GET), whose unreadable answer keeps its own path, and for every other failure.
   */
  doneUnread(error: unknown): boolean;
}

const ok = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

/** Wraps `client` to remember how X answered the last request sent through it. */
export function watchAnswers(client: XClient): AnswerWatch {
  let lastWriteOk = false;
  return {
    client: {
      async request(req) {
        lastWriteOk = false;
        const write = req.method !== 'GET';
        try {
          const res = await client.request(req);
          lastWriteOk = write && ok(res.status);
          return res;
        } catch (error) {
          lastWriteOk = write && error instanceof XApiError && error.kind === 'malformed' && ok(error.status);
          throw error;
        }
      },
    },
    doneUnread: (error) => lastWriteOk && error instanceof XApiError && error.kind === 'malformed' && ok(error.status),
  };
}
