import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handle, type Handlers } from '@/lib/message-contract';
import { getDraft, saveDraft } from '@/lib/services/compose';

/**
 * The background as the composer tests need it: `draft.get` and `draft.save` answered by the real compose service over
 * the test's store, and each of `more` by its handler (through the message contract, as the background answers);
 * any other message answers null.
 */
export function answerDrafts(more: Record<string, (input: never) => unknown> = {}): void {
  const handlers = {
    'draft.get': ({ accountId, context }: { accountId: string; context: string }) => getDraft(accountId, context),
    'draft.save': ({ type: _type, ...input }: Parameters<typeof saveDraft>[0] & { type: string }) => saveDraft(input),
    ...more,
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) =>
    message.type in handlers ? handle(handlers as unknown as Handlers, message) : Promise.resolve({ ok: true, data: null })) as never);
}
