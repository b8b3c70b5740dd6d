import { describe, expect, it, vi } from 'vitest';
import { errorText } from '@/components/error-text';
import { handle, type Handlers } from '@/lib/message-contract';
import { shareContext } from '@/lib/share-context';

/**
 * A draft's context and a saved search's id come only in the forms Perch makes (lib/services/drafts.ts `draftPlace`,
 * lib/share-context.ts, crypto.randomUUID()): any other is refused in the words for a request Perch does not send, and
 * no handler runs, so nothing is stored.
 */

const ADA = '1585841080431321088';
const handler = vi.fn(async () => null);
const handlers = new Proxy({}, { get: () => handler }) as Handlers;

async function answer(message: Record<string, unknown>): Promise<string> {
  handler.mockClear();
  const reply = await handle(handlers, message);
  return reply.ok ? 'taken' : errorText(reply.error);
}
const REFUSED = 'Perch did not understand that request';
const draftIn = (context: string) => answer({ type: 'draft.save', accountId: ADA, context, seq: 0, posts: [{ text: 'hi', mediaIds: [] }] });

describe("a draft's context", () => {
  it.each([
    ['a new post', 'compose'],
    ['a reply', 'reply:1'],
    ['a quote', `quote:${ADA}`],
    ['an edit', 'edit:20'],
    ['a shared page', shareContext('https://example.com/a?b=c')],
    ['a shared page with a long address, cut and marked', shareContext(`https://example.com/${'a'.repeat(10_000)}`)],
  ])('takes %s, a form Perch makes', async (_what, context) => {
    expect(await draftIn(context)).toBe('taken');
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each(['', 'reply:abc', 'reply:', 'quote:12345678901234567890', 'edit:1 ', 'share:', 'Compose', 'compose:1', 'elsewhere', 'note:1'])(
    'refuses %o in the words for a request Perch does not send, storing nothing',
    async (context) => {
      expect(await draftIn(context)).toContain(REFUSED);
      expect(handler).not.toHaveBeenCalled();
    },
  );
});

describe("a saved search's id", () => {
  it('takes the UUID Perch makes', async () => {
    expect(await answer({ type: 'savedSearch.delete', accountId: ADA, id: crypto.randomUUID() })).toBe('taken');
  });

  it.each(['s', '../x', 'a'.repeat(64), '1585841080431321088'])('refuses %o, storing nothing', async (id) => {
    expect(await answer({ type: 'savedSearch.delete', accountId: ADA, id })).toContain(REFUSED);
    expect(handler).not.toHaveBeenCalled();
    expect(await answer({ type: 'savedSearch.save', accountId: ADA, id, name: 'n', query: 'q', pinned: false })).toContain(REFUSED);
    expect(handler).not.toHaveBeenCalled();
  });
});
