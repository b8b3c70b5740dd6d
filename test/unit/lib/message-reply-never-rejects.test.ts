import { describe, expect, it } from 'vitest';
import { handle, type Handlers } from '@/lib/message-contract';

/**
 * `handle` never rejects: the listener answers the page with what it resolves to (lib/message-contract.ts
 * `createMessageListener`), and a rejection would leave the page waiting with no words at all.
 */

/** A failure whose words cannot be read: reading its `message` throws (as a date no Date holds once did). */
function unwordable(kind: string): Error {
  const error = Object.assign(new Error(), { kind });
  Object.defineProperty(error, 'message', {
    get: () => {
      throw new RangeError('Invalid time value');
    },
  });
  return error;
}

/** Handlers where Check connection fails with `error` (only that message is sent here). */
const failingCheck = (error: unknown) =>
  ({
    'account.check': () => Promise.reject(error),
  }) as unknown as Handlers;

describe('a failure whose words cannot be read', () => {
  it.each(['rate-limited', 'unavailable'])('of kind %s is answered with its kind in Perch’s words, not left unanswered', async (kind) => {
    const reply = await handle(failingCheck(unwordable(kind)), { type: 'account.check', accountId: '7' }).catch((e: unknown) => ({
      rejected: String(e),
    }));
    expect(reply).toEqual({ ok: false, error: { kind, message: '' } });
  });

  it('whose kind cannot be read either is answered as a failure in Perch’s words', async () => {
    const error = unwordable('rate-limited');
    Object.defineProperty(error, 'kind', {
      get: () => {
        throw new RangeError('Invalid time value');
      },
    });
    const reply = await handle(failingCheck(error), { type: 'account.check', accountId: '7' }).catch((e: unknown) => ({
      rejected: String(e),
    }));
    expect(reply).toEqual({ ok: false, error: { kind: 'error', message: '' } });
  });
});
