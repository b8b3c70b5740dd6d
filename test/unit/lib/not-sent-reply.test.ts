import { describe, expect, it } from 'vitest';
import { composeErrorText } from '@/components/compose-error-text';
import { errorOf, errorText, thrownText } from '@/components/error-text';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { MessageError, readReply } from '@/lib/messaging';
import { ownWordsOf } from '@/lib/own-words';
import { ComposeError } from '@/lib/services/compose';
import { XApiError } from '@/lib/x/errors';
import { checkId, invalidInput } from '@/lib/x/input';
import { readInJapanese } from '../locales/in-japanese';

/**
 * Issue 13, "Two languages": a request Perch caught as not what X takes (lib/x/input.ts `invalidInput`, a bug in
 * Perch) leaves the background as its kind ('not-sent'), never as the worker's sentence; the screen words it in its
 * reader's language, X's words (if any) quoted as X's.
 */

const NOT_SENT = 'Perch did not send this to X: something in it is not what X takes.';
const NOT_SENT_JA = 'PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。';
const GENERIC = 'Something went wrong. Please try again.';
const GENERIC_JA = '問題が発生しました。もう一度お試しください。';

/** The background's answer, as the message listener gives it, to a request whose handler does `run`. */
function answerOf(run: () => unknown): Promise<Reply<unknown>> {
  const handlers = { 'settings.get': () => Promise.resolve().then(run) } as unknown as Handlers;
  return handle(handlers, { type: 'settings.get' });
}

/** What a screen caught for the reply: the MessageError sendMessage throws. */
const caughtOf = (reply: Reply<unknown>): Promise<unknown> => readReply(Promise.resolve(reply)).catch((e: unknown) => e);

/** What each kind of screen shows for the reply: any screen (thrownText), a composer, a screen keeping the reply. */
async function shown(reply: Reply<unknown>): Promise<string[]> {
  const e = await caughtOf(reply);
  return [thrownText(e), composeErrorText(e), errorText(errorOf(e))];
}

describe('a request Perch did not send, answered to a screen', () => {
  it('goes as its kind, with no sentence of the worker’s', async () => {
    const reply = await answerOf(() => checkId('not-an-id', 'A post id'));
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-request', message: '', own: { kind: 'not-sent' } } });
  });

  it('is worded by every screen in its reader’s language, though the worker spoke English', async () => {
    const reply = await answerOf(() => checkId('not-an-id', 'A post id'));
    expect(await shown(reply)).toEqual([NOT_SENT, NOT_SENT, NOT_SENT]);
    readInJapanese();
    expect(await shown(reply)).toEqual([NOT_SENT_JA, NOT_SENT_JA, NOT_SENT_JA]);
  });

  it('quotes X’s words after Perch’s, as X’s and untranslated, when there are any', async () => {
    const error = new XApiError('invalid-request', { ownWords: { kind: 'not-sent' }, problem: { messages: ['Bad id.'] } });
    const reply = await answerOf(() => Promise.reject(error));
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-request', message: '', own: { kind: 'not-sent' }, said: 'Bad id.' } });
    readInJapanese();
    expect((await shown(reply))[0]).toBe(`${NOT_SENT_JA}Xのメッセージ:「\u2068Bad id.\u2069」`);
  });
});

describe('a composer refusal for a request Perch did not send (an image’s description it would not send)', () => {
  /** The refusal publishing gives when describing an image stops at Perch's own check (lib/services/compose.ts). */
  const refusal = (said?: string) =>
    new ComposeError('invalid-image', invalidInput('An image description cannot be blank.').ownWords!, ['1'], { said });

  it('goes as its kind, with no sentence of the worker’s', async () => {
    const reply = await answerOf(() => Promise.reject(refusal()));
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-image', message: '', own: { kind: 'not-sent' } } });
  });

  it('is worded by the composer in Japanese for a Japanese reader, X’s words quoted as X’s', async () => {
    const reply = await answerOf(() => Promise.reject(refusal('Description refused.')));
    expect((await shown(reply))[1]).toBe(`${NOT_SENT} X said: “\u2068Description refused.\u2069”`);
    readInJapanese();
    expect(await shown(reply)).toEqual(Array(3).fill(`${NOT_SENT_JA}Xのメッセージ:「\u2068Description refused.\u2069」`));
  });
});

describe('Perch’s own words arriving on a screen', () => {
  it.each([
    ['a field a not-sent names none of', { kind: 'not-sent', name: 'a.png' }],
    ['a sentence beside the kind', { kind: 'not-sent', message: 'Perch did not send this.' }],
    ['a kind alone, as a string', 'not-sent'],
    ['an unknown kind', { kind: 'not-sent-either' }],
    ['nothing', null],
  ])('are refused with %s', (_, raw) => {
    expect(ownWordsOf(raw)).toBeUndefined();
  });

  it('are taken as they are when within bounds', () => {
    expect(ownWordsOf({ kind: 'not-sent' })).toEqual({ kind: 'not-sent' });
    expect(ownWordsOf({ kind: 'too-long', count: 3, post: 2 })).toEqual({ kind: 'too-long', count: 3, post: 2 });
  });

  it('are left out when out of bounds: the screen says something went wrong, never the sentence beside them', () => {
    const reply = { kind: 'invalid-request', message: NOT_SENT, own: { kind: 'not-sent', extra: 1 } as never, said: 'Bad id.' } as const;
    const error = new MessageError(reply);
    expect(error.own).toBeUndefined();
    expect(error.said).toBeUndefined();
    expect([thrownText(error), composeErrorText(error), errorText(reply)]).toEqual([GENERIC, GENERIC, GENERIC]);
    readInJapanese();
    expect([thrownText(new MessageError(reply)), errorText(reply)]).toEqual([GENERIC_JA, GENERIC_JA]);
  });
});
