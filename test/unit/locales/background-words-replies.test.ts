import { describe, expect, it } from 'vitest';
import { FACTS_OF, composeWordsOf, type ComposeWordsKind } from '@/lib/compose-words';
import { handle, type ErrorReply, type Handlers } from '@/lib/message-contract';
import type { OwnWords } from '@/lib/own-words';
import { ComposeError } from '@/lib/services/compose';
import { XApiError } from '@/lib/x/errors';

/**
 * The background-words guard (background-words.test.ts), for replies: an error that carries Perch's own words by kind
 * (XApiError `ownWords`, ComposeError `words`: lib/own-words.ts) reaches a screen as those words, which the screen
 * words in its reader's language, and with no sentence of the worker's beside them. A kind the reply's check does not
 * take would go as the worker's sentence instead (as 'not-sent' did): this fails for it.
 */

/** Fields of an error reply whose text is not the worker's: its kind and X's own words. */
const NOT_WORDS = new Set(['kind', 'said']);

/** Where a reply carries a sentence of the worker's own. */
function workerSentences(error: ErrorReply): string[] {
  return Object.entries(error)
    .filter(([key, value]) => typeof value === 'string' && value !== '' && !NOT_WORDS.has(key))
    .map(([key]) => key);
}

/** Words of each kind, with the facts its sentence names (a name, a count, the refused post of a thread). */
function sampleOf(kind: ComposeWordsKind): OwnWords {
  const facts: { file?: true; count?: 'characters' | 'seconds' } = FACTS_OF[kind];
  return {
    kind,
    ...(facts.file ? { name: 'clip.mp4' } : {}),
    ...(facts.count === 'characters' ? { count: 3 } : facts.count === 'seconds' ? { count: 5 } : {}),
    ...(kind === 'reply-refused' ? { post: 2 } : {}),
  };
}

const OWN_WORDS: OwnWords[] = [{ kind: 'not-sent' }, ...(Object.keys(FACTS_OF) as ComposeWordsKind[]).map(sampleOf)];

/** The reply's error when a handler throws `error`. */
async function replyTo(error: Error): Promise<ErrorReply> {
  const handlers = { 'settings.get': () => Promise.reject(error) } as unknown as Handlers;
  const reply = await handle(handlers, { type: 'settings.get' });
  if (reply.ok) throw new Error('expected a refusal');
  return reply.error;
}

describe('the replies the background gives for Perch’s own words', () => {
  it('are checked for every kind, each sample within its bounds', () => {
    expect(OWN_WORDS.length).toBeGreaterThan(20);
    for (const words of OWN_WORDS.slice(1)) expect(composeWordsOf(words)).toEqual(words);
  });

  it.each(OWN_WORDS.map((words) => [words.kind, words] as const))('%s: goes as words, with no sentence', async (_, words) => {
    const said = 'X’s own reason.';
    const fromX = await replyTo(new XApiError('invalid-request', { ownWords: words, problem: { messages: [said] } }));
    const fromCompose = await replyTo(new ComposeError('invalid-post', words, [], { said }));
    for (const error of [fromX, fromCompose]) {
      expect(error).toMatchObject({ own: words, said });
      expect(workerSentences(error)).toEqual([]);
    }
  });

  it('fires for a sentence of the worker’s in a reply (canary)', () => {
    const old = { kind: 'invalid-request', message: 'Perch did not send this to X: something in it is not what X takes.' } as const;
    expect(workerSentences(old)).toEqual(['message']);
    expect(workerSentences({ kind: 'invalid-post', message: '', reason: 'Too long.' } as never)).toEqual(['reason']);
    expect(workerSentences({ kind: 'invalid-request', message: '', own: { kind: 'not-sent' }, said: 'Bad id.' })).toEqual([]);
  });
});
