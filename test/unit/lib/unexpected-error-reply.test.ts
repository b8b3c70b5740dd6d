/**
 * A handler that fails in a way Perch did not foresee (a bug's TypeError, a failed store read) speaks the browser's
 * English: the screen shows Perch's generic words in its reader's language instead.
 */
import { describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { handle, type Handlers } from '@/lib/message-contract';

const ADA = '1585841080431321088';

describe('an unexpected failure in the background', () => {
  it("shows Perch's generic words, not the error's own text", async () => {
    const handlers = {
      'drafts.count': () => Promise.reject(new TypeError('Cannot read properties of undefined')),
    } as unknown as Handlers;
    const reply = await handle(handlers, { type: 'drafts.count', accountId: ADA });
    expect(reply.ok).toBe(false);
    const shown = reply.ok ? '' : errorText(reply.error);
    expect(shown).toBe('Something went wrong. Please try again.');
    expect(shown).not.toContain('Cannot read');
  });
});
