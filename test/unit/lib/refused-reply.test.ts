import { describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { handle, type Handlers } from '@/lib/message-contract';
import { MessageError } from '@/lib/messaging';
import { RefusedError } from '@/lib/refused-error';
import type { ReplyWords } from '@/lib/reply-words';
import { readInJapanese } from '../locales/in-japanese';

/**
 * A refusal whose words are out of their bounds: the screen shows the generic words in its reader's language, never
 * the refusal's log line for developers ("error: note-too-long").
 */

const GENERIC = 'Something went wrong. Please try again.';
const GENERIC_JA = '問題が発生しました。もう一度お試しください。';

/** What the screen and the message error say for the answer when `settings.get` is refused with these words. */
async function shown(words: ReplyWords): Promise<string[]> {
  const handlers = {
    'settings.get': () => Promise.reject(new RefusedError('error', words)),
  } as unknown as Handlers;
  const reply = await handle(handlers, { type: 'settings.get' });
  if (reply.ok) throw new Error('expected a refusal');
  return [errorText(reply.error), new MessageError(reply.error).message];
}

describe('a refusal whose words are out of their bounds', () => {
  it('shows the generic words, not the developers’ log line', async () => {
    expect(await shown({ kind: 'note-too-long', count: 1 })).toEqual([GENERIC, GENERIC]);
  });

  it('shows the generic words in the reader’s language', async () => {
    readInJapanese();
    expect(await shown({ kind: 'tags-invalid', tags: [], count: 0 })).toEqual([GENERIC_JA, GENERIC_JA]);
  });
});
