import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { composeErrorText } from '@/components/compose-error-text';
import { composeWordsOf, SAID_MAX, saidOf } from '@/lib/compose-words';
import { resetDb } from '@/lib/db';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { readReply } from '@/lib/messaging';
import { ComposeError } from '@/lib/services/compose';
import { readInJapanese } from '../locales/in-japanese';

/**
 * The composer's refusals at their edges: X's long reasons, and words out of bounds (a count no sentence can say, a
 * refused reply with no post before it, a file's sentence with no file's name).
 */

const ACCOUNT = '1585841080431321088';

afterEach(() => resetDb());

/** The background's answer to `post.publish` when its handler fails with `error`. */
function answerTo(error: unknown): Promise<Reply<unknown>> {
  const handlers = { 'post.publish': () => Promise.reject(error) } as unknown as Handlers;
  return handle(handlers, { type: 'post.publish', accountId: ACCOUNT, context: 'compose' });
}

/** What the composer shows for a reply. */
async function shown(reply: Reply<unknown>): Promise<string> {
  return composeErrorText(await readReply(Promise.resolve(reply)).catch((e: unknown) => e));
}

describe('X’s reason past the contract’s 2,000 characters', () => {
  it('is shortened, not dropped, so the person still reads it', async () => {
    const long = `Your post breaks a rule. ${'Read the rules. '.repeat(200)}`;
    const refusal = new ComposeError('invalid-post', { kind: 'edit-refused' }, [], { said: long });
    const text = await shown(await answerTo(refusal));
    expect(text).toMatch(/^X would not edit your post\. Your text is kept as a draft\. X said: “\u2068Your post breaks a rule\. Read/);
    expect(text).toMatch(/…\u2069”$/);
  });

  it('keeps its first characters, ends with “…” and stays within the bound', () => {
    const said = saidOf('b'.repeat(SAID_MAX + 500));
    expect(said).toBe(`${'b'.repeat(SAID_MAX - 1)}…`);
  });

  it('is never cut inside a surrogate pair', () => {
    const said = saidOf(`${'a'.repeat(SAID_MAX - 2)}${'😀'.repeat(300)}`);
    expect(said).toBe(`${'a'.repeat(SAID_MAX - 2)}…`);
    expect(said!.isWellFormed()).toBe(true);
  });

  it('is left as X wrote it when within the bound', () => {
    expect(saidOf('c'.repeat(SAID_MAX))).toBe('c'.repeat(SAID_MAX));
  });
});

describe('a compose refusal whose words are out of bounds', () => {
  const nan = { kind: 'video-length', name: 'clip.mp4', count: Number.NaN } as const;

  it('goes with no sentence of the worker’s: the composer says something went wrong, never nothing', async () => {
    const refusal = new ComposeError('invalid-image', nan);
    expect(refusal.words).toBeUndefined();
    const reply = await answerTo(refusal);
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-image', message: '' } });
    expect(await shown(reply)).toBe('Something went wrong. Please try again.');
  });

  it('is said in the reader’s language, though the worker spoke English', async () => {
    const reply = await answerTo(new ComposeError('invalid-image', nan, [], { said: 'Bad video.' }));
    readInJapanese();
    expect(await shown(reply)).toBe('問題が発生しました。もう一度お試しください。');
  });
});

describe('words the background may not answer and a screen does not word', () => {
  it.each([
    ['a negative count', { kind: 'too-long', count: -1 }],
    ['a fraction of a character', { kind: 'too-long', count: 1.5 }],
    ['no characters over', { kind: 'alt-over', name: 'cat.png', count: 0 }],
    ['negative seconds', { kind: 'video-length', name: 'clip.mp4', count: -3 }],
    ['no count where the sentence says one', { kind: 'too-long' }],
    ['a refused reply at the thread’s first post', { kind: 'reply-refused', post: 1 }],
    ['a refused reply at no post', { kind: 'reply-refused' }],
    ['a refused image with no name', { kind: 'image-type' }],
    ['a refused description with no name', { kind: 'alt-refused' }],
    ['X’s processing of no named file', { kind: 'processing-timeout', count: 30 }],
  ])('refuses %s', (_, raw) => {
    expect(composeWordsOf(raw)).toBeUndefined();
  });

  it.each([
    ['a video’s length to a fraction of a second', { kind: 'video-length', name: 'clip.mp4', count: 0.4 }],
    ['a file whose name is empty', { kind: 'image-type', name: '' }],
    ['a refused reply at the second post', { kind: 'reply-refused', post: 2 }],
  ])('takes %s', (_, raw) => {
    expect(composeWordsOf(raw)).toEqual(raw);
  });

  it('says something went wrong rather than “post 1 … as a reply to post 0”', async () => {
    const reply: Reply<unknown> = { ok: false, error: { kind: 'reply-refused', message: '', own: { kind: 'reply-refused', post: 1 } } };
    expect(await shown(reply)).toBe('Something went wrong. Please try again.');
  });
});
